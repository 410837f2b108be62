import {
  describeRecord,
  findRecord,
  parseRecordSettings,
  type RecordApi,
  type RecordResult,
  type RecordSettings,
} from "../core";
import type { FormOptions, OptionProblem } from "./options";
import { requestOf, type FormPort, type GlobalContextPort, type XrmPort } from "./ports";
import type { Translate } from "../core";
import type { FormTextKey } from "./texts";

/** The record link's settings from the handler's options, for the form's table. */
export function recordSettingsOf(form: FormPort | undefined, options: FormOptions): RecordSettings {
  return parseRecordSettings(options, rowOf(form).table);
}

/** A maker's mistake in the record settings, as one entry of the options warning. */
export function settingsProblem(settings: RecordSettings): OptionProblem[] {
  return settings.kind === "invalid"
    ? [{ key: "Form_OptionBadValue", args: [settings.property, JSON.stringify(settings.example)] }]
    : [];
}

/** The form's row: table, id (empty when new) and primary name. Never throws. */
export function rowOf(form: FormPort | undefined): { table?: string; id?: string; name?: string } {
  try {
    const entity = form?.data?.entity;
    return {
      table: entity?.getEntityName(),
      id: entity?.getId(),
      name: entity?.getPrimaryAttributeValue?.() ?? undefined,
    };
  } catch {
    return {};
  }
}

/**
 * core's findRecord through Xrm.WebApi.retrieveRecord / retrieveMultipleRecords and Xrm.Utility.getEntityMetadata, for
 * the form's row. A host without one of them fails that request (classified), never the form.
 */
export function findFormRecord(
  xrm: XrmPort,
  globalContext: GlobalContextPort,
  form: FormPort | undefined,
  settings: Extract<RecordSettings, { kind: "thisRow" | "matchRow" }>,
  cacheMinutes?: number,
): Promise<RecordResult> {
  const row = rowOf(form);
  const webApi = xrm.WebApi;
  const utility = xrm.Utility;
  // Each method is looked up when called: a missing one throws there and findRecord reports that request as failed.
  const api: RecordApi = {
    retrieveRecord: (table, id, query) => webApi!.retrieveRecord!(table, id, query),
    retrieveMultipleRecords: (table, query) => webApi!.retrieveMultipleRecords!(table, query),
    getEntityMetadata: (table) => utility!.getEntityMetadata!(table, []),
  };
  return findRecord({
    settings,
    formTable: row.table ?? "",
    formId: row.id,
    api,
    ...requestOf(globalContext),
    ...(cacheMinutes === undefined ? {} : { cacheMinutes }),
  });
}

/** The words for a record that was not found, as one sentence pair. */
export function recordWords(result: Exclude<RecordResult, { kind: "found" }>, t: Translate<FormTextKey>): string {
  const { title, detail } = describeRecord(result, t);
  return detail ? `${title} ${detail}` : title;
}
