import type { IntegrationResult } from "../../core";

/** Asks the core for an answer; `forceRefresh` skips the cache (the Retry button). */
export type LoadDetails<R = IntegrationResult> = (forceRefresh: boolean) => Promise<R>;

/** What the view renders: `result` is the latest answer, `loading` is true while a request is pending. */
export interface ResultSnapshot<R = IntegrationResult> {
  readonly result?: R;
  readonly loading: boolean;
  /** Counts requests: a new one restarts the loading view's "taking long" timer. */
  readonly attempt: number;
  /** When `result` arrived (the store's clock): the column is never written from an answer older than its TTL. */
  readonly answeredAt?: number;
}

/**
 * Holds one answer of the control (the link check's, or the record link's) outside React, so updateView can be called any number of times without asking
 * again, and so destroy() can silence a request that is still in flight (a late answer never re-renders or notifies).
 */
export class ResultStore<R = IntegrationResult> {
  private current: ResultSnapshot<R> = { loading: true, attempt: 0 };
  private readonly listeners = new Set<() => void>();
  private latestRequest = 0;
  private disposed = false;

  constructor(
    private readonly load: LoadDetails<R>,
    private readonly now: () => number = Date.now,
    /** The answer when `load` broke its promise never to reject. */
    private readonly broken: () => R = () => ({ kind: "failed" }) as R,
  ) {}

  get snapshot(): ResultSnapshot<R> {
    return this.current;
  }

  /** Starts a request; an older one still in flight is ignored when it answers, so the newest answer wins. */
  refresh(forceRefresh = false): void {
    if (this.disposed) return;
    const request = ++this.latestRequest;
    this.set({ ...this.current, loading: true, attempt: request });
    this.load(forceRefresh)
      // The core never rejects; this guard keeps a broken promise from leaving the control spinning forever. A script
      // error is no server message, so none is passed on: the view says "failed" in the user's language.
      .catch(this.broken)
      .then((result) => {
        if (this.disposed || request !== this.latestRequest) return;
        this.set({ result, loading: false, attempt: request, answeredAt: this.now() });
      });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private set(snapshot: ResultSnapshot<R>): void {
    this.current = snapshot;
    this.listeners.forEach((listener) => listener());
  }
}
