import type { CheckDocument, EnvironmentReport } from "../check/report";
import { readinessCells, READINESS_COLUMNS } from "./readiness";
import { terminalText } from "./sanitize";

const COLUMNS = [
  "name",
  "url",
  "state",
  "fnoUrl",
  "tenantId",
  "environmentId",
  "solutionInstalled",
  "solutionVersion",
  "solutionManaged",
  "errorCode",
  "errorStatus",
  "errorMessage",
  "elapsedMs",
  "sku",
  "runtimeState",
  "adminCenterFnoId",
  "findings",
  ...READINESS_COLUMNS,
] as const;

/**
 * `--csv`: RFC 4180, a header line, one line per environment; every server string through terminalText (one line,
 * no escapes), finding codes separated by `;`; then the database use, the tenant's free capacity, the findings about
 * the tenant and the parts (readiness.ts), from `tenant` (the document's capacity and findings).
 */
export function renderCsv(
  environments: ReadonlyArray<EnvironmentReport>,
  tenant?: Pick<CheckDocument, "capacity" | "findings">,
): string {
  const lines = [COLUMNS.join(",")];
  for (const e of environments) {
    const admin = e.adminCenter.compared ? e.adminCenter : null;
    const row: Record<(typeof COLUMNS)[number], unknown> = {
      name: e.name,
      url: e.url,
      state: e.state,
      fnoUrl: e.financeAndOperations?.url,
      tenantId: e.financeAndOperations?.tenantId,
      environmentId: e.financeAndOperations?.environmentId,
      solutionInstalled: e.solution?.installed,
      solutionVersion: e.solution?.version,
      solutionManaged: e.solution?.managed,
      errorCode: e.error?.code,
      errorStatus: e.error?.status,
      errorMessage: e.error?.message,
      elapsedMs: e.elapsedMs,
      sku: admin?.sku,
      runtimeState: admin?.runtimeState,
      adminCenterFnoId: admin?.linkedApp?.id,
      findings: e.findings.join(";"),
      ...readinessCells(e, tenant),
    };
    lines.push(COLUMNS.map((column) => cell(row[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * One field: quoted when it holds a comma, quote or line break. Text from a server that starts like a formula
 * (= + - @) gets a leading apostrophe, so a spreadsheet shows it instead of running it.
 */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = terminalText(value);
  if (typeof value === "string" && /^\s*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
