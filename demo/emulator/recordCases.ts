import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  FORBIDDEN_TABLE,
  NOT_ENABLED_TABLE,
} from "../../test/fixtures/dataverse";

/**
 * The record link's demo cases: which form and row the page shows and the record link settings its controls (and its
 * command bar button) get. `npm start` offers each in the picker (record=<case>); the browser tests open each.
 */
export interface RecordCase {
  description: string;
  /** The form's table and row. */
  row: { entityTypeName: string; entityId: string; entityRecordName: string };
  /** Shown on the form: the account number and company, or the virtual row's. */
  fields: Record<string, string | null>;
  /** The record link settings (control properties; the same names as the form script's options). */
  settings: Record<string, string>;
  /** A new row: what its first save makes of `row` (the demo page's Save button, `__finopsDemo.save()`). */
  savedRow?: { entityTypeName: string; entityId: string; entityRecordName: string };
}

const MATCH = { recordLink: "matchRow" };

function account(
  key: keyof typeof ACCOUNTS,
  description: string,
  settings: Record<string, string> = MATCH,
): RecordCase {
  const a = ACCOUNTS[key];
  return {
    description,
    row: { entityTypeName: "account", entityId: `{${a.accountid.toUpperCase()}}`, entityRecordName: a.name },
    fields: { accountnumber: a.accountnumber, company: a.companyCode },
    settings,
  };
}

const virtualRow = CUSTOMER_ROWS[1];

export const RECORD_CASES = {
  off: account("contoso", "no record link (the control's default)", {}),
  found: account("contoso", "dual-write account US-001 in usmf: recordLink=matchRow alone (Customers V3 preset)"),
  apostrophe: account("obrien", "account number O'Brien & Sons #7 in demf (quote, &, #, spaces)"),
  noMatch: account("unsynced", "account US-404: no Customers V3 row (not synchronized yet)"),
  twoMatches: account("duplicate", "account US-DUP: two Customers V3 rows match"),
  noValue: account("noNumber", "account without an account number"),
  notEnabled: account("contoso", `virtual table ${NOT_ENABLED_TABLE.table} not enabled (404)`, {
    recordLink: "matchRow",
    recordTable: NOT_ENABLED_TABLE.table,
    recordMatch: "mserp_vendoraccountnumber=accountnumber",
  }),
  forbidden: account("contoso", `virtual table ${FORBIDDEN_TABLE.table} the user may not read (403)`, {
    recordLink: "matchRow",
    recordTable: FORBIDDEN_TABLE.table,
    recordMatch: "mserp_personnelnumber=accountnumber",
  }),
  slow: account("slow", "account US-SLOW: the search answers late (delay=ms, default 3 s)"),
  hang: account("hang", "account US-HANG: the search never answers (time-out after 30 s)"),
  badSetting: account("contoso", "a maker's mistake: recordCompany =CONTOSO is no company code", {
    recordLink: "matchRow",
    recordCompany: "=CONTOSO",
  }),
  newRow: {
    ...account("contoso", "a new account, not saved yet: Save gives it its id and the name Contoso Pharmaceuticals"),
    row: { entityTypeName: "account", entityId: "", entityRecordName: "" },
    savedRow: {
      entityTypeName: "account",
      entityId: `{${ACCOUNTS.contoso.accountid.toUpperCase()}}`,
      entityRecordName: "Contoso Pharmaceuticals",
    },
  },
  virtualTable: {
    description: `a Customers V3 (${CUSTOMERS_V3.table}) form: recordLink=thisRow`,
    row: {
      entityTypeName: CUSTOMERS_V3.table,
      entityId: virtualRow.mserp_custcustomerv3entityid,
      entityRecordName: virtualRow.mserp_name,
    },
    fields: { mserp_customeraccount: virtualRow.mserp_customeraccount, mserp_dataareaid: virtualRow.mserp_dataareaid },
    settings: { recordLink: "thisRow" },
  },
} satisfies Record<string, RecordCase>;

export type RecordCaseName = keyof typeof RECORD_CASES;
export const RECORD_CASE_NAMES = Object.keys(RECORD_CASES) as RecordCaseName[];

export function isRecordCase(value: unknown): value is RecordCaseName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RECORD_CASES, value);
}
