import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";

/** What a proxy's 407 offers: the schemes of its Proxy-Authenticate headers (`Negotiate`, `NTLM`, `Basic`). */
export interface ProxyChallenge {
  schemes: string[];
}

const asked = new Map<string, Promise<ProxyChallenge | undefined>>();

/**
 * Asks the proxy once per run (per proxy URL) for its challenge: a `CONNECT target` of our own, without credentials
 * unless the URL has them (then Basic, as undici sends them), read only to its status line and headers, and closed.
 * undici keeps only "Proxy response (407) !== 200" and drops the headers, which say what the proxy wants. Bounded
 * by `timeoutMs`; undefined when the proxy does not answer 407 again or cannot be asked.
 */
export function proxyChallenge(
  proxyUrl: string,
  target: string,
  timeoutMs: number,
): Promise<ProxyChallenge | undefined> {
  const key = proxyUrl;
  let pending = asked.get(key);
  if (pending === undefined) {
    pending = ask(proxyUrl, target, timeoutMs);
    asked.set(key, pending);
  }
  return pending;
}

function ask(proxyUrl: string, target: string, timeoutMs: number): Promise<ProxyChallenge | undefined> {
  return new Promise((resolve) => {
    let proxy: URL;
    let authority: string;
    try {
      proxy = new URL(proxyUrl);
      const url = new URL(target);
      authority = `${url.hostname}:${url.port === "" ? (url.protocol === "https:" ? "443" : "80") : url.port}`;
    } catch {
      resolve(undefined);
      return;
    }
    const headers: Record<string, string> = { Host: authority };
    if (proxy.username !== "")
      headers["Proxy-Authorization"] =
        `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`;
    const request = (proxy.protocol === "https:" ? httpsRequest : httpRequest)({
      host: proxy.hostname.replace(/^\[|\]$/g, ""),
      port: proxy.port === "" ? (proxy.protocol === "https:" ? 443 : 80) : Number(proxy.port),
      method: "CONNECT",
      path: authority,
      headers,
      timeout: timeoutMs,
    });
    const done = (answer: IncomingMessage | undefined) => {
      request.destroy();
      if (answer?.statusCode !== 407) return resolve(undefined);
      const raw = answer.headers["proxy-authenticate"];
      const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      // Only the scheme token of each challenge: a proxy's text never reaches the terminal beyond it.
      const schemes = values
        .flatMap((value) => value.split(/,(?=\s*[A-Za-z][\w-]*(?:\s|$))/))
        .map((value) => /^\s*([A-Za-z][\w-]{0,30})(?:\s|$)/.exec(value)?.[1])
        .filter((scheme): scheme is string => scheme !== undefined);
      resolve({ schemes: [...new Set(schemes)] });
    };
    request.on("connect", (answer: IncomingMessage, socket) => {
      socket.destroy();
      done(answer);
    });
    request.on("response", (answer: IncomingMessage) => done(answer)); // some proxies answer a refused CONNECT so
    request.on("timeout", () => done(undefined));
    request.on("error", () => done(undefined));
    request.end();
  });
}
