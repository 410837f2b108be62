/** Microsoft's article for admins: how to link a Dataverse environment to finance and operations. */
export const ENABLE_INTEGRATION_ARTICLE_URL =
  "https://learn.microsoft.com/dynamics365/fin-ops-core/dev-itpro/power-platform/enable-power-platform-integration";

const MAX_URL_LENGTH = 2048;
// Whitespace and control/format characters: the URL parser would silently drop or encode them, hiding what is shown.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * The URL normalised by the WHATWG parser when `value` is an absolute https: URL with a host and without credentials;
 * otherwise undefined. The only way a string becomes an href. A bare origin keeps no trailing slash.
 */
export function safeHttpsUrl(value: unknown): string | undefined {
  if (
    typeof value !== "string" ||
    value.length === 0 ||
    value.length > MAX_URL_LENGTH ||
    UNSAFE_CHARACTERS.test(value)
  ) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // relative, or not a URL at all
  }
  if (url.protocol !== "https:" || url.hostname === "" || url.username !== "" || url.password !== "") return undefined;
  // A bare origin (even with an empty "?" or "#") is written as the origin itself: no trailing slash or stray mark.
  const normalised = url.pathname === "/" && url.search === "" && url.hash === "" ? url.origin : url.href;
  // Percent-encoding can lengthen it: bound the result too, so a safe URL is always safe again.
  return normalised.length > MAX_URL_LENGTH ? undefined : normalised;
}

/** `<url>/?cmp=<cmp>&mi=<mi>` (URL-encoded, empty parts left out), or undefined when url is not safe https. */
export function buildDeepLink(url: string, target: { cmp?: string | null; mi?: string | null }): string | undefined {
  const base = safeHttpsUrl(url);
  if (base === undefined) return undefined;
  const parts = (["cmp", "mi"] as const)
    .map((name) => [name, (target[name] ?? "").trim()] as const)
    .filter(([, value]) => value !== "")
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  if (parts.length === 0) return base;
  const parsed = new URL(base);
  // F&O reads cmp/mi from the query of its root; keep any path the link already has, replace its query and hash.
  const path = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  return `${parsed.origin}${path}?${parts.join("&")}`;
}

/** The host name of a safe https URL (what a link shows), or undefined. */
export function hostOf(url: string): string | undefined {
  const safe = safeHttpsUrl(url);
  return safe === undefined ? undefined : new URL(safe).host;
}

/** What a link to the linked environment points at, and whether the asked-for deep link had to be dropped. */
export interface DeepLink {
  /** The deep link, the plain environment link when the deep link would be too long, or undefined when url is unsafe. */
  href: string | undefined;
  /** cmp/mi were asked for, but the deep link would pass the 2,048-character limit: href is the plain link instead. */
  tooLong: boolean;
}

/**
 * The link to open for the linked environment with optional cmp/mi. A deep link longer than a browser or F&O accepts
 * falls back to the environment itself (still useful) and says so, instead of showing no link at all.
 */
export function resolveDeepLink(url: string, target: { cmp?: string | null; mi?: string | null }): DeepLink {
  const base = safeHttpsUrl(url);
  if (base === undefined) return { href: undefined, tooLong: false };
  const deep = buildDeepLink(base, target);
  if (deep !== undefined && deep.length <= MAX_URL_LENGTH) return { href: deep, tooLong: false };
  return { href: base, tooLong: true };
}
