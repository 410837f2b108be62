/**
 * The environment's content security policy for model-driven apps, from its `organization` row (Microsoft's "Content
 * security policy" article: the admin center's toggles are stored on the organization): `iscontentsecuritypolicyenabled`
 * turns the policy on, `contentsecuritypolicyconfiguration` holds its settings (JSON). Report-only and the Strict CSP
 * toggle are not in Microsoft's published column list, so they are read where the row has them: a column or a
 * configuration key naming them (`…reportonly…`, `enforce: false`, `…strict…`). Information only: FinOps Link makes
 * no browser request to an F&O host and uses no eval (docs/link-audit.md names the browser test that proves it).
 */
export type CspMode = "off" | "reportOnly" | "enforced" | "strict";

export interface CspReport {
  mode: CspMode;
  /** The columns it was read from (names and values as the row gives them; configuration as text). */
  columns: Record<string, string | boolean | null>;
}

const CSP_COLUMN = /contentsecuritypolicy/i;

function flags(value: unknown, into: Map<string, unknown>): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  for (const [key, item] of Object.entries(value)) into.set(key.toLowerCase(), item);
}

/** One `organizations` row (any columns) -> the CSP mode and the CSP columns it has. Pure. */
export function cspOf(row: Record<string, unknown>): CspReport {
  const columns: Record<string, string | boolean | null> = {};
  for (const [key, value] of Object.entries(row))
    if (CSP_COLUMN.test(key) && !key.includes("@") && !/forcanvas/i.test(key))
      columns[key] = typeof value === "string" || typeof value === "boolean" ? value : null;
  const enabled = row.iscontentsecuritypolicyenabled === true;
  const settings = new Map<string, unknown>();
  const configuration = row.contentsecuritypolicyconfiguration;
  if (typeof configuration === "string" && configuration.trim() !== "") {
    try {
      flags(JSON.parse(configuration), settings);
    } catch {
      // a configuration that is not JSON says nothing about report-only or strict
    }
  }
  for (const [key, value] of Object.entries(columns))
    if (key !== "contentsecuritypolicyconfiguration") settings.set(key.toLowerCase(), value);
  const truthy = (test: RegExp) => [...settings].some(([key, value]) => test.test(key) && value === true);
  const reportOnly =
    truthy(/reportonly/) || [...settings].some(([key, value]) => /^(is)?enforced?$/.test(key) && value === false);
  if (!enabled && !truthy(/reportonly/)) return { mode: "off", columns };
  if (reportOnly) return { mode: "reportOnly", columns };
  return { mode: truthy(/strict/) ? "strict" : "enforced", columns };
}

/** How the mode is said. */
export const CSP_WORDS: Record<CspMode, string> = {
  off: "off",
  reportOnly: "report-only",
  enforced: "enforced",
  strict: "strict",
};
