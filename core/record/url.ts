import { safeHttpsUrl } from "../links";
import { isCompanyCode, isLogicalName, rowId } from "./names";

/** Where the found record is: F&O's `cmp`, `entityName` (the virtual table's entity set name) and `entityGuid`. */
export interface RecordTarget {
  cmp: string;
  entityName: string;
  entityGuid: string;
}

/** Menu item of F&O's System entity navigation (Microsoft's "Create deep links" article). */
export const ENTITY_NAVIGATION_MI = "action:SysEntityNavigation";

const MAX_URL_LENGTH = 2048;

/**
 * `<F&O URL>/?cmp=<cmp>&mi=action:SysEntityNavigation&entityName=<entity set>&entityGuid=<id>`, or undefined when the
 * URL is not safe https, a part is not what it must be (cmp 1-4 letters or digits, entityName a logical name, the id
 * a GUID) or the link would pass 2,048 characters. Any path of the URL is kept (as buildDeepLink does); the query and
 * hash are replaced.
 */
export function buildRecordLink(url: string, target: RecordTarget): string | undefined {
  const base = safeHttpsUrl(url);
  const guid = rowId(target.entityGuid);
  if (base === undefined || guid === undefined || !isCompanyCode(target.cmp) || !isLogicalName(target.entityName))
    return undefined;
  const parsed = new URL(base);
  const path = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  // Every part was checked to be letters, digits, `_`, `-` or `:`: nothing here needs encoding.
  const href = `${parsed.origin}${path}?cmp=${target.cmp}&mi=${ENTITY_NAVIGATION_MI}&entityName=${target.entityName}&entityGuid=${guid}`;
  const safe = safeHttpsUrl(href);
  return safe !== undefined && safe.length <= MAX_URL_LENGTH ? safe : undefined;
}
