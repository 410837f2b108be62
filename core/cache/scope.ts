import { normaliseGuid } from "../guid";

export const KEY_PREFIX = "finopslink:v1:";

/** Whose answer an entry or marker is: one organization and one user, normalised so every edge spells them alike. */
export interface CacheScope {
  org: string;
  user: string;
  /** `<org>|<user>`: the in-page single-flight key and the tail of every storage key. */
  id: string;
}

export function cacheScope(orgUrl: unknown, userId: unknown): CacheScope {
  const org = normaliseOrg(orgUrl);
  const user = normaliseUser(userId);
  return { org, user, id: `${org}|${user}` };
}

/** The organization URL as its lower-case origin (so getClientUrl() and location.origin agree). */
export function normaliseOrg(orgUrl: unknown): string {
  const text = String(orgUrl ?? "").trim();
  try {
    const origin = new URL(text).origin;
    if (origin !== "null") return origin.toLowerCase();
  } catch {
    // not absolute: fall through to the text itself
  }
  return text.toLowerCase().replace(/\/+$/, "");
}

/** The user id as a lower-case GUID without braces (or the trimmed lower-case text when it is not a GUID). */
export function normaliseUser(userId: unknown): string {
  const text = String(userId ?? "").trim();
  return normaliseGuid(text) ?? text.toLowerCase();
}

/** A timestamp we wrote: a finite, non-negative number that is not in the future (a clock that jumped, a copied tab). */
export function isPastTimestamp(value: unknown, now: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= now;
}
