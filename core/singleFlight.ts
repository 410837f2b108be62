import type { IntegrationResult } from "./result";

const inFlight = new Map<string, Promise<IntegrationResult>>();

/**
 * In-page single flight: callers with the same key while a request runs share its promise. The entry is removed in a
 * `finally` when that promise settles either way (a timed-out request settles too), so Retry starts a new one.
 * `replace` (a Retry while a request still hangs) starts a new request at once; later callers join the new one, and
 * the old one, when it settles, leaves the new entry alone.
 */
export function singleFlight(
  key: string,
  run: () => Promise<IntegrationResult>,
  replace = false,
): Promise<IntegrationResult> {
  const running = inFlight.get(key);
  if (running !== undefined && !replace) return running;
  const promise: Promise<IntegrationResult> = run().finally(() => {
    if (inFlight.get(key) === promise) inFlight.delete(key);
  });
  inFlight.set(key, promise);
  return promise;
}
