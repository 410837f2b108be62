/**
 * The cross-bundle hand-off: `finopslink:v1:pending:<org origin>|<user id>` -> `{ v: 1, token, at }` says "a request
 * is in flight". The control and the form script are separate bundles, possibly in separate same-origin frames of one
 * tab; they share sessionStorage but not JavaScript memory, so the in-page single flight (singleFlight.ts) cannot join
 * them and this marker does. A caller that finds a live marker polls (every 100 ms) until the stored answer appears
 * (answer, marked fromCache), the marker disappears (the owner got an error, which is not shared, or timed out: ask
 * yourself) or the marker is older than 10 s (the owner hung: ask yourself). An owner releases its marker in a
 * `finally` whatever happened, and on `pagehide` when its page goes away mid-request, so no later page waits on it.
 * Frames of one tab run on one event loop, so "check marker, then write marker" cannot interleave with another frame's.
 * A marker dated in the future is not believed (a clock that jumped back, a copied tab).
 */
import type { StorageLike } from "../options";
import type { IntegrationResult } from "../result";
import { isObject } from "../transports/transport";
import type { StoredAnswer } from "./entry";
import { GuardedJson } from "../storage";
import { KEY_PREFIX, isPastTimestamp, type CacheScope } from "./scope";

/** How long a marker is believed: longer than a normal Dataverse answer, short enough that a closed frame costs little. */
const MARKER_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 100;

interface Marker {
  token: string;
  at: number;
}

export class HandOff {
  private readonly slot: GuardedJson;

  constructor(
    storage: StorageLike | null,
    scope: CacheScope,
    private readonly now: () => number,
  ) {
    this.slot = new GuardedJson(storage, `${KEY_PREFIX}pending:${scope.id}`);
  }

  /** The live in-flight marker of another caller, if any. */
  pending(): Marker | undefined {
    const value = this.slot.read();
    if (!isObject(value) || value.v !== 1 || typeof value.token !== "string") return undefined;
    const now = this.now();
    if (!isPastTimestamp(value.at, now) || now - value.at > MARKER_TIMEOUT_MS) return undefined;
    return { token: value.token, at: value.at };
  }

  /**
   * Waits for another bundle's in-flight request: its answer when it lands in `answers`, or undefined when there is
   * no marker, it clears without an answer, goes stale, or polling outlasts the timeout (bounded by rounds too, so a
   * frozen clock cannot spin forever).
   */
  async awaitOther(
    answers: StoredAnswer,
    ttlMs: number,
    sleep: (ms: number) => Promise<void>,
  ): Promise<IntegrationResult | undefined> {
    const started = this.now();
    const maxRounds = Math.ceil(MARKER_TIMEOUT_MS / POLL_INTERVAL_MS) + 1;
    for (let round = 0; round < maxRounds; round++) {
      const marker = this.pending();
      if (marker === undefined) return undefined;
      await sleep(POLL_INTERVAL_MS);
      const answer = answers.fresh(ttlMs, marker.at);
      if (answer !== undefined) return answer;
      if (this.now() - started > MARKER_TIMEOUT_MS) return undefined;
    }
    return undefined;
  }

  /**
   * Runs `work` under our marker: claimed before, released (only if still ours) in a `finally`, and on `pagehide`
   * if the page goes away meanwhile. `work` stores its answer before it returns, so a waiting bundle sees the answer
   * as the marker clears.
   */
  async whileClaimed<T>(work: () => Promise<T>): Promise<T> {
    const token = this.claim();
    const stopWatchingPage = this.releaseOnPageHide(token);
    try {
      return await work();
    } finally {
      stopWatchingPage();
      this.release(token);
    }
  }

  /** Announces "I am asking"; returns the token that lets only this caller clear the marker. */
  claim(): string {
    const at = this.now();
    const token = `${at.toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.slot.write(() => ({ v: 1, token, at }));
    return token;
  }

  /** Clears the marker when it is still ours (a newer owner may have taken over a stale one). */
  release(token: string): void {
    const value = this.slot.read();
    if (isObject(value) && value.token !== token) return;
    this.slot.remove();
  }

  private releaseOnPageHide(token: string): () => void {
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
}
