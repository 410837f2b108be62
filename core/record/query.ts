import { COMPANY_COLUMN, idColumnOf } from "./names";
import type { CompanySource, MatchPair } from "./settings";

/**
 * The options strings of the record link's Web API calls, in the shape `retrieveRecord` / `retrieveMultipleRecords`
 * take them (PCF context.webAPI and Xrm.WebApi alike): a query string starting with `?`, placed into the request URL
 * as it is. Names were checked as logical names (settings.ts) before they get here; values only ever appear inside
 * OData string literals.
 */

// Lone surrogates cannot be URL-encoded (encodeURIComponent throws URIError): they become U+FFFD, as any UTF-8 text would.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `value` as an OData string literal inside a URL: single quotes doubled (OData ABNF), then URL-encoded, so `&`, `#`,
 * `%`, `+`, `=`, `?`, spaces and every non-ASCII character stay part of the literal. The quote itself survives
 * encodeURIComponent unchanged, so the literal reads `'...'` in the URL. Never throws.
 */
export function odataStringLiteral(value: string): string {
  return `'${encodeURIComponent(value.replace(LONE_SURROGATE, "\ufffd").replace(/'/g, "''"))}'`;
}

/**
 * This row's columns the match needs: `?$select=<columns>`, plus `&$expand=<lookup>($select=<column>)` when the
 * company comes through a lookup (its navigation property, case kept: names.ts isNavigationPropertyName).
 */
export function thisRowQuery(pairs: ReadonlyArray<MatchPair>, company: CompanySource | undefined): string {
  const columns = [
    ...new Set([...pairs.map((pair) => pair.column), ...(company?.kind === "column" ? [company.column] : [])]),
  ];
  const expand = company?.kind === "lookup" ? `&$expand=${company.lookup}($select=${company.column})` : "";
  return `?$select=${columns.join(",")}${expand}`;
}

/** A virtual table's own row: its company, `?$select=mserp_dataareaid`. */
export const COMPANY_QUERY = `?$select=${COMPANY_COLUMN}`;

/**
 * The search for the matching virtual row: its id and company, every pair equal to this row's value, the company equal
 * to `company` when given, at most two rows (two mean "more than one": never guess).
 */
export function matchQuery(
  table: string,
  conditions: ReadonlyArray<{ virtual: string; value: string }>,
  company: string | undefined,
): string {
  const filters = conditions.map(({ virtual, value }) => `${virtual} eq ${odataStringLiteral(value)}`);
  if (company !== undefined) filters.push(`${COMPANY_COLUMN} eq ${odataStringLiteral(company)}`);
  return `?$select=${idColumnOf(table)},${COMPANY_COLUMN}&$filter=${filters.join(" and ")}&$top=2`;
}
