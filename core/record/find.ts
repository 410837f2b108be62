import { cacheMinutesOrDefault, timeoutSecondsOrDefault, type RequestOptions, type Thenable } from "../options";
import { cacheScope, isPastTimestamp, KEY_PREFIX } from "../cache/scope";
import { GuardedJson, storageFrom } from "../storage";
import { isObject } from "../transports/transport";
import { isTableNotFound, recordFailure, TimedOut } from "./failures";
import { COMPANY_COLUMN, idColumnOf, isCompanyCode, isLogicalName, rowId } from "./names";
import { COMPANY_QUERY, matchQuery, thisRowQuery } from "./query";
import type { RecordResult } from "./result";
import type { ActiveRecordSettings, CompanySource } from "./settings";
import type { RecordTarget } from "./url";

export type { Thenable } from "../options";

/**
 * The calls the record link makes, by table logical name: PCF's `context.webAPI` + `context.utils.getEntityMetadata`
 * and `Xrm.WebApi` + `Xrm.Utility.getEntityMetadata` both fit. Options strings start with `?` (query.ts);
 * retrieveMultipleRecords resolves with `{ entities, nextLink? }`, getEntityMetadata with an object carrying
 * `EntitySetName`. Read only: the record link never writes.
 */
export interface RecordApi {
  retrieveRecord(table: string, id: string, options: string): Thenable<unknown>;
  retrieveMultipleRecords(table: string, options: string): Thenable<unknown>;
  getEntityMetadata(table: string): Thenable<unknown>;
}

/** The record link's request: the form's row and its settings; only a found record is cached (per row and settings). */
export interface FindRecordOptions extends RequestOptions {
  settings: ActiveRecordSettings;
  /** The form's table (logical name) and row id (braces and case do not matter; empty for a new row). */
  formTable: string;
  formId: string | null | undefined;
  api: RecordApi;
}

const inFlight = new Map<string, Promise<RecordResult>>();

/**
 * The record link's one door: the F&O record behind this row, or why there is none. Requests: this row's values and
 * the virtual table's metadata (at once), then the virtual table search (matchRow); the metadata and this row's
 * company (thisRow). Each is bounded by the timeout; callers in one page share one lookup; a found record is cached
 * for the cache time. Never throws, never rejects, never writes.
 */
export async function findRecord(options: FindRecordOptions): Promise<RecordResult> {
  const { settings, formTable, forceRefresh } = options;
  const table = settings.kind === "matchRow" ? settings.table : formTable;
  try {
    if (options.isOffline?.() === true) return { kind: "unavailable", table, failure: { kind: "offline" } };
    const id = rowId(options.formId ?? undefined);
    if (id === undefined || !isLogicalName(formTable)) return { kind: "unsaved" };
    const key = `${formTable}|${id}|${JSON.stringify(settings)}`;
    // A found record only, per org, user, row and settings: `finopslink:v1:record:<org>|<user>|<table>|<id>|<settings>`
    // -> `{ v: 1, savedAt, target }`, fresh for the cache time, re-checked as an answer is (a tampered entry is no link).
    // A row not synchronized yet is asked about again on the next load.
    const slot = new GuardedJson(
      storageFrom(options.storage),
      `${KEY_PREFIX}record:${cacheScope(options.orgUrl, options.userId).id}|${key}`,
    );
    const now = options.now ?? Date.now;
    const entry = forceRefresh === true ? undefined : slot.read();
    if (
      isObject(entry) &&
      entry.v === 1 &&
      isPastTimestamp(entry.savedAt, now()) &&
      now() - entry.savedAt < cacheMinutesOrDefault(options.cacheMinutes) * 60_000 &&
      isObject(entry.target)
    ) {
      const cached = targetOf(entry.target.cmp, entry.target.entityName, entry.target.entityGuid);
      if (cached !== undefined) return { kind: "found", target: cached, fromCache: true };
    }
    let running = inFlight.get(key);
    if (running === undefined || forceRefresh === true) {
      const promise: Promise<RecordResult> = lookUp(options, id, table).finally(
        () => inFlight.get(key) === promise && inFlight.delete(key),
      );
      inFlight.set(key, promise);
      running = promise;
    }
    const result = await running;
    if (result.kind === "found") slot.write(() => ({ v: 1, savedAt: now(), target: result.target }));
    return result;
  } catch {
    // Our own code, or a host flag that threw: no words of a script error reach the user.
    return { kind: "unavailable", table, failure: { kind: "failed" } };
  }
}

async function lookUp(
  { api, settings, formTable, timeoutSeconds }: FindRecordOptions,
  id: string,
  table: string,
): Promise<RecordResult> {
  const seconds = timeoutSecondsOrDefault(timeoutSeconds);
  /** One call as a settled value, rejected with TimedOut after the timeout (a call that throws at once fails too). */
  const call = (work: () => Thenable<unknown>) =>
    new Promise<{ value?: unknown; error?: unknown; failed?: true }>((resolve) => {
      const timer = setTimeout(() => resolve({ error: new TimedOut(seconds), failed: true }), seconds * 1000);
      const settle = (outcome: { value?: unknown; error?: unknown; failed?: true }) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      try {
        work().then(
          (value) => settle({ value }),
          (error) => settle({ error, failed: true }),
        );
      } catch (error) {
        settle({ error, failed: true });
      }
    });
  const failed = (error: unknown, notFoundMeansNotEnabled = true): RecordResult =>
    notFoundMeansNotEnabled && isTableNotFound(error)
      ? { kind: "notEnabled", table }
      : { kind: "unavailable", table, failure: recordFailure(error) };
  const unusable: RecordResult = { kind: "unavailable", table, failure: { kind: "failed" } };

  const [metadata, row] = await Promise.all([
    call(() => api.getEntityMetadata(table)),
    call(() =>
      api.retrieveRecord(
        formTable,
        id,
        settings.kind === "thisRow" ? COMPANY_QUERY : thisRowQuery(settings.pairs, settings.company),
      ),
    ),
  ]);
  if (metadata.failed) return failed(metadata.error);
  // Only Dataverse's answer is an answer: a host that resolves no metadata object at all (undefined, a string) cannot
  // read metadata; that says nothing about the table being enabled.
  if (!isObject(metadata.value)) return unusable;
  const entityName = metadata.value.EntitySetName;
  if (!isLogicalName(entityName)) return { kind: "notEnabled", table };
  const found = (cmp: unknown, entityGuid: unknown): RecordResult => {
    const target = targetOf(cmp, entityName, entityGuid);
    return target === undefined ? unusable : { kind: "found", target, fromCache: false };
  };
  if (row.failed) return failed(row.error, false); // this row's own read: a 404 here is not about the virtual table
  const values = isObject(row.value) ? row.value : {};
  if (settings.kind === "thisRow") return found(values[COMPANY_COLUMN], id);

  const company = companyOf(settings.company, values);
  if (typeof company === "object") return { kind: "missingValue", column: company.column };
  const where = company === undefined ? {} : { company };
  const conditions: Array<{ virtual: string; value: string }> = [];
  for (const pair of settings.pairs) {
    const value = textOf(values[pair.column]);
    if (value === undefined) return { kind: "missingValue", column: pair.column, ...where };
    conditions.push({ virtual: pair.virtual, value });
  }
  const search = await call(() => api.retrieveMultipleRecords(table, matchQuery(table, conditions, company)));
  if (search.failed) return failed(search.error);
  const entities = isObject(search.value) ? search.value.entities : undefined;
  if (!Array.isArray(entities)) return unusable;
  if (entities.length === 0) return { kind: "noMatch", ...where };
  if (entities.length > 1) return { kind: "manyMatches", ...where };
  const match: unknown = entities[0];
  return isObject(match) ? found(match[COMPANY_COLUMN], match[idColumnOf(table)]) : unusable;
}

/**
 * The company to search in: a fixed code, or this row's value (a column, or a column of the row a lookup points to);
 * `{ column }` names what is missing or not a company code; undefined: no company filter.
 */
function companyOf(
  source: CompanySource | undefined,
  values: Record<string, unknown>,
): string | { column: string } | undefined {
  if (source === undefined || source.kind === "fixed") return source?.code;
  const holder = source.kind === "column" ? values : values[source.lookup];
  const value = isObject(holder) ? holder[source.column] : undefined;
  if (isCompanyCode(value)) return value;
  return { column: source.kind === "column" ? source.column : `${source.lookup}.${source.column}` };
}

/** A link's parts once checked: cmp a company code, the entity set a logical name, the id a GUID. */
function targetOf(cmp: unknown, entityName: unknown, entityGuid: unknown): RecordTarget | undefined {
  const guid = rowId(entityGuid);
  return isCompanyCode(cmp) && isLogicalName(entityName) && guid !== undefined
    ? { cmp, entityName, entityGuid: guid }
    : undefined;
}

/** A column value usable in a match: non-blank text, or a finite number as its digits. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
