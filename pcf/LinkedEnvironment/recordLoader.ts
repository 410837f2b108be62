import {
  findRecord,
  parseRecordSettings,
  type IntegrationResult,
  type RecordResult,
  type RecordSettings,
} from "../../core";
import type { IInputs } from "./generated/ManifestTypes";
import { readSettings } from "./mapping/settings";
import { formRowOf, platformRecordApi } from "./platformRecordApi";
import type { ResultStore } from "./resultStore";

/** What the control shows about the record: nothing (off), the maker's mistake (nothing sent), or the core's answer. */
export type RecordLinkState = Extract<RecordSettings, { kind: "off" | "invalid" }> | RecordResult;

/**
 * The record link for the form row and properties of `currentContext()`: settings checked first (a mistake sends
 * nothing), then, once `environmentKnown` resolves, core's findRecord through the PCF context's documented calls, with
 * the context as it is then (the row may have been saved meanwhile). Never rejects.
 * `environmentKnown`: resolves when the link check names an F&O environment to open the record in (whenEnvironmentKnown
 * below). Until then nothing is read: where Dataverse is not linked, the record link is never shown and its reads
 * would be wasted. (The form script reads only on `linked`: webresources/onLoad.ts, openRecord.ts.)
 */
export async function loadRecordLink(
  currentContext: () => ComponentFramework.Context<IInputs>,
  forceRefresh: boolean,
  environmentKnown: () => Promise<void>,
): Promise<RecordLinkState> {
  const settings = readSettings(currentContext().parameters);
  const parsed = parseRecordSettings(settings.record, formRowOf(currentContext().mode).table);
  if (parsed.kind === "off" || parsed.kind === "invalid") return parsed;
  await environmentKnown();
  const context = currentContext();
  const row = formRowOf(context.mode);
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

/**
 * What the record link depends on that the platform may change after init: the form's table, row id and name
 * (context.mode.contextInfo: a new row gets its id at the first save, and its name changes on a save that renames it,
 * which also means its columns were saved) and the record settings. A different key asks again.
 */
export function recordKey(context: Pick<ComponentFramework.Context<IInputs>, "mode" | "parameters">): string {
  const row = formRowOf(context.mode);
  return JSON.stringify([row.table, row.id, row.name, readSettings(context.parameters).record]);
}

/** Whether the link check's answer names an F&O environment: linked, or offline with the last known link. */
export function namesEnvironment(result: IntegrationResult | undefined): boolean {
  return result?.kind === "linked" || (result?.kind === "offline" && result.lastKnown !== undefined);
}

/**
 * Resolves once the link check's store holds an answer that names an F&O environment (namesEnvironment); until then it
 * stays pending, since a Retry may still find the environment linked. The store's listeners, this one included, are
 * dropped when the control is destroyed.
 */
export function whenEnvironmentKnown(store: ResultStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (store.snapshot.loading || !namesEnvironment(store.snapshot.result)) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}
