import { normaliseGuid } from "../guid";

/**
 * Names and codes of the record link, checked before anything is sent. Facts from Microsoft's "Create deep links"
 * article (System entity navigation) and the Dataverse virtual tables for finance and operations (mserp_ prefix):
 * a virtual table's primary key is `<logical name>id`, its company column `mserp_dataareaid`.
 */

/** Microsoft's article for admins: enabling the Dataverse virtual tables (virtual entities) for finance and operations. */
export const ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL =
  "https://learn.microsoft.com/dynamics365/fin-ops-core/dev-itpro/power-platform/enable-virtual-entities";

/** The prefix of the virtual tables Dataverse creates for finance and operations entities. */
export const VIRTUAL_TABLE_PREFIX = "mserp_";

/** The virtual tables' company column: its value is the data area id, F&O's `cmp`. */
export const COMPANY_COLUMN = "mserp_dataareaid";

/** Dataverse logical names: lower-case letters, digits and underscores, starting with a letter; at most 64. */
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** A Dataverse logical name (table, column or lookup), as written in the form designer. */
export function isLogicalName(value: unknown): value is string {
  return typeof value === "string" && LOGICAL_NAME.test(value);
}

/**
 * A lookup's single-valued navigation property, as `$expand` names it: letters, digits and underscores, starting with a
 * letter. Case matters and is kept: a system lookup's is its logical name (`msdyn_company`), a custom lookup's
 * usually carries its schema name's capitals (`cr123_Company`; Microsoft's "Web API navigation properties" article:
 * names are case-sensitive).
 */
const NAVIGATION_PROPERTY = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export function isNavigationPropertyName(value: unknown): value is string {
  return typeof value === "string" && NAVIGATION_PROPERTY.test(value);
}

/** F&O data area ids (DataAreaId, 4 characters) are letters and digits: what `cmp` accepts. */
const COMPANY_CODE = /^[A-Za-z0-9]{1,4}$/;

/** A company code fit for `cmp` and an OData literal: 1-4 letters or digits. */
export function isCompanyCode(value: unknown): value is string {
  return typeof value === "string" && COMPANY_CODE.test(value);
}

/** The table's primary key column: `<logical name>id` (Dataverse's rule for every table it creates). */
export function idColumnOf(table: string): string {
  return `${table}id`;
}

/** The row id as a lower-case GUID without braces, or undefined. */
export const rowId = normaliseGuid;
