import { normaliseVersion } from "../../core/inputs";
import { isLogicalName } from "../../core/record/names";
import { oneLine } from "../failures";
import type { Bearer, HttpClient } from "../http";
import { cspOf, type CspReport } from "./csp";
import { httpWords } from "./solutionRow";

/**
 * What the integration needs installed in one environment (`check --parts`, `doctor`): the virtual table solutions,
 * dual-write, and the content security policy. Three reads, sent at the same time as the link function: one
 * `$filter`ed `solutions` read, one metadata read, one `organizations` read.
 * Facts: Microsoft's "Enable Microsoft Dataverse virtual entities" (the solutions MicrosoftOperationsVESupport and
 * MicrosoftOperationsERPCatalog carry the virtual tables), dual-write's own table `msdyn_dualwriteentitymap`.
 */
export const VIRTUAL_TABLE_SOLUTIONS = ["MicrosoftOperationsVESupport", "MicrosoftOperationsERPCatalog"] as const;
export const DUAL_WRITE_TABLE = "msdyn_dualwriteentitymap";

export type Section<T> = T | { error: string };

export interface PartsReport {
  /** Each virtual table solution: installed with its version, or not (version null). */
  virtualTables: Section<Array<{ uniqueName: string; installed: boolean; version: string | null }>>;
  /** Dual-write's map table exists. */
  dualWrite: Section<{ installed: boolean }>;
  csp: Section<CspReport>;
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString().replace(/\+/g, "%20");

/** GET `path` under the environment's Web API: the JSON body, or throws the server's words in one line. */
async function read(envUrl: string, path: string, http: HttpClient, token: Bearer): Promise<Record<string, unknown>> {
  let answer;
  try {
    answer = await http.send(`${envUrl}/api/data/v9.2/${path}`, { token });
  } catch (error) {
    throw new Error(oneLine(error));
  }
  if (!answer.ok) throw new Error(httpWords(answer.status, answer.text));
  try {
    const body: unknown = JSON.parse(answer.text);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch {
    throw new Error(`HTTP ${answer.status}: not JSON`);
  }
}

const rowsOf = (body: Record<string, unknown>): Array<Record<string, unknown>> =>
  Array.isArray(body.value)
    ? body.value.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : [];

async function section<T>(work: () => Promise<T>): Promise<Section<T>> {
  try {
    return await work();
  } catch (error) {
    return { error: oneLine(error) };
  }
}

/**
 * The three reads at once, on the environment's client (its connections carry the link function's request at the same
 * time: cli/check/checkEnvironment.ts). Never throws: a refused read is its section's error.
 */
export async function readParts(envUrl: string, http: HttpClient, token: Bearer): Promise<PartsReport> {
  const on = <T>(work: (client: HttpClient) => Promise<T>): Promise<Section<T>> => section(() => work(http));
  const [virtualTables, dualWrite, csp] = await Promise.all([
    on(async (http) => {
      const filter = VIRTUAL_TABLE_SOLUTIONS.map((name) => `uniquename eq '${name}'`).join(" or ");
      const rows = rowsOf(
        await read(envUrl, `solutions?${query({ $select: "uniquename,version", $filter: filter })}`, http, token),
      );
      return VIRTUAL_TABLE_SOLUTIONS.map((uniqueName) => {
        const row = rows.find(
          (r) => typeof r.uniquename === "string" && r.uniquename.toLowerCase() === uniqueName.toLowerCase(),
        );
        return {
          uniqueName,
          installed: row !== undefined,
          // Four parts, as FinOpsLink's own version is read (core/inputs.ts normaliseVersion).
          version: normaliseVersion(row?.version) ?? (typeof row?.version === "string" ? row.version : null),
        };
      });
    }),
    on(async (http) => ({
      installed: (await existingTables(envUrl, [DUAL_WRITE_TABLE], http, token)).has(DUAL_WRITE_TABLE),
    })),
    on(async (http) => {
      const row = rowsOf(await read(envUrl, "organizations", http, token))[0];
      if (row === undefined) throw new Error("no organization row");
      return cspOf(row);
    }),
  ]);
  return { virtualTables, dualWrite, csp };
}

/**
 * Which of `tables` (logical names; anything else is left out, never sent) exist: one metadata read,
 * `EntityDefinitions?$select=LogicalName&$filter=LogicalName eq '…' or …`. Throws the server's words.
 */
export async function existingTables(
  envUrl: string,
  tables: ReadonlyArray<string>,
  http: HttpClient,
  token: Bearer,
): Promise<Set<string>> {
  // Logical names only ([a-z0-9_], core/record/names.ts): a name from a form's XML is a literal, never an operator.
  const names = [...new Set(tables.filter(isLogicalName))];
  if (names.length === 0) return new Set();
  const filter = names.map((name) => `LogicalName eq '${name}'`).join(" or ");
  const rows = rowsOf(
    await read(envUrl, `EntityDefinitions?${query({ $select: "LogicalName", $filter: filter })}`, http, token),
  );
  return new Set(rows.map((r) => r.LogicalName).filter((n): n is string => typeof n === "string"));
}
