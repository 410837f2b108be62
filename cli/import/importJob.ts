import { XMLParser } from "fast-xml-parser";
import type { Bearer, HttpClient } from "../http";

/** The import job's own error text (`<result result="failure" errortext="…">` in its data XML), when there is one. */
export async function importJobError(
  envUrl: string,
  jobId: string,
  token: Bearer,
  http: HttpClient,
): Promise<string | undefined> {
  try {
    const answer = await http.send(`${envUrl}/api/data/v9.2/importjobs(${jobId})?$select=data,progress`, { token });
    if (!answer.ok) return undefined;
    const data = (JSON.parse(answer.text) as { data?: unknown }).data;
    if (typeof data !== "string") return undefined;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(data) as unknown;
    return findFailure(parsed);
  } catch {
    return undefined;
  }
}

function findFailure(node: unknown): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  if (record.result === "failure" && typeof record.errortext === "string" && record.errortext !== "")
    return record.errortext;
  for (const value of Object.values(record)) {
    const found = Array.isArray(value) ? value.map(findFailure).find(Boolean) : findFailure(value);
    if (found !== undefined) return found;
  }
  return undefined;
}
