import { COMPANY_COLUMN, VIRTUAL_TABLE_PREFIX, isCompanyCode, isLogicalName, isNavigationPropertyName } from "./names";

/** The maker's record link settings as the control's properties or the form script's options give them (text). */
export interface RawRecordSettings {
  /** `off` (or empty), `thisRow` or `matchRow`. */
  recordLink?: string | null;
  /** The virtual table to search (logical name), e.g. `mserp_custcustomerv3entity`. */
  recordTable?: string | null;
  /** `virtualColumn=thisColumn`, several separated by `;`. */
  recordMatch?: string | null;
  /** `column`, `lookup.column` or `=CODE`. */
  recordCompany?: string | null;
}

export type RecordSettingName = keyof RawRecordSettings;

/** Where the company comes from: a column of this row, a column of the row a lookup points to, or a fixed code. */
export type CompanySource =
  | { kind: "column"; column: string }
  | { kind: "lookup"; lookup: string; column: string }
  | { kind: "fixed"; code: string };

export interface MatchPair {
  /** The virtual table's column. */
  virtual: string;
  /** This row's column whose value it must equal. */
  column: string;
}

/**
 * What to do, once checked:
 * - off: no record link;
 * - thisRow: the form's table is a virtual table; its own row is the record;
 * - matchRow: find the one row of `table` whose columns equal this row's (and whose company is `company`'s value);
 * - invalid: a maker mistake in `property` (its value and an example to show); nothing may be sent.
 */
export type RecordSettings =
  | { kind: "off" }
  | { kind: "thisRow" }
  | { kind: "matchRow"; table: string; pairs: MatchPair[]; company?: CompanySource }
  | { kind: "invalid"; property: RecordSettingName; value: string; example: string };

/** Settings that send requests. */
export type ActiveRecordSettings = Extract<RecordSettings, { kind: "thisRow" | "matchRow" }>;

/**
 * The preset for Customers V3 (mserp): on a dual-write account form `recordLink=matchRow` alone finds the customer
 * whose account number is the account's, in the company of the account's dual-write company lookup.
 */
export const CUSTOMERS_V3_PRESET = {
  formTable: "account",
  recordTable: "mserp_custcustomerv3entity",
  recordMatch: "mserp_customeraccount=accountnumber",
  recordCompany: "msdyn_company.cdm_companycode",
} as const;

export const EXAMPLES: Record<RecordSettingName, string> = {
  recordLink: "matchRow",
  recordTable: CUSTOMERS_V3_PRESET.recordTable,
  recordMatch: CUSTOMERS_V3_PRESET.recordMatch,
  recordCompany: CUSTOMERS_V3_PRESET.recordCompany,
};

const MAX_PAIRS = 5;

function text(value: string | null | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Reads and checks the maker's settings for a form of `formTable` (its logical name). Never throws. On account forms
 * `matchRow` defaults to the Customers V3 preset: with the table empty or Customers V3, empty match and company take
 * the preset's. Elsewhere a company left empty means "no company filter" (the found row's company still becomes `cmp`).
 */
export function parseRecordSettings(raw: RawRecordSettings, formTable: string | undefined): RecordSettings {
  const mode = text(raw.recordLink);
  if (mode === "" || mode === "off") return { kind: "off" };
  const invalid = (property: RecordSettingName, value: string): RecordSettings => ({
    kind: "invalid",
    property,
    value: value.length > 80 ? `${value.slice(0, 79)}…` : value,
    example: EXAMPLES[property],
  });
  if (mode === "thisRow")
    return formTable?.startsWith(VIRTUAL_TABLE_PREFIX) === true ? { kind: "thisRow" } : invalid("recordLink", mode);
  if (mode !== "matchRow") return invalid("recordLink", mode);

  let table = text(raw.recordTable);
  let match = text(raw.recordMatch);
  let company = text(raw.recordCompany);
  // On an account form Customers V3 is the default table, and its blank settings take the preset's.
  if (formTable === CUSTOMERS_V3_PRESET.formTable && (table === "" || table === CUSTOMERS_V3_PRESET.recordTable)) {
    table = CUSTOMERS_V3_PRESET.recordTable;
    match ||= CUSTOMERS_V3_PRESET.recordMatch;
    company ||= CUSTOMERS_V3_PRESET.recordCompany;
  }
  if (!isLogicalName(table) || !table.startsWith(VIRTUAL_TABLE_PREFIX)) return invalid("recordTable", table);
  const pairs = parsePairs(match);
  if (pairs === undefined) return invalid("recordMatch", match);
  if (company === "") return { kind: "matchRow", table, pairs };
  const source = parseCompany(company);
  return source === undefined ? invalid("recordCompany", company) : { kind: "matchRow", table, pairs, company: source };
}

/** `a=b;c=d` (spaces around names allowed, a trailing `;` too) -> pairs of logical names; undefined when malformed. */
function parsePairs(value: string): MatchPair[] | undefined {
  const parts = value
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0 || parts.length > MAX_PAIRS) return undefined;
  const pairs: MatchPair[] = [];
  for (const part of parts) {
    const sides = part.split("=").map((side) => side.trim());
    if (sides.length !== 2 || !isLogicalName(sides[0]) || !isLogicalName(sides[1])) return undefined;
    // The company is matched through recordCompany; a pair on it would contradict that filter.
    if (sides[0] === COMPANY_COLUMN) return undefined;
    pairs.push({ virtual: sides[0], column: sides[1] });
  }
  return pairs;
}

function parseCompany(value: string): CompanySource | undefined {
  if (value.startsWith("=")) {
    const code = value.slice(1).trim();
    return isCompanyCode(code) ? { kind: "fixed", code } : undefined;
  }
  const parts = value.split(".");
  if (parts.length === 1 && isLogicalName(parts[0])) return { kind: "column", column: parts[0] };
  if (parts.length === 2 && isNavigationPropertyName(parts[0]) && isLogicalName(parts[1]))
    return { kind: "lookup", lookup: parts[0], column: parts[1] };
  return undefined;
}
