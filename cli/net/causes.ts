/**
 * Why a request got no HTTP answer, in words an admin can act on (issue 23, kind 5). undici wraps the real cause:
 * `fetch failed` -> `Request was cancelled.` -> `Proxy response (407) !== 200 when HTTP Tunneling`, or `fetch failed`
 * -> `getaddrinfo ENOTFOUND host`; the whole chain (`cause`, and an AggregateError's `errors`) is read, and the first
 * link that names something (a proxy's status, a system or TLS error code) decides. Pure: no I/O (the proxy's own
 * challenge is asked for in cli/net/proxyChallenge.ts).
 */

export interface NetworkCause {
  /** One line: what happened and what to do; never a secret (a proxy is named by its origin only). */
  words: string;
  /**
   * True when the network may simply be down (DNS, refused, reset, unreachable): the environment is `offline`.
   * False when something answered, but not as it must (a proxy asking for a sign-in or refusing the host, a
   * certificate that is not trusted): the environment `failed`, with these words.
   */
  offline: boolean;
  /** The status the proxy answered CONNECT with, when that was the cause. */
  proxyStatus?: number;
}

interface Link {
  code?: string;
  message: string;
  address?: string;
  port?: number;
  /** A DNS failure's name. */
  hostname?: string;
}

/** Every error in the chain, outermost first (at most 12, cycles ignored). */
export function causeChain(error: unknown): Link[] {
  const links: Link[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && links.length < 12) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    const record = item as { code?: unknown; message?: unknown; address?: unknown; port?: unknown; hostname?: unknown };
    links.push({
      ...(typeof record.code === "string" ? { code: record.code } : {}),
      message: typeof record.message === "string" ? record.message : "",
      ...(typeof record.address === "string" ? { address: record.address } : {}),
      ...(typeof record.port === "number" ? { port: record.port } : {}),
      ...(typeof record.hostname === "string" ? { hostname: record.hostname } : {}),
    });
    const { cause, errors } = item as { cause?: unknown; errors?: unknown };
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return links;
}

const UNTRUSTED = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_UNTRUSTED",
  "CERT_CHAIN_TOO_LONG",
]);

/** The remedy every proxy-sign-in case shares. */
export const PROXY_SIGN_IN_REMEDY =
  "finops-link supports only Basic credentials in the proxy URL (http://user:password@proxy:port): run a local relay that signs in for you (cntlm, px) and point HTTPS_PROXY at it, or list the hosts in NO_PROXY where they can be reached directly";

/**
 * The cause of a failed connection to `target` (a URL), through `proxy` (its origin, or undefined for none).
 * `now` is only for the clock words of a certificate that has expired or is not valid yet.
 */
export function networkCause(error: unknown, target: string, proxy: string | undefined, now: number): NetworkCause {
  const host = hostOf(target);
  const links = causeChain(error);
  for (const link of links) {
    const tunnel = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/.exec(link.message);
    if (tunnel !== null) return proxyAnswered(Number(tunnel[1]), host, proxy ?? "the proxy");
  }
  const coded = links.find((link) => link.code !== undefined && !/^UND_ERR_(ABORTED|REQ_CONTENT)/.test(link.code));
  const code = coded?.code;
  const endpoint =
    coded?.address === undefined ? host : `${coded.address}${coded.port === undefined ? "" : `:${coded.port}`}`;
  const viaProxy =
    proxy !== undefined && coded?.address !== undefined && sameEndpoint(proxy, coded.address, coded.port);
  const who = viaProxy ? `the proxy ${proxy}` : host;
  switch (code) {
    case "ENOTFOUND":
      return {
        words: `${coded?.hostname ?? host} is not known to DNS (ENOTFOUND): check the spelling, the VPN and the DNS server; where only a proxy resolves names, set HTTPS_PROXY`,
        offline: true,
      };
    case "EAI_AGAIN":
      return {
        words: `DNS did not answer for ${host} (EAI_AGAIN): no network, or the DNS server is down`,
        offline: true,
      };
    case "ECONNREFUSED":
      return {
        words: viaProxy
          ? `the proxy ${proxy} refused the connection (ECONNREFUSED): is HTTPS_PROXY right, and is the proxy running?`
          : `${endpoint} refused the connection (ECONNREFUSED): nothing listens there, or a firewall rejects it`,
        offline: true,
      };
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
    case "EPIPE":
      return {
        words: `the connection to ${who} was cut before an answer (${code}): a firewall or a TLS-inspecting proxy may be ending it`,
        offline: true,
      };
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return {
        words: `no connection to ${who} could be made in time (${code}): a firewall dropping the packets, or no route`,
        offline: true,
      };
    case "ENETUNREACH":
    case "EHOSTUNREACH":
    case "ENETDOWN":
      return { words: `no route to ${who} (${code}): no network, or the VPN is down`, offline: true };
    case "CERT_HAS_EXPIRED":
      return {
        words: `the certificate ${host} presents has expired (CERT_HAS_EXPIRED), or this computer's clock is wrong (it says ${new Date(now).toISOString()})`,
        offline: false,
      };
    case "CERT_NOT_YET_VALID":
      return {
        words: `the certificate ${host} presents is not valid yet (CERT_NOT_YET_VALID): is this computer's clock right (it says ${new Date(now).toISOString()})?`,
        offline: false,
      };
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return {
        words: `the certificate that answered for ${host} is another host's (ERR_TLS_CERT_ALTNAME_INVALID): a proxy, a captive portal or a wrong DNS answer is in its place`,
        offline: false,
      };
  }
  if (code !== undefined && UNTRUSTED.has(code))
    return {
      words: `the certificate ${host} presents is not trusted (${code}): a TLS-inspecting proxy or firewall signs with its own root; give Node that root with NODE_EXTRA_CA_CERTS=/path/to/root.pem`,
      offline: false,
    };
  const said =
    code ??
    links
      .map((link) => link.message)
      .filter((m) => m !== "" && m !== "fetch failed")
      .at(-1);
  return { words: `could not connect to ${host}${said === undefined ? "" : ` (${said})`}`, offline: true };
}

/** The proxy answered CONNECT with `status` instead of 200. */
function proxyAnswered(status: number, host: string, proxy: string): NetworkCause {
  if (status === 407)
    return {
      words: `the proxy ${proxy} asks for a sign-in (HTTP 407 Proxy Authentication Required); ${PROXY_SIGN_IN_REMEDY}`,
      offline: false,
      proxyStatus: 407,
    };
  if (status === 403)
    return {
      words: `the proxy ${proxy} refused the tunnel to ${host} (HTTP 403): its rules block that host; ask for the Dataverse, sign-in and admin API hosts to be allowed (docs/cli-network.md)`,
      offline: false,
      proxyStatus: 403,
    };
  if (status >= 500)
    return {
      words: `the proxy ${proxy} could not reach ${host} (HTTP ${status}): the host is down or the proxy cannot resolve it`,
      offline: true,
      proxyStatus: status,
    };
  return {
    words: `the proxy ${proxy} answered HTTP ${status} to the tunnel to ${host}`,
    offline: false,
    proxyStatus: status,
  };
}

/**
 * The words for a 407 once the proxy's `Proxy-Authenticate` schemes are known (cli/net/proxyChallenge.ts):
 * Negotiate/NTLM (Windows sign-in) cannot be done here; Basic can, with the user and password in the URL.
 */
export function proxySignInWords(proxy: string, schemes: ReadonlyArray<string>, hasCredentials: boolean): string {
  const offered = schemes.length === 0 ? "" : `; Proxy-Authenticate: ${schemes.join(", ")}`;
  const basic = schemes.some((s) => s.toLowerCase() === "basic");
  if (basic && hasCredentials)
    return `the proxy ${proxy} refused the user and password in the proxy URL (HTTP 407${offered}): check them`;
  if (basic)
    return `the proxy ${proxy} asks for a user and password (HTTP 407${offered}): put them in the proxy URL, HTTPS_PROXY=http://user:password@proxy:port`;
  const windows = schemes.filter((s) => /^(negotiate|ntlm|kerberos)$/i.test(s));
  const wants = windows.length > 0 ? `wants ${windows.join("/")} sign-in (Windows)` : "asks for a sign-in";
  return `the proxy ${proxy} ${wants} (HTTP 407 Proxy Authentication Required${offered}); ${PROXY_SIGN_IN_REMEDY}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

function sameEndpoint(proxy: string, address: string, port: number | undefined): boolean {
  try {
    const url = new URL(proxy);
    const proxyPort = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
    const hostname = url.hostname.replace(/^\[|\]$/g, "");
    const local = hostname === "localhost" && (address === "127.0.0.1" || address === "::1");
    return (hostname === address || local) && (port === undefined || port === proxyPort);
  } catch {
    return false;
  }
}
