import type { FetchLike } from "./options";

/** Where a bearer token comes from: the token itself, or a function asked before each request (to refresh it). */
export type TokenProvider = string | (() => string | PromiseLike<string>);

/** The fetch bearerFetch calls: `globalThis.fetch` fits (typed here so the declarations need no DOM or Node typings). */
export type PlainFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; redirect: "manual"; signal?: AbortSignal },
) => ReturnType<FetchLike>;

export interface BearerFetchOptions {
  /** The Dataverse environment, e.g. `https://contoso.crm.dynamics.com` (https; plain http only on loopback). */
  orgUrl: string;
  /** The access token for that environment (resource `<orgUrl>/.default`), or a function that returns one. */
  token: TokenProvider;
  /** The fetch to call; default `globalThis.fetch` (Node 18+, browsers). */
  fetch?: PlainFetch;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts a token may reach over plain http (a local emulator). */
function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A `fetch` for `getIntegrationDetails` outside a Dataverse page (Node 20, a service, a test): the core asks a path
 * (`/api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails`), this resolves it against `orgUrl` and adds
 * `Authorization: Bearer <token>`. Redirects are not followed (the 3xx comes back as the answer, so a token never
 * travels to another host). When `token` throws or rejects, the request is not sent and the answer is a 401 without a
 * body, which the core reports as `unauthorized`. Throws (at once, before any request) a TypeError when `orgUrl` is not
 * an absolute https URL (http only for loopback) or has a path, query or user name.
 */
export function bearerFetch(options: BearerFetchOptions): FetchLike {
  let base: URL;
  try {
    base = new URL(options.orgUrl);
  } catch {
    throw new TypeError("orgUrl must be an absolute URL, e.g. https://contoso.crm.dynamics.com");
  }
  if (base.protocol !== "https:" && !(base.protocol === "http:" && isLoopback(base.hostname)))
    throw new TypeError(`orgUrl must be https (plain http only on loopback): ${base.protocol}`);
  if (base.username !== "" || base.password !== "" || base.search !== "" || base.pathname.replace(/\/+$/, "") !== "")
    throw new TypeError("orgUrl must be the environment's origin, e.g. https://contoso.crm.dynamics.com");
  const origin = base.origin;
  return async (path, init) => {
    const fetchImpl: PlainFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    if (!path.startsWith("/") || path.startsWith("//")) throw new TypeError("bearerFetch only takes a path");
    let token: string;
    try {
      token = typeof options.token === "function" ? await options.token() : options.token;
    } catch {
      return refused();
    }
    if (typeof token !== "string" || token === "") return refused();
    return fetchImpl(`${origin}${path}`, {
      method: init?.method ?? "GET",
      headers: { ...init?.headers, Authorization: `Bearer ${token}` },
      redirect: "manual",
      ...(init?.signal === undefined ? {} : { signal: init.signal }),
    });
  };
}

/** What the core reads as "who are you?" when no token could be had: HTTP 401, no body. */
function refused(): Awaited<ReturnType<FetchLike>> {
  return { ok: false, status: 401, json: () => Promise.resolve(undefined), text: () => Promise.resolve("") };
}
