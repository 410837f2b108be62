/** @jest-environment node */
/** The emulated Dataverse's record tables answer in Dataverse's shapes, and read $filter as Dataverse would. */
import { parseFilter, respondRecords } from "../../demo/emulator/records";
import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  METADATA_NOT_FOUND,
  TABLE_FORBIDDEN,
  TABLE_NOT_FOUND,
} from "../fixtures/dataverse";

const ORIGIN = "http://127.0.0.1";
const body = (segment: string, query = "") => JSON.parse(respondRecords(segment, query, ORIGIN)?.body ?? "null");

test("metadata: EntitySetName for enabled tables, Dataverse's 404 for the rest", () => {
  expect(body(`EntityDefinitions(LogicalName='${CUSTOMERS_V3.table}')`)).toMatchObject({
    EntitySetName: CUSTOMERS_V3.entitySet,
  });
  const missing = respondRecords("EntityDefinitions(LogicalName='mserp_vendvendorv2entity')", "", ORIGIN);
  expect(missing?.status).toBe(404);
  expect(JSON.parse(missing?.body ?? "")).toEqual({
    error: { code: METADATA_NOT_FOUND.code, message: METADATA_NOT_FOUND.message },
  });
});

test("a not-enabled table is 404 with the not-found error, a forbidden one 403", () => {
  const notFound = respondRecords("mserp_vendvendorv2entities", "$top=2", ORIGIN);
  expect([notFound?.status, JSON.parse(notFound?.body ?? "").error.code]).toEqual([404, TABLE_NOT_FOUND.code]);
  const forbidden = respondRecords("mserp_hcmworkerentities", "$top=2", ORIGIN);
  expect([forbidden?.status, JSON.parse(forbidden?.body ?? "").error.code]).toEqual([403, TABLE_FORBIDDEN.code]);
});

test("an account with its company lookup; a Customers V3 row by id", () => {
  expect(body(`accounts(${ACCOUNTS.obrien.accountid})`)).toMatchObject({
    accountnumber: "O'Brien & Sons #7",
    msdyn_company: { cdm_companycode: "demf" },
  });
  expect(body(`${CUSTOMERS_V3.entitySet}(${CUSTOMER_ROWS[1].mserp_custcustomerv3entityid})`)).toMatchObject({
    mserp_dataareaid: "demf",
  });
});

test("the search: literals with doubled quotes and URL-encoded characters; two companies; slow and hanging", () => {
  const search = (filter: string) =>
    respondRecords(CUSTOMERS_V3.entitySet, `$select=x&$filter=${filter}&$top=2`, ORIGIN);
  const rows = (filter: string) => JSON.parse(search(filter)?.body ?? "").value;
  expect(rows("mserp_customeraccount eq 'US-001'")).toHaveLength(2);
  expect(rows("mserp_customeraccount eq 'US-001' and mserp_dataareaid eq 'demf'")).toEqual([CUSTOMER_ROWS[1]]);
  expect(rows(`mserp_customeraccount eq 'O''Brien%20%26%20Sons%20%237'`)).toEqual([CUSTOMER_ROWS[2]]);
  expect(rows("mserp_customeraccount eq 'US-DUP'")).toHaveLength(2);
  expect(search("mserp_customeraccount eq 'US-SLOW'")?.delayMs).toBeGreaterThan(0);
  expect(search("mserp_customeraccount eq 'US-HANG'")?.hang).toBe(true);
  expect(search("mserp_customeraccount eq 'x' or 1 eq 1")?.status).toBe(400);
});

test("parseFilter reads what Dataverse reads", () => {
  expect(parseFilter("a eq 'x''y' and b eq ''")).toEqual([
    { column: "a", value: "x'y" },
    { column: "b", value: "" },
  ]);
  expect(parseFilter("a eq 'x' or b eq 'y'")).toBeUndefined();
  expect(parseFilter("a eq 'x'')")).toBeUndefined();
});
