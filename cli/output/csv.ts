import { stringify } from "csv-stringify/sync";
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

/** `--delimiter`: `,` (RFC 4180), `;` (Excel where Windows' list separator is `;`, e.g. German) or a tab. */
export const DELIMITERS = { ",": ",", ";": ";", tab: "\t" } as const;
export type Delimiter = keyof typeof DELIMITERS;

/**
 * `--csv`: a header line and one line per environment, CRLF line ends, fields quoted when they hold the delimiter,
 * a quote or a line break (csv-stringify). It starts with a UTF-8 byte order mark: Excel on Windows reads a CSV
 * without one in the ANSI code page ("MÃ¼ller"), and PowerShell's Import-Csv / ConvertFrom-Csv and .NET read it and
 * drop it. Every server string goes through terminalText (one line, no escapes); finding codes are joined by `;`;
 * then the database use, the tenant's free capacity, the findings about the tenant and the parts (readiness.ts), from
 * `tenant` (the document's capacity and findings).
 */
export function renderCsv(
  environments: ReadonlyArray<EnvironmentReport>,
  tenant?: Pick<CheckDocument, "capacity" | "findings">,
  delimiter: Delimiter = ",",
): string {
  const rows: string[][] = [];
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
    rows.push(COLUMNS.map((column) => cell(row[column])));
  }
  return stringify([[...COLUMNS], ...rows], {
    bom: true,
    delimiter: DELIMITERS[delimiter],
    record_delimiter: "windows",
  });
}

/**
 * One field's text. Text from a server that starts like a formula (= + - @) gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it.
 */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = terminalText(value);
  return typeof value === "string" && /^\s*[=+\-@]/.test(text) ? `'${text}` : text;
}
