import { databaseMB } from "../check/adminReadiness";
import { CSP_WORDS } from "../check/csp";
import type { Finding } from "../check/findings";
import type { PartsReport } from "../check/parts";
import type { CheckDocument, EnvironmentReport } from "../check/report";
import { DATAVERSE_TYPES, FINOPS_TYPES, freeWords, lineOf, sizeWords } from "../check/tenantCapacity";
import { terminalText } from "./sanitize";

/**
 * The readiness audit's words every output mode shares: which findings to show, the tenant's capacity, each
 * environment's database use and installed parts. Plain text (terminalText); each mode escapes it its own way.
 */

/** The findings about the environments shown, and every finding about the tenant (capacity: no environment named). */
export function shownFindings(document: CheckDocument, shown: ReadonlyArray<EnvironmentReport>): Finding[] {
  const names = new Set(shown.map((e) => e.name));
  return document.findings.filter((f) => f.environments.length === 0 || f.environments.some((n) => names.has(n)));
}

/** `Database 812 MB free of 10.0 GB, File 38.2 GB free of 40.0 GB, …`, or why it was not checked; null when not read. */
export function tenantCapacityWords(document: CheckDocument): string | null {
  const capacity = document.capacity;
  if (capacity === undefined) return null;
  if (!capacity.checked) return `not checked: ${terminalText(capacity.reason)}`;
  const parts = [...DATAVERSE_TYPES, ...FINOPS_TYPES].flatMap((type) => {
    const line = lineOf(capacity, type);
    if (line === undefined || line.freeMB === null || line.totalMB === null) return [];
    return [`${type} ${freeWords(line.freeMB)} of ${sizeWords(line.totalMB)}`];
  });
  return parts.length === 0 ? "no figures in the licensing API's answer" : parts.join(", ");
}

/** The environment's database use (the admin center's figure), e.g. `2.1 GB`; "" when the list gave none. */
export function databaseWords(e: EnvironmentReport): string {
  if (!e.adminCenter.compared) return "";
  const mb = databaseMB(e.adminCenter.capacity);
  return mb === null ? "" : sizeWords(mb);
}

/** `virtual tables 9.0.1.2, ERP catalog 1.0.0.3; dual-write; CSP enforced`; "" when the parts were not read. */
export function partsWords(parts: PartsReport | null): string {
  if (parts === null) return "";
  const said: string[] = [];
  const names: Record<string, string> = {
    MicrosoftOperationsVESupport: "virtual tables",
    MicrosoftOperationsERPCatalog: "ERP catalog",
  };
  if ("error" in parts.virtualTables) said.push(`virtual tables ? (${parts.virtualTables.error})`);
  else
    said.push(
      parts.virtualTables
        .map(
          (s) => `${names[s.uniqueName] ?? s.uniqueName} ${s.installed ? (s.version ?? "installed") : "not installed"}`,
        )
        .join(", "),
    );
  if ("error" in parts.dualWrite) said.push(`dual-write ? (${parts.dualWrite.error})`);
  else said.push(parts.dualWrite.installed ? "dual-write" : "no dual-write");
  if ("error" in parts.csp) said.push(`CSP ? (${parts.csp.error})`);
  else said.push(`CSP ${CSP_WORDS[parts.csp.mode]}`);
  return terminalText(said.join("; "));
}

/**
 * What the outputs say after the findings: the tenant's free capacity per type (null when not read), and per
 * environment (with `withDatabase`: --md, --html) its database use and (with `--parts`) its installed parts, as plain
 * text (terminalText). The terminal table leaves the database use to --json, --csv and the reports: one more line per
 * environment of a large tenant would be noise there.
 */
export function readinessSummary(
  document: CheckDocument,
  shown: ReadonlyArray<EnvironmentReport>,
  withDatabase: boolean,
): { tenant: string | null; environments: Array<{ name: string; words: string }> } {
  const environments = shown.flatMap((e) => {
    const database = withDatabase ? databaseWords(e) : "";
    const words = [database === "" ? "" : `database ${database}`, partsWords(e.parts)].filter((w) => w !== "");
    return words.length === 0 ? [] : [{ name: terminalText(e.name), words: words.join("; ") }];
  });
  return { tenant: tenantCapacityWords(document), environments };
}

/** The terminal table's lines after the findings: the tenant's capacity, then (with `--parts`) the parts. */
export function readinessLines(document: CheckDocument, shown: ReadonlyArray<EnvironmentReport>): string[] {
  const { tenant, environments } = readinessSummary(document, shown, false);
  const lines: string[] = [];
  if (tenant !== null) lines.push("", `Tenant capacity: ${tenant}`);
  if (environments.length > 0)
    lines.push("", "Installed parts:", ...environments.map(({ name, words }) => `  ${name}: ${words}`));
  return lines;
}

/** The CSV's readiness columns (the same on every line; the tenant's figures repeat so each line stands alone). */
export const READINESS_COLUMNS = [
  "databaseMB",
  "tenantDatabaseFreeMB",
  "tenantFileFreeMB",
  "tenantLogFreeMB",
  "tenantFindings",
  "parts",
] as const;

export function readinessCells(
  e: EnvironmentReport,
  tenant: Pick<CheckDocument, "capacity" | "findings"> | undefined,
): Record<(typeof READINESS_COLUMNS)[number], unknown> {
  const free = (type: string) => {
    const mb = lineOf(tenant?.capacity ?? null, type)?.freeMB;
    return mb === null || mb === undefined ? null : Math.round(mb);
  };
  const mb = e.adminCenter.compared ? databaseMB(e.adminCenter.capacity) : null;
  return {
    databaseMB: mb === null ? null : Math.round(mb),
    tenantDatabaseFreeMB: free("Database"),
    tenantFileFreeMB: free("File"),
    tenantLogFreeMB: free("Log"),
    // The findings about the tenant (capacity) name no environment: each line carries their codes.
    tenantFindings: (tenant?.findings ?? [])
      .filter((f) => f.environments.length === 0)
      .map((f) => f.code)
      .join(";"),
    parts: partsWords(e.parts),
  };
}
