import { normaliseVersion } from "../../core/inputs";
import type { Bearer, HttpClient } from "../http";

export const SOLUTION_NAME = "FinOpsLink";
/** The holding solution a staged upgrade (StageAndUpgradeAsync, "Stage for upgrade") leaves until it is applied. */
export const HOLDING_NAME = `${SOLUTION_NAME}_Upgrade`;

export interface InstalledSolution {
  installed: boolean;
  version: string | null;
  managed: boolean | null;
  /**
   * A staged upgrade never applied: the holding solution FinOpsLink_Upgrade and its version, or null. While it is
   * there Dataverse refuses every import of FinOpsLink ("Holding solution FinOpsLink_Upgrade already exists").
   */
  holding: { version: string | null } | null;
}

/**
 * FinOpsLink's row of the `solutions` table and its holding solution's (one request, both names in the $filter);
 * throws with the server's words when it cannot be read.
 */
export async function readInstalledSolution(
  envUrl: string,
  http: HttpClient,
  token: string | Bearer,
): Promise<InstalledSolution> {
  const query = new URLSearchParams({
    $select: "uniquename,version,ismanaged",
    $filter: `uniquename eq '${SOLUTION_NAME}' or uniquename eq '${HOLDING_NAME}'`,
  });
  const answer = await http.send(`${envUrl}/api/data/v9.2/solutions?${query.toString().replace(/\+/g, "%20")}`, {
    token,
  });
  if (!answer.ok) throw new Error(`reading the solutions table: ${httpWords(answer.status, answer.text)}`);
  const rows =
    (JSON.parse(answer.text) as { value?: Array<{ uniquename?: unknown; version?: unknown; ismanaged?: unknown }> })
      .value ?? [];
  const named = (name: string) =>
    rows.find((r) => typeof r.uniquename === "string" && r.uniquename.toLowerCase() === name.toLowerCase());
  // A server that ignores the $filter's second name still answers FinOpsLink's row first.
  const row = named(SOLUTION_NAME) ?? (rows.length === 1 && rows[0]?.uniquename === undefined ? rows[0] : undefined);
  const staged = named(HOLDING_NAME);
  const holding = staged === undefined ? null : { version: versionOf(staged.version) };
  if (row === undefined) return { installed: false, version: null, managed: null, holding };
  return {
    installed: true,
    version: versionOf(row.version),
    managed: typeof row.ismanaged === "boolean" ? row.ismanaged : null,
    holding,
  };
}

/** `HTTP 403 0x80040220: Principal user … is missing prvRead… privilege`: status, code and message when present. */
export function httpWords(status: number, text: string): string {
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    const code = typeof error?.code === "string" ? ` ${error.code}` : "";
    const message = typeof error?.message === "string" ? `: ${error.message.split(/\r?\n/)[0]}` : "";
    return `HTTP ${status}${code}${message}`;
  } catch {
    return `HTTP ${status}`;
  }
}

function versionOf(value: unknown): string | null {
  return normaliseVersion(value) ?? (typeof value === "string" ? value : null);
}
