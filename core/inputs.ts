/**
 * One normalisation per kind of slightly-off input, used by every reader of that kind (issue 23, kind 8): text
 * pasted with spaces, a byte order mark or zero-width characters around it; a URL that is only a scheme; a host
 * with a trailing dot or in upper case; a version with fewer than four parts; a zip entry name with a leading slash,
 * backslashes or another case. GUIDs: core/guid.ts normaliseGuid. Pure: no Node or browser API.
 */

/** Zero-width space, non-joiner, joiner, word joiner and the BOM: invisible, copied along from web pages and editors. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** A string without the invisible characters and the surrounding white space; undefined when nothing is left. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(INVISIBLE, "").trim();
  return text === "" ? undefined : text;
}

/**
 * A URL as given (cleanText), or undefined when it names no host: empty, blank, or a scheme alone (`https://`,
 * `https:`, `https:///`). Read as "no URL", the way an absent one is; what is left is for the caller to check.
 */
export function urlText(value: unknown): string | undefined {
  const text = cleanText(value);
  if (text === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/*$/i.test(text) ? undefined : text;
}

/** A host name as DNS compares it: lower case, without the root's trailing dot (`Contoso.CRM.dynamics.com.`). */
export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, "");
}

/**
 * A Dataverse solution version in its four-part form (`1.0` -> `1.0.0.0`, ` 1.2.3.4 ` -> `1.2.3.4`, `01.2` ->
 * `1.2.0.0`): two to four parts of digits, each at most 2,147,483,647 (Dataverse stores each part as an int, see
 * Microsoft Learn "Solution version"); undefined for anything else.
 */
export function normaliseVersion(value: unknown): string | undefined {
  const text = cleanText(value);
  if (text === undefined || !/^\d+(\.\d+){1,3}$/.test(text)) return undefined;
  const parts = text.split(".").map(Number);
  if (parts.some((part) => part > 2_147_483_647)) return undefined;
  while (parts.length < 4) parts.push(0);
  return parts.join(".");
}

/**
 * A zip entry's name as a solution import matches it: forward slashes, no leading `./` or `/`, lower case
 * (`\Solution.xml` and `/solution.xml` are `solution.xml`).
 */
export function zipEntryName(name: string): string {
  return name
    .replace(/\\/g, "/")
    .replace(/^(\.?\/)+/, "")
    .toLowerCase();
}
