/** Whole milliseconds since the call, for a report's `elapsedMs` (performance.now(), so a clock change cannot skew it). */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}
