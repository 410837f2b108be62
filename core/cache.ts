/**
 * Cache, single flight and the cross-bundle hand-off: ONE request per tab per TTL.
 *
 * What is stored (sessionStorage by default: per tab, per origin, gone when the tab closes):
 * - `finopslink:v1:result:<org origin>|<user id>` -> `{ v: 1, org, user, savedAt, result }`: the last linked or
 *   notLinked answer. Errors are never stored. The entry is fresh for `cacheMinutes` (default 15); after that it is
 *   only read as `lastKnown` (a linked answer shown, marked as such, while offline). Entries whose JSON, version,
 *   org/user, timestamp or details do not check out (corrupt, foreign, tampered, non-https URL) are ignored.
 * - `finopslink:v1:pending:<org origin>|<user id>` -> `{ v: 1, token, at }`: "a request is in flight", written just
 *   before the request and removed (by its owner only) right after the result entry is written.
 *
 * Why a marker: the control and the form script are separate bundles, possibly in separate same-origin frames of one
 * tab; they share sessionStorage but not JavaScript memory. The module Map below joins callers inside one bundle; the
 * marker joins bundles: a caller that finds a live marker polls (every 100 ms) until the result entry appears
 * (answer, marked fromCache), the marker disappears (the owner got an error, which is not shared: ask yourself) or
 * the marker is older than 10 s (the owner hung: ask yourself). An owner whose page goes away mid-request (reload,
 * closed frame) clears its marker on `pagehide`, so the next page does not wait for it. Frames of one tab run on one
 * event loop, so "check marker, then write marker" cannot interleave with another frame's check.
 *
 * Every storage access is guarded: a storage that throws (sandboxed frame, quota, privacy mode) means "no cache",
 * never an error. Admins clear it by closing the tab, or by removing keys starting with `finopslink:` from
 * sessionStorage (browser dev tools > Application > Session storage); the Retry action skips the cached answer.
 */
import { normaliseGuid } from "./guid";
import { safeHttpsUrl } from "./links";
import type { StorageLike } from "./options";
import type { IntegrationResult, LinkedDetails } from "./result";
import { isObject } from "./transports/transport";

export const KEY_PREFIX = "finopslink:v1:";
export const DEFAULT_CACHE_MINUTES = 15;
/** How long a marker is believed: longer than a slow Dataverse answer, short enough that a closed frame costs little. */
export const MARKER_TIMEOUT_MS = 10_000;
export const POLL_INTERVAL_MS = 100;
/** Timestamps further in the future than this are not ours (clock tampering or a foreign writer). */
const CLOCK_SKEW_MS = 60_000;

type CacheableResult = Extract<IntegrationResult, { kind: "linked" | "notLinked" }>;

interface Marker {
  token: string;
  at: number;
}

/** The organization URL as its lower-case origin (so getClientUrl() and location.origin agree). */
export function normaliseOrg(orgUrl: unknown): string {
  const text = String(orgUrl ?? "").trim();
  try {
    const origin = new URL(text).origin;
    if (origin !== "null") return origin.toLowerCase();
  } catch {
    // not absolute: fall through to the text itself
  }
  return text.toLowerCase().replace(/\/+$/, "");
}

/** The user id as a lower-case GUID without braces (or the trimmed lower-case text when it is not a GUID). */
export function normaliseUser(userId: unknown): string {
  const text = String(userId ?? "").trim();
  return normaliseGuid(text) ?? text.toLowerCase();
}

/** The storage to use: `null` turns caching off; undefined means sessionStorage when this page may touch it. */
export function resolveStorage(option: StorageLike | null | undefined): StorageLike | null {
  if (option !== undefined) return option;
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // sandboxed frames throw SecurityError on access
  }
}

/** The sessionStorage entry and in-flight marker of one org + user. */
export class ResultCache {
  private readonly org: string;
  private readonly user: string;
  private readonly resultKey: string;
  private readonly pendingKey: string;

  constructor(
    private readonly storage: StorageLike | null,
    orgUrl: string,
    userId: string,
    private readonly now: () => number,
  ) {
    this.org = normaliseOrg(orgUrl);
    this.user = normaliseUser(userId);
    this.resultKey = `${KEY_PREFIX}result:${this.org}|${this.user}`;
    this.pendingKey = `${KEY_PREFIX}pending:${this.org}|${this.user}`;
  }

  /** The key shared by every caller (in-page single flight). */
  get id(): string {
    return `${this.org}|${this.user}`;
  }

  /** A fresh cached answer (saved within ttlMs, and not before `since`), marked fromCache. */
  readFresh(ttlMs: number, since = Number.NEGATIVE_INFINITY): IntegrationResult | undefined {
    const entry = this.readEntry();
    if (entry === undefined) return undefined;
    const age = this.now() - entry.savedAt;
    if (!(age < ttlMs) || entry.savedAt < since) return undefined;
    return entry.result.kind === "linked"
      ? { kind: "linked", details: entry.result.details, fromCache: true }
      : { kind: "notLinked", fromCache: true };
  }

  /** The last linked answer this tab saw, however old: what the offline state may show. */
  lastKnown(): LinkedDetails | undefined {
    const entry = this.readEntry();
    return entry?.result.kind === "linked" ? entry.result.details : undefined;
  }

  /** Stores linked / notLinked answers; anything else is left out (errors are never shared). */
  write(result: IntegrationResult): void {
    if (result.kind !== "linked" && result.kind !== "notLinked") return;
    const stored: CacheableResult =
      result.kind === "linked"
        ? { kind: "linked", details: result.details, fromCache: false }
        : { kind: "notLinked", fromCache: false };
    this.set(this.resultKey, () =>
      JSON.stringify({ v: 1, org: this.org, user: this.user, savedAt: this.now(), result: stored }),
    );
  }

  /** The live in-flight marker of another caller, if any. */
  pending(): Marker | undefined {
    const value = this.parse(this.pendingKey);
    if (!isObject(value) || value.v !== 1 || typeof value.token !== "string" || !isTimestamp(value.at))
      return undefined;
    const age = this.now() - value.at;
    return age <= MARKER_TIMEOUT_MS && age >= -CLOCK_SKEW_MS ? { token: value.token, at: value.at } : undefined;
  }

  /** Announces "I am asking"; returns the token that lets only this caller clear the marker. */
  claim(): string {
    const token = `${this.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.set(this.pendingKey, () => JSON.stringify({ v: 1, token, at: this.now() }));
    return token;
  }

  /**
   * Clears our marker if this page goes away mid-request (reload, closed frame), so the next page does not wait
   * out the timeout for an answer that will never come. Returns the function that removes the listener.
   */
  releaseOnPageHide(token: string): () => void {
    const target = globalThis as {
      addEventListener?: EventTarget["addEventListener"];
      removeEventListener?: EventTarget["removeEventListener"];
    };
    const onPageHide = () => this.release(token);
    try {
      target.addEventListener?.("pagehide", onPageHide);
    } catch {
      return () => undefined;
    }
    return () => {
      try {
        target.removeEventListener?.("pagehide", onPageHide);
      } catch {
        // nothing to undo
      }
    };
  }

  /** Clears the marker when it is still ours (a newer owner may have taken over a stale one). */
  release(token: string): void {
    if (this.storage === null) return;
    const value = this.parse(this.pendingKey);
    if (isObject(value) && value.token !== token) return;
    try {
      this.storage.removeItem(this.pendingKey);
    } catch {
      // storage refused: the marker goes stale on its own
    }
  }

  /**
   * Waits for another bundle's in-flight request: its answer when it lands in the cache, or undefined when the marker
   * clears without one, goes stale, or polling outlasts the timeout (bounded by rounds too, so a frozen clock cannot
   * spin forever).
   */
  async awaitHandOff(ttlMs: number, sleep: (ms: number) => Promise<void>): Promise<IntegrationResult | undefined> {
    const started = this.now();
    const maxRounds = Math.ceil(MARKER_TIMEOUT_MS / POLL_INTERVAL_MS) + 1;
    for (let round = 0; round < maxRounds; round++) {
      const marker = this.pending();
      if (marker === undefined) return undefined;
      await sleep(POLL_INTERVAL_MS);
      const answer = this.readFresh(ttlMs, marker.at);
      if (answer !== undefined) return answer;
      if (this.now() - started > MARKER_TIMEOUT_MS) return undefined;
    }
    return undefined;
  }

  private readEntry(): { savedAt: number; result: CacheableResult } | undefined {
    const value = this.parse(this.resultKey);
    if (!isObject(value) || value.v !== 1 || value.org !== this.org || value.user !== this.user) return undefined;
    if (!isTimestamp(value.savedAt) || value.savedAt - this.now() > CLOCK_SKEW_MS) return undefined;
    const result = value.result;
    if (isObject(result) && result.kind === "notLinked")
      return { savedAt: value.savedAt, result: { kind: "notLinked", fromCache: true } };
    const details = isObject(result) && result.kind === "linked" ? checkDetails(result.details) : undefined;
    return details === undefined
      ? undefined
      : { savedAt: value.savedAt, result: { kind: "linked", details, fromCache: true } };
  }

  private parse(key: string): unknown {
    if (this.storage === null) return undefined;
    try {
      const text = this.storage.getItem(key);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined; // storage refused, or not JSON: no entry
    }
  }

  private set(key: string, value: () => string): void {
    if (this.storage === null) return;
    try {
      this.storage.setItem(key, value());
    } catch {
      // quota exceeded or storage refused: run uncached
    }
  }
}

/** Stored details must pass the same checks as a fresh answer: a tampered entry never yields a link. */
function checkDetails(value: unknown): LinkedDetails | undefined {
  if (!isObject(value) || typeof value.url !== "string" || !isObject(value.extra)) return undefined;
  const url = safeHttpsUrl(value.url);
  const tenantId = normaliseGuid(value.tenantId);
  const environmentId = normaliseGuid(value.environmentId);
  if (url === undefined || tenantId === undefined || environmentId === undefined) return undefined;
  return { url, tenantId, environmentId, extra: value.extra };
}

function isTimestamp(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

const inFlight = new Map<string, Promise<IntegrationResult>>();

/** In-page single flight: callers with the same key while a request runs share its promise. */
export function singleFlight(key: string, run: () => Promise<IntegrationResult>): Promise<IntegrationResult> {
  const running = inFlight.get(key);
  if (running !== undefined) return running;
  const promise = run().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
