import type { IntegrationResult } from "../../../core";

export interface ColumnOutputInput {
  result: IntegrationResult | undefined;
  writeUrlToColumn: boolean;
  /** The form made the control read-only, or column security forbids editing: never write then. */
  canEdit: boolean;
  currentValue: string | null | undefined;
}

/**
 * The value to write into the bound column, or undefined when nothing should be written: the option is off, the
 * control may not edit, there is no fresh linked answer (an offline "last known" value is not written), or the
 * column already holds that URL (so the record never becomes dirty for nothing).
 */
export function columnValueToWrite({
  result,
  writeUrlToColumn,
  canEdit,
  currentValue,
}: ColumnOutputInput): string | undefined {
  if (!writeUrlToColumn || !canEdit || result?.kind !== "linked") return undefined;
  const url = result.details.url;
  return url === (currentValue ?? "") ? undefined : url;
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
