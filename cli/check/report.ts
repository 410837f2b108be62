import type { ResultKind } from "../../core";

/** A checked environment's state: core's result kind, or `noDataverse` for an environment that has no database. */
export type EnvironmentState = ResultKind | "noDataverse";

export const STATES: ReadonlyArray<EnvironmentState> = [
  "linked",
  "notLinked",
  "unauthorized",
  "forbidden",
  "offline",
  "invalid",
  "failed",
  "noDataverse",
];

/** One environment in the `--json` document (and, flattened, a table row and a CSV line). */
export interface EnvironmentReport {
  /** The Dataverse URL, or null for an environment without Dataverse. */
  url: string | null;
  name: string;
  state: EnvironmentState;
  financeAndOperations: {
    url: string;
    tenantId: string;
    environmentId: string;
    /** Every other field the function returned (IsUnifiedDatabase, …). */
    extra: Record<string, unknown>;
  } | null;
  /** FinOpsLink in the `solutions` table; null when it could not be read. */
  solution: { installed: boolean; version: string | null; managed: boolean | null } | null;
  error: { code: string | null; status: number | null; message: string } | null;
  elapsedMs: number;
}

export interface CheckDocument {
  environments: EnvironmentReport[];
  /** --all only: whether the admin API's list was read to its end, and why not (the run then exits 2). */
  listing?: { complete: boolean; error: string | null };
  summary: Record<EnvironmentState, number> & { total: number; retried: number };
}

export function summarise(environments: EnvironmentReport[], retried: number): CheckDocument["summary"] {
  const counts = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<EnvironmentState, number>;
  for (const environment of environments) counts[environment.state]++;
  return { total: environments.length, ...counts, retried };
}

/** 0: every checked environment linked; 1: some not linked, none failed; 2: any could not be checked. */
export function exitCodeFor(environments: ReadonlyArray<{ state: EnvironmentState }>): 0 | 1 | 2 {
  const checked = environments.filter((e) => e.state !== "noDataverse");
  if (checked.some((e) => e.state !== "linked" && e.state !== "notLinked")) return 2;
  return checked.some((e) => e.state === "notLinked") ? 1 : 0;
}
