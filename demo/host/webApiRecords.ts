/**
 * `retrieveRecord`, `retrieveMultipleRecords` and `getEntityMetadata` as the platform offers them to controls
 * (`context.webAPI`, `context.utils`) and form scripts (`Xrm.WebApi`, `Xrm.Utility`), really calling the emulated
 * Dataverse over HTTP: options strings start with `?`, retrieveMultipleRecords resolves `{ entities, nextLink? }`,
 * getEntityMetadata an object with `EntitySetName`; failures reject as execute's do (`errorCode`, `message`, `raw`).
 * Table names are logical names: the entity set comes from the metadata, which the page keeps once read, as the
 * platform's metadata cache does.
 */
import { platformError } from "./webApiExecute";

export interface RecordCalls {
  retrieveRecord(table: string, id: string, options?: string): Promise<Record<string, unknown>>;
  retrieveMultipleRecords(
    table: string,
    options?: string,
    maxPageSize?: number,
  ): Promise<{ entities: Array<Record<string, unknown>>; nextLink?: string }>;
  getEntityMetadata(table: string, attributes?: string[]): Promise<Record<string, unknown>>;
}

/** The tables the demo's forms are for (account; the virtual table's form reads its own metadata like any other). */
const FORM_TABLES: Record<string, string> = { account: "accounts" };

const HEADERS = { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" };

export function createRecordCalls(
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  caller: string,
  log: (call: string, text: string) => void,
): RecordCalls {
  // The form's own table is known to a model-driven page before any control asks: no request for it.
  const metadata = new Map<string, Promise<Record<string, unknown>>>(
    Object.entries(FORM_TABLES).map(([table, set]) => [
      table,
      Promise.resolve({ LogicalName: table, EntitySetName: set }),
    ]),
  );
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const response = await fetchImpl(`/api/data/v9.2/${path}`, {
      method: "GET",
      credentials: "same-origin",
      headers: { ...HEADERS, "x-demo-caller": caller },
    });
    if (!response.ok) throw await platformError(response);
    return (await response.json()) as Record<string, unknown>;
  };
  const getEntityMetadata = (table: string): Promise<Record<string, unknown>> => {
    let known = metadata.get(table);
    if (known === undefined) {
      log("getEntityMetadata", table);
      known = get(`EntityDefinitions(LogicalName='${encodeURIComponent(table)}')`);
      known.catch(() => metadata.delete(table)); // a failure is not kept: the next call asks again
      metadata.set(table, known);
    }
    return known;
  };
  const entitySet = async (table: string): Promise<string> => String((await getEntityMetadata(table)).EntitySetName);
  return {
    getEntityMetadata,
    async retrieveRecord(table, id, options = "") {
      log("retrieveRecord", `${table} ${id} ${options}`);
      const { "@odata.context": _context, ...row } = await get(
        `${await entitySet(table)}(${id.replace(/[{}]/g, "")})${options}`,
      );
      return row;
    },
    async retrieveMultipleRecords(table, options = "") {
      log("retrieveMultipleRecords", `${table} ${options}`);
      const body = await get(`${await entitySet(table)}${options}`);
      const nextLink = typeof body["@odata.nextLink"] === "string" ? body["@odata.nextLink"] : undefined;
      const entities = Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : [];
      return nextLink === undefined ? { entities } : { entities, nextLink };
    },
  };
}
