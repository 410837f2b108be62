import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  errorBody,
  FORBIDDEN_TABLE,
  HANGING_ACCOUNT,
  METADATA_NOT_FOUND,
  NOT_ENABLED_TABLE,
  SLOW_ACCOUNT,
  TABLE_FORBIDDEN,
  TABLE_NOT_FOUND,
  type DataverseError,
} from "../../test/fixtures/dataverse";
import type { EmulatedResponse } from "./scenarios";

/**
 * The emulated Dataverse's tables for the record link, in the Web API's shapes: table metadata
 * (`EntityDefinitions(LogicalName='…')`), dual-write accounts with their company lookup, and the Customers V3 virtual
 * table searched with `$filter`. A table that is not enabled answers 404 (Dataverse's not-found errors), one the user
 * may not read 403; a search for the slow account answers late, one for the hanging account never.
 */

/** How late the slow account's search answers, in ms (the page may override it with delay=). */
export const RECORD_SLOW_MS = 3000;

const HEADERS = {
  "Content-Type": "application/json; odata.metadata=minimal",
  "OData-Version": "4.0",
  "Cache-Control": "no-cache",
};

/** Tables whose metadata exists here, by logical name -> entity set name. */
const TABLES: Record<string, string> = {
  account: "accounts",
  [CUSTOMERS_V3.table]: CUSTOMERS_V3.entitySet,
  [FORBIDDEN_TABLE.table]: FORBIDDEN_TABLE.entitySet,
};

function json(status: number, body: unknown, delayMs = 0): EmulatedResponse {
  return { status, headers: HEADERS, body: JSON.stringify(body), delayMs };
}

function failure(error: DataverseError): EmulatedResponse {
  return json(error.status, errorBody(error));
}

const METADATA = /^EntityDefinitions\(LogicalName='([a-z0-9_]+)'\)$/;
const BY_ID = /^([a-z0-9_]+)\(([0-9a-f-]{36})\)$/i;

/**
 * The answer to a GET of `segment` (the path after /api/data/v9.x/) with `query` (the raw query string, no `?`), or
 * undefined when the segment is not one of these tables (the server's generic not-found then answers).
 */
export function respondRecords(
  segment: string,
  query: string,
  origin: string,
  delayMs?: number,
): EmulatedResponse | undefined {
  const params = new URLSearchParams(query.replace(/\+/g, "%2B"));
  const metadata = METADATA.exec(segment);
  if (metadata) {
    const set = TABLES[metadata[1]];
    if (set === undefined) return failure(METADATA_NOT_FOUND);
    return json(200, {
      "@odata.context": `${origin}/api/data/v9.2/$metadata#EntityDefinitions(LogicalName,EntitySetName)/$entity`,
      LogicalName: metadata[1],
      EntitySetName: set,
      MetadataId: "70816501-edb9-4740-a16c-6a5efbc05d84",
    });
  }
  const byId = BY_ID.exec(segment);
  const set = byId ? byId[1] : segment;
  if (set === NOT_ENABLED_TABLE.entitySet) return failure(TABLE_NOT_FOUND);
  if (set === FORBIDDEN_TABLE.entitySet) return failure(TABLE_FORBIDDEN);
  if (byId && set === "accounts") {
    const account = Object.values(ACCOUNTS).find((a) => a.accountid === byId[2].toLowerCase());
    if (!account)
      return failure({ status: 404, code: "0x80040217", message: `account With Id = ${byId[2]} Does Not Exist` });
    return json(200, {
      "@odata.context": `${origin}/api/data/v9.2/$metadata#accounts(accountnumber,msdyn_company(cdm_companycode))/$entity`,
      accountid: account.accountid,
      accountnumber: account.accountnumber,
      msdyn_company:
        account.companyCode === null
          ? null
          : { cdm_companyid: "6e5c7b1a-0d2f-4a3b-9c8d-7e6f5a4b3c2d", cdm_companycode: account.companyCode },
    });
  }
  if (byId && set === CUSTOMERS_V3.entitySet) {
    const row = CUSTOMER_ROWS.find((r) => r.mserp_custcustomerv3entityid === byId[2].toLowerCase());
    if (!row) return failure({ status: 404, code: "0x80040217", message: "The record does not exist." });
    return json(200, { "@odata.context": `${origin}/api/data/v9.2/$metadata#${set}/$entity`, ...row });
  }
  if (set !== CUSTOMERS_V3.entitySet) return undefined;
  const conditions = parseFilter(params.get("$filter") ?? "");
  if (conditions === undefined)
    return failure({ status: 400, code: "0x80060888", message: "Syntax error in the $filter query option." });
  const value = CUSTOMER_ROWS.filter((row) =>
    conditions.every(({ column, value: wanted }) => (row as unknown as Record<string, string>)[column] === wanted),
  ).slice(0, Number(params.get("$top") ?? 5000));
  const accounts = conditions.map((c) => c.value);
  if (accounts.includes(HANGING_ACCOUNT)) return { status: 0, headers: {}, body: "", delayMs: 0, hang: true };
  const body = { "@odata.context": `${origin}/api/data/v9.2/$metadata#${set}`, value };
  return json(200, body, accounts.includes(SLOW_ACCOUNT) ? (delayMs ?? RECORD_SLOW_MS) : 0);
}

/**
 * `column eq 'literal'` clauses joined by ` and ` (the literal's `''` is one quote), as Dataverse reads them; undefined
 * for anything else, so a value that escaped its literal would show up here as a syntax error.
 */
export function parseFilter(filter: string): Array<{ column: string; value: string }> | undefined {
  const clause = /^([a-z][a-z0-9_]*) eq '((?:[^']|'')*)'(?: and |$)/;
  const conditions: Array<{ column: string; value: string }> = [];
  let rest = filter;
  while (rest !== "") {
    const match = clause.exec(rest);
    if (!match) return undefined;
    conditions.push({ column: match[1], value: match[2].replace(/''/g, "'") });
    rest = rest.slice(match[0].length);
  }
  return conditions.length > 0 ? conditions : undefined;
}
