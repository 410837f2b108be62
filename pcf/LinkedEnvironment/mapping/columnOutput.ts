import type { IntegrationResult } from "../../../core";

export interface ColumnOutputInput {
  result: IntegrationResult | undefined;
  /** When the result arrived, and the clock now (same clock), and the cache time the control runs with. */
  answeredAt: number | undefined;
  now: number;
  cacheMinutes: number;
  writeUrlToColumn: boolean;
  /** The form made the control read-only, or column security forbids editing: never write then. */
  canEdit: boolean;
  currentValue: string | null | undefined;
}

/**
 * The value to write into the bound column, or undefined when nothing should be written: the option is off, the
 * control may not edit, there is no fresh linked answer (an offline "last known" value is not written, nor an answer
 * held longer than the cache time: the user may have cleared the column since, and the link may have changed), or the
 * column already holds that URL (so the record never becomes dirty for nothing).
 */
export function columnValueToWrite({
  result,
  answeredAt,
  now,
  cacheMinutes,
  writeUrlToColumn,
  canEdit,
  currentValue,
}: ColumnOutputInput): string | undefined {
  if (!writeUrlToColumn || !canEdit || result?.kind !== "linked") return undefined;
  if (answeredAt === undefined || !(now - answeredAt <= writableForMs(cacheMinutes))) return undefined;
  const url = result.details.url;
  return url === (currentValue ?? "") ? undefined : url;
}

/**
 * How long after it arrived an answer may still be written. With cacheMinutes 0 (always ask) the answer is good for the
 * platform's hand-over (notifyOutputChanged, then getOutputs a moment later), not for later edits of the column.
 */
const HAND_OVER_MS = 5_000;
function writableForMs(cacheMinutes: number): number {
  return Math.max(cacheMinutes * 60_000, HAND_OVER_MS);
}

/**
 * Calls `notify` once per new value to write: the platform answers notifyOutputChanged with getOutputs and then
 * updateView, and the same pending value must not start that round again.
 */
export function createOutputNotifier(notify: () => void): (pending: string | undefined) => void {
  let notified: string | undefined;
  return (pending) => {
    if (pending === undefined || pending === notified) return;
    notified = pending;
    notify();
  };
}
