import { Agent, EnvHttpProxyAgent, type Dispatcher } from "undici";

/** The proxy settings of the environment, read the way curl reads them: the lower-case name first. */
export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const read = (name: string) => nonEmpty(env[name.toLowerCase()]) ?? nonEmpty(env[name.toUpperCase()]);
  const settings: ProxySettings = {};
  const httpProxy = read("http_proxy");
  const httpsProxy = read("https_proxy");
  const noProxy = read("no_proxy");
  if (httpProxy !== undefined) settings.httpProxy = httpProxy;
  if (httpsProxy !== undefined) settings.httpsProxy = httpsProxy;
  if (noProxy !== undefined) settings.noProxy = noProxy;
  return settings;
}

/** A proxy URL must be one: said as a usage error before any request, not as "could not connect" per environment. */
export function checkProxySettings(settings: ProxySettings): string | undefined {
  for (const [name, value] of [
    ["HTTPS_PROXY", settings.httpsProxy],
    ["HTTP_PROXY", settings.httpProxy],
  ] as const) {
    if (value === undefined) continue;
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    } catch {
      return `${name} is not a proxy URL`;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return `${name}: only http:// and https:// proxies are supported, not ${url.protocol}`;
  }
  return undefined;
}

/**
 * Every connection the command line opens goes through one of these: undici's own proxy agent when HTTPS_PROXY or
 * HTTP_PROXY is set (NO_PROXY honoured; https targets are tunnelled with CONNECT), a plain agent otherwise. The
 * Dataverse and admin API requests and every MSAL request (cli/auth/msalNetwork.ts) use it. `connections` bounds the
 * sockets per origin (1 for a scoped per-environment client; see cli/http.ts).
 */
export function createDispatcher(settings: ProxySettings, connections?: number): Dispatcher {
  const options = connections === undefined ? {} : { connections };
  if (settings.httpProxy === undefined && settings.httpsProxy === undefined) return new Agent(options);
  return remembered(
    settings,
    withoutExperimentalWarning(
      () =>
        new EnvHttpProxyAgent({
          ...options,
          httpProxy: withScheme(settings.httpProxy),
          httpsProxy: withScheme(settings.httpsProxy ?? settings.httpProxy),
          // undici reads NO_PROXY from the environment unless told; an empty string means "proxy everything".
          noProxy: settings.noProxy ?? "",
        }),
    ),
  );
}

/** The proxy settings each proxy dispatcher was made with: to name the proxy when a connection through it fails. */
const proxies = new WeakMap<Dispatcher, ProxySettings>();

function remembered(settings: ProxySettings, dispatcher: Dispatcher): Dispatcher {
  proxies.set(dispatcher, settings);
  return dispatcher;
}

/**
 * The proxy URL (credentials included: for cli/net/proxyChallenge.ts only, never for words) a request to `url`
 * went through on `dispatcher`, or undefined when it went direct: HTTPS_PROXY (else HTTP_PROXY) for https, HTTP_PROXY
 * for http, none for a host NO_PROXY lists (`host`, `host:port`, `.domain`, `*.domain`, `*`).
 */
export function proxyFor(dispatcher: Dispatcher, url: string): string | undefined {
  const settings = proxies.get(dispatcher);
  if (settings === undefined) return undefined;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  const host = target.hostname.toLowerCase();
  for (const entry of (settings.noProxy ?? "").split(/[\s,]+/).filter((e) => e !== "")) {
    if (entry === "*") return undefined;
    const [name = "", port] = entry.toLowerCase().split(/:(?=\d+$)/);
    if (port !== undefined && port !== target.port) continue;
    const domain = name.replace(/^\*?\./, "");
    if (host === domain || host.endsWith(`.${domain}`)) return undefined;
  }
  return withScheme(target.protocol === "https:" ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy);
}

function withScheme(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

/**
 * undici 6 prints "EnvHttpProxyAgent is experimental" on stderr once per process; stderr is for the admin's messages
 * (and stays empty on success), so that one warning, and only it, is not printed.
 */
function withoutExperimentalWarning<T>(create: () => T): T {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    const code = typeof options === "object" && options !== null ? (options as { code?: unknown }).code : rest[1];
    if (code === "UNDICI-EHPA") return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return create();
  } finally {
    process.emitWarning = original;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
