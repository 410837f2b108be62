import type { ResultKind } from "../../core";
import type { AdminCenterView } from "./adminView";
import type { Finding, FindingCode, Severity } from "./findings";
import type { PartsReport } from "./parts";
import type { TenantCapacityReport } from "./tenantCapacity";

/**
 * A checked environment's state: core's result kind; `noDataverse` for an environment without a database;
 * `notChecked` for one the admin center says cannot answer now (disabled, admin mode, not ready: see its findings).
 */
export type EnvironmentState = ResultKind | "noDataverse" | "notChecked";

export const STATES: ReadonlyArray<EnvironmentState> = [
  "linked",
  "notLinked",
  "unauthorized",
  "forbidden",
  "offline",
  "invalid",
  "failed",
  "noDataverse",
  "notChecked",
];

/** States of environments that were asked and gave no usable answer (exit 2). */
export const COULD_NOT_CHECK: ReadonlySet<EnvironmentState> = new Set([
  "unauthorized",
  "forbidden",
  "offline",
  "invalid",
  "failed",
]);

/** The admin center's view as the report carries it: compared, or why not (not a failure). */
export type AdminCenterReport = ({ compared: true } & AdminCenterView) | { compared: false; reason: string };

/** One environment in the `--json` document (and, flattened, a table row and a CSV line). */
export interface EnvironmentReport {
  /** The Dataverse URL (its origin), or null for an environment without Dataverse. */
  url: string | null;
  name: string;
  state: EnvironmentState;
  financeAndOperations: {
    url: string;
    tenantId: string;
    environmentId: string;
    /** Every other field the function returned (IsUnifiedDatabase, …), without `__proto__`/`constructor` keys. */
    extra: Record<string, unknown>;
  } | null;
  /**
   * The linked F&O URL (financeAndOperations.url), under the name Microsoft's Dataverse CLI gives it in
   * `pac org who --json`, so scripts written for either tool read it; null when not linked.
   */
  erpUrl: string | null;
  /** FinOpsLink in the `solutions` table (and a staged upgrade never applied: `holding`); null when not read. */
  solution: {
    installed: boolean;
    version: string | null;
    managed: boolean | null;
    holding?: { version: string | null } | null;
  } | null;
  error: { code: string | null; status: number | null; message: string } | null;
  /** The link function's last answer: HTTP status (null without one), Dataverse's service request id, time in ms. */
  answer: { status: number | null; serviceRequestId: string | null; ms: number } | null;
  adminCenter: AdminCenterReport;
  /** The installed parts (`check --parts`, `doctor`): virtual tables, dual-write, CSP; null when not read. */
  parts: PartsReport | null;
  /** The codes of the document's findings that name this environment. */
  findings: FindingCode[];
  elapsedMs: number;
}

export interface CheckDocument {
  environments: EnvironmentReport[];
  /** Every finding once, naming every environment it involves (docs/link-audit.md). */
  findings: Finding[];
  summary: Record<EnvironmentState, number> & {
    total: number;
    retried: number;
    findings: Record<Severity, number>;
  };
  /** --all only: whether the admin API's list was read to its end, and why not (the run then exits 2). */
  listing?: { complete: boolean; error: string | null };
  /**
   * The tenant's capacity per type (total, used, free in MB) from the licensing API, or why it was not checked; absent
   * when the admin center is not compared (--no-admin-center).
   */
  capacity?: TenantCapacityReport;
}

export function summarise(
  environments: ReadonlyArray<EnvironmentReport>,
  findings: ReadonlyArray<Finding>,
  retried: number,
): CheckDocument["summary"] {
  const counts = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<EnvironmentState, number>;
  for (const environment of environments) counts[environment.state]++;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) bySeverity[finding.severity]++;
  return { total: environments.length, ...counts, retried, findings: bySeverity };
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * The linters' convention (ESLint, markdownlint): 0 nothing to look at; 1 the audit finished and found something (an
 * environment not linked, or a finding at or above `failOn`, default warning); 2 some environment could not be
 * checked (retry). Not checked (disabled, admin mode, setup in progress, busy, not ready) and no-Dataverse
 * environments never change it by themselves (info findings).
 */
export function exitCodeFor(
  environments: ReadonlyArray<{ state: EnvironmentState }>,
  findings: ReadonlyArray<{ severity: Severity }> = [],
  failOn: Severity = "warning",
): 0 | 1 | 2 {
  if (environments.some((e) => COULD_NOT_CHECK.has(e.state))) return 2;
  if (environments.some((e) => e.state === "notLinked") || findings.some((f) => RANK[f.severity] >= RANK[failOn]))
    return 1;
  return 0;
}
