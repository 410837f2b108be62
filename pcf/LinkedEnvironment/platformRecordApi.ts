import type { RecordApi } from "../../core";

/**
 * The record link's calls from the PCF context: `context.webAPI.retrieveRecord` / `retrieveMultipleRecords` and
 * `context.utils.getEntityMetadata` (documented PCF API; the manifest declares the WebAPI and Utility features, without
 * which the runtime's methods throw). Each method is read when it is called, so a host that gates or lacks one
 * rejects that call (classified as a failure) instead of breaking the control.
 */
export function platformRecordApi(context: { webAPI: RecordWebApi; utils: RecordUtils }): RecordApi {
  // A missing method throws a TypeError in the call: findRecord reports it as a failure of that request.
  return {
    retrieveRecord: (table, id, options) => context.webAPI.retrieveRecord(table, id, options),
    retrieveMultipleRecords: (table, options) => context.webAPI.retrieveMultipleRecords(table, options),
    getEntityMetadata: (table) => context.utils.getEntityMetadata(table),
  };
}

type RecordWebApi = Pick<ComponentFramework.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;
type RecordUtils = Pick<ComponentFramework.Utility, "getEntityMetadata">;

/** The form's row as model-driven apps describe it to a control (`context.mode.contextInfo`, not in the PCF typings). */
export interface FormRow {
  table?: string;
  id?: string;
  name?: string;
}

export function formRowOf(mode: unknown): FormRow {
  try {
    const info = (mode as { contextInfo?: Record<string, unknown> } | null | undefined)?.contextInfo;
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
    return { table: text(info?.entityTypeName), id: text(info?.entityId), name: text(info?.entityRecordName) };
  } catch {
    return {}; // a throwing getter: as on a page without a row
  }
}
