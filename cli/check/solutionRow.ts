import { normaliseVersion } from "../../core/inputs";
import type { Bearer, HttpClient } from "../http";

export const SOLUTION_NAME = "FinOpsLink";

export interface InstalledSolution {
  installed: boolean;
  version: string | null;
  managed: boolean | null;
}

/** FinOpsLink's row of the `solutions` table; throws with the server's words when it cannot be read. */
export async function readInstalledSolution(
  envUrl: string,
  http: HttpClient,
  token: string | Bearer,
): Promise<InstalledSolution> {
  const query = new URLSearchParams({
    $select: "uniquename,version,ismanaged",
    $filter: `uniquename eq '${SOLUTION_NAME}'`,
  });
  const answer = await http.send(`${envUrl}/api/data/v9.2/solutions?${query.toString().replace(/\+/g, "%20")}`, {
    token,
  });
  if (!answer.ok) throw new Error(`reading the solutions table: ${httpWords(answer.status, answer.text)}`);
  const rows = (JSON.parse(answer.text) as { value?: Array<{ version?: unknown; ismanaged?: unknown }> }).value ?? [];
  const row = rows[0];
  if (row === undefined) return { installed: false, version: null, managed: null };
  return {
    installed: true,
    version: normaliseVersion(row.version) ?? (typeof row.version === "string" ? row.version : null),
    managed: typeof row.ismanaged === "boolean" ? row.ismanaged : null,
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
