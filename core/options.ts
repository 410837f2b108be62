/** The part of `Xrm.WebApi` the core uses; `Xrm.WebApi` itself satisfies it. */
export interface WebApiLike {
  online: { execute(request: object): PromiseLike<unknown> };
}

/** The part of the DOM `Storage` the cache uses; `sessionStorage` satisfies it. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type FetchLike = (
  input: string,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    credentials?: "same-origin" | "include" | "omit";
    signal?: AbortSignal;
  },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}>;

/** How an edge (control or form script) asks for the integration details. Everything but orgUrl/userId is optional. */
export interface GetDetailsOptions {
  /** Organization URL (`getClientUrl()`, or `location.origin`): with userId, the cache key. */
  orgUrl: string;
  /** The signed-in user's id (braces and case do not matter). */
  userId: string;
  /** When given, the call goes through `webApi.online.execute`; otherwise through same-origin `fetch`. */
  webApi?: WebApiLike;
  /** The fetch used when there is no webApi; defaults to `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Where results are cached; defaults to `globalThis.sessionStorage` when reachable; `null` turns caching off. */
  storage?: StorageLike | null;
  /** How long a linked / notLinked answer is reused, in minutes; default 15; 0 always asks the server. */
  cacheMinutes?: number;
  /** The host's own offline flag (PCF `context.client.isOffline()`); when it says true no request is made. */
  isOffline?: () => boolean;
  /** Skip any cached answer (a Retry button); the new answer still refreshes the cache. */
  forceRefresh?: boolean;
  /** Injected clock and timer, for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}
