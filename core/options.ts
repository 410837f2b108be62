/** What Xrm's and PCF's asynchronous calls return: a Promise, or Xrm.Async.PromiseLike (handlers must be given). */
export interface Thenable<T> {
  then(onFulfilled: (value: T) => unknown, onRejected: (reason: unknown) => unknown): unknown;
}

/**
 * The part of `Xrm.WebApi` the core uses; `Xrm.WebApi` itself satisfies it (its execute returns an
 * Xrm.Async.PromiseLike, which the core awaits, giving both handlers).
 */
export interface WebApiLike {
  online: { execute(request: object): Thenable<unknown> };
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

/**
 * What every cached, timed request of the core takes (the link check and the record link): whose cache entry it is,
 * how long an answer is reused, how long a request may take, the host's offline flag, Retry and the clock.
 */
export interface RequestOptions {
  /** Organization URL (`getClientUrl()`, or `location.origin`): with userId, the cache key. */
  orgUrl: string;
  /** The signed-in user's id (braces and case do not matter). */
  userId: string;
  /** Where answers are cached; defaults to `globalThis.sessionStorage` when reachable; `null` turns caching off. */
  storage?: StorageLike | null;
  /** How long a cached answer is reused, in minutes; default 15; 0 always asks the server. */
  cacheMinutes?: number;
  /** Seconds to wait for each request before giving up (a failure marked timed out); default 30, at most 3600. */
  timeoutSeconds?: number;
  /** The host's own offline flag (PCF `context.client.isOffline()`); when it says true no request is made. */
  isOffline?: () => boolean;
  /** Skip any cached answer (a Retry button); the new answer still refreshes the cache. */
  forceRefresh?: boolean;
  /** Injected clock, for tests (the request timeout uses the global timer: fake it with Jest). */
  now?: () => number;
}

/**
 * How an edge (control or form script) asks for the integration details. Everything but orgUrl/userId is optional;
 * only linked / notLinked answers are cached.
 */
export interface GetDetailsOptions extends RequestOptions {
  /** When given, the call goes through `webApi.online.execute`; otherwise through same-origin `fetch`. */
  webApi?: WebApiLike;
  /**
   * The same-origin fetch used when there is no webApi, or when its execute fails without an answer from Dataverse;
   * defaults to `globalThis.fetch` in a page (an http(s) `location`), none elsewhere (Node).
   */
  fetch?: FetchLike;
  /** Injected polling sleep, for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** What one uncached request needs (core/client.ts askIntegrationDetails): the transports, the time limit, offline. */
export type AskOptions = Pick<GetDetailsOptions, "webApi" | "fetch" | "timeoutSeconds" | "isOffline">;

export const DEFAULT_CACHE_MINUTES = 15;
const DEFAULT_TIMEOUT_SECONDS = 30;

/** The one check of a cache time in minutes, shared by the client, the control's settings and the form options. */
export function isCacheMinutes(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** The cache time to use: the value when it is valid, else the default. */
export function cacheMinutesOrDefault(value: unknown): number {
  return isCacheMinutes(value) ? value : DEFAULT_CACHE_MINUTES;
}

/** Longer than any answer worth waiting for, and well inside what setTimeout can count (about 24.8 days). */
const MAX_TIMEOUT_SECONDS = 3600;

/** The request timeout to use, in seconds: more than 0 and at most an hour, else the default. */
export function timeoutSecondsOrDefault(value: unknown): number {
  return typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_SECONDS ? value : DEFAULT_TIMEOUT_SECONDS;
}
