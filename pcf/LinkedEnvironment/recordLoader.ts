import { findRecord, parseRecordSettings, type RecordResult, type RecordSettings } from "../../core";
import type { IInputs } from "./generated/ManifestTypes";
import { readSettings } from "./mapping/settings";
import { formRowOf, platformRecordApi } from "./platformRecordApi";

/** What the control shows about the record: nothing (off), the maker's mistake (nothing sent), or the core's answer. */
export type RecordLinkState = Extract<RecordSettings, { kind: "off" | "invalid" }> | RecordResult;

/**
 * The record link for the context's form row and properties: settings checked first (a mistake sends nothing),
 * then core's findRecord through the PCF context's documented calls. Never rejects.
 */
export function loadRecordLink(
  context: ComponentFramework.Context<IInputs>,
  forceRefresh: boolean,
): Promise<RecordLinkState> {
  const settings = readSettings(context.parameters);
  const row = formRowOf(context.mode);
  const parsed = parseRecordSettings(settings.record, row.table);
  if (parsed.kind === "off" || parsed.kind === "invalid") return Promise.resolve(parsed);
  return findRecord({
    settings: parsed,
    formTable: row.table ?? "",
    formId: row.id,
    api: platformRecordApi(context),
    orgUrl: window.location.origin,
    userId: context.userSettings.userId,
    cacheMinutes: settings.cacheMinutes,
    isOffline: () => context.client.isOffline(),
    forceRefresh,
  });
}
