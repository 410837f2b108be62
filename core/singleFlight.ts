import type { IntegrationResult } from "./result";

const inFlight = new Map<string, Promise<IntegrationResult>>();

/**
 * In-page single flight: callers with the same key while a request runs share its promise. The entry is removed in a
 * `finally` when that promise settles either way (a timed-out request settles too), so Retry starts a new one.
 */
export function singleFlight(key: string, run: () => Promise<IntegrationResult>): Promise<IntegrationResult> {
  const running = inFlight.get(key);
  if (running !== undefined) return running;
  const promise = run().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
