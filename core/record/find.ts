import { cacheMinutesOrDefault, timeoutSecondsOrDefault, type StorageLike } from "../options";
import { storageFrom } from "../storage";
import { isObject } from "../transports/transport";
import { StoredRecord } from "./cache";
import { isTableNotFound, recordFailure, TimedOut } from "./failures";
import { COMPANY_COLUMN, idColumnOf, isCompanyCode, isLogicalName, rowId } from "./names";
import { COMPANY_QUERY, matchQuery, thisRowQuery } from "./query";
import type { RecordResult } from "./result";
import type { ActiveRecordSettings, CompanySource } from "./settings";
import type { RecordTarget } from "./url";

/** What Xrm's and PCF's asynchronous calls return: a Promise, or Xrm.Async.PromiseLike (handlers must be given). */
export interface Thenable<T> {
  then(onFulfilled: (value: T) => unknown, onRejected: (reason: unknown) => unknown): unknown;
}

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

export interface FindRecordOptions {
  settings: ActiveRecordSettings;
  /** The form's table (logical name) and row id (braces and case do not matter; empty for a new row). */
  formTable: string;
  formId: string | null | undefined;
  api: RecordApi;
  /** With userId: whose cache entry it is (as for the link check). */
  orgUrl: string;
  userId: string;
  storage?: StorageLike | null;
  /** How long a found record is reused, in minutes (default 15); seconds to wait for each request (default 30). */
  cacheMinutes?: number;
  timeoutSeconds?: number;
  /** The host's offline flag: when true nothing is sent. */
  isOffline?: () => boolean;
  /** Retry: ask again even when a found record is cached. */
  forceRefresh?: boolean;
  now?: () => number;
}

const inFlight = new Map<string, Promise<RecordResult>>();

/**
 * The record link's one door: the F&O record behind this row, or why there is none. Requests: this row's values and
 * the virtual table's metadata (at once), then the virtual table search (matchRow); the metadata and this row's
 * company (thisRow). Each is bounded by the timeout; callers in one page share one lookup; a found record is cached
 * for the cache time. Never throws, never rejects, never writes.
 */
export async function findRecord(options: FindRecordOptions): Promise<RecordResult> {
  const table = options.settings.kind === "matchRow" ? options.settings.table : options.formTable;
  try {
    if (reportsOffline(options.isOffline)) return { kind: "unavailable", table, failure: { kind: "offline" } };
    const id = rowId(options.formId ?? undefined);
    if (id === undefined || !isLogicalName(options.formTable)) return { kind: "unsaved" };
    const now = options.now ?? Date.now;
    const settingsKey = JSON.stringify(options.settings);
    const stored = new StoredRecord(
      storageFrom(options.storage),
      { orgUrl: options.orgUrl, userId: options.userId, table: options.formTable, id, settings: settingsKey },
      now,
    );
    if (options.forceRefresh !== true) {
      const cached = stored.fresh(cacheMinutesOrDefault(options.cacheMinutes) * 60_000);
      if (cached !== undefined) return { kind: "found", target: cached, fromCache: true };
    }
    const key = `${options.orgUrl}|${options.userId}|${options.formTable}|${id}|${settingsKey}`;
    const running = inFlight.get(key);
    if (running !== undefined && options.forceRefresh !== true) return await running;
    const promise = lookUp(options, id, table).finally(() => {
      if (inFlight.get(key) === promise) inFlight.delete(key);
    });
    inFlight.set(key, promise);
    const result = await promise;
    if (result.kind === "found" && !result.fromCache) stored.write(result.target);
    return result;
  } catch {
    return { kind: "unavailable", table, failure: { kind: "failed" } };
  }
}

async function lookUp(options: FindRecordOptions, id: string, table: string): Promise<RecordResult> {
  const seconds = timeoutSecondsOrDefault(options.timeoutSeconds);
  const call = <T>(work: () => Thenable<T>): Promise<T> => bounded(work, seconds);
  const { api, settings } = options;
  const failed = (error: unknown, notFoundMeansNotEnabled: boolean): RecordResult =>
    notFoundMeansNotEnabled && isTableNotFound(error)
      ? { kind: "notEnabled", table }
      : { kind: "unavailable", table, failure: recordFailure(error) };

  const rowOptions = settings.kind === "thisRow" ? COMPANY_QUERY : thisRowQuery(settings.pairs, settings.company);
  const [metadata, row] = await Promise.all([
    settle(call(() => api.getEntityMetadata(table))),
    settle(call(() => api.retrieveRecord(options.formTable, id, rowOptions))),
  ]);
  if (!metadata.ok) return failed(metadata.error, true);
  const entityName = isObject(metadata.value) ? metadata.value.EntitySetName : undefined;
  if (!isLogicalName(entityName)) return { kind: "notEnabled", table };
  if (!row.ok) return failed(row.error, false);
  const values = isObject(row.value) ? row.value : {};

  if (settings.kind === "thisRow") return found({ cmp: values[COMPANY_COLUMN], entityName, entityGuid: id });

  const conditions: Array<{ virtual: string; value: string }> = [];
  for (const pair of settings.pairs) {
    const value = textOf(values[pair.column]);
    if (value === undefined) return { kind: "missingValue", column: pair.column };
    conditions.push({ virtual: pair.virtual, value });
  }
  const company = companyOf(settings.company, values);
  if (company !== undefined && !company.ok) return { kind: "missingValue", column: company.column };
  const code = company?.code;
  const search = await settle(call(() => api.retrieveMultipleRecords(table, matchQuery(table, conditions, code))));
  if (!search.ok) return failed(search.error, true);
  const entities = isObject(search.value) && Array.isArray(search.value.entities) ? search.value.entities : undefined;
  if (entities === undefined) return { kind: "unavailable", table, failure: { kind: "failed" } };
  if (entities.length === 0) return { kind: "noMatch", ...(code === undefined ? {} : { company: code }) };
  if (entities.length > 1) return { kind: "manyMatches", ...(code === undefined ? {} : { company: code }) };
  const match: unknown = entities[0];
  if (!isObject(match)) return { kind: "unavailable", table, failure: { kind: "failed" } };
  return found({ cmp: match[COMPANY_COLUMN], entityName, entityGuid: match[idColumnOf(table)] });

  function found(parts: { cmp: unknown; entityName: string; entityGuid: unknown }): RecordResult {
    const guid = rowId(parts.entityGuid);
    if (!isCompanyCode(parts.cmp) || guid === undefined)
      return { kind: "unavailable", table, failure: { kind: "failed" } };
    const target: RecordTarget = { cmp: parts.cmp, entityName: parts.entityName, entityGuid: guid };
    return { kind: "found", target, fromCache: false };
  }
}

/** The company to search in: a fixed code, or this row's value (a column, or a column of the row a lookup points to). */
function companyOf(
  source: CompanySource | undefined,
  values: Record<string, unknown>,
): { ok: true; code: string } | { ok: false; column: string } | undefined {
  if (source === undefined) return undefined;
  if (source.kind === "fixed") return { ok: true, code: source.code };
  const holder = source.kind === "column" ? values : values[source.lookup];
  const value = isObject(holder) ? textOf(holder[source.column]) : undefined;
  const column = source.kind === "column" ? source.column : `${source.lookup}.${source.column}`;
  return value !== undefined && isCompanyCode(value) ? { ok: true, code: value } : { ok: false, column };
}

/** A column value usable in a match: non-blank text, or a finite number as its digits. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** One call, as a real Promise, rejected with TimedOut after `seconds` (a call that throws at once rejects too). */
function bounded<T>(work: () => Thenable<T>, seconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimedOut(seconds)), seconds * 1000);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      settle();
    };
    try {
      work().then(
        (value) => done(() => resolve(value)),
        (error) => done(() => reject(error)),
      );
    } catch (error) {
      done(() => reject(error));
    }
  });
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

function reportsOffline(isOffline: (() => boolean) | undefined): boolean {
  try {
    return isOffline?.() === true;
  } catch {
    return false;
  }
}
