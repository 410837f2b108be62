import { XMLParser } from "fast-xml-parser";
import type { Bearer, HttpClient } from "../http";

/**
 * What an import job's `data` XML says, besides success (Dataverse writes one `result` per solution manifest and per
 * component: `<result result="success|warning|failure" errorcode="0x…" errortext="…"/>`, or the same attributes on
 * the component's own element; see docs/troubleshooting.md). `error`: the first failure's text; `notes`: each
 * warning, and each component failure of a job that succeeded, as `<component>: <text>` (at most 10).
 */
export interface ImportJobResult {
  error?: string;
  notes: string[];
}

/** The import job's own error text (`<result result="failure" errortext="…">` in its data XML), when there is one. */
export async function importJobError(
  envUrl: string,
  jobId: string,
  token: Bearer,
  http: HttpClient,
): Promise<string | undefined> {
  return (await importJobResult(envUrl, jobId, token, http))?.error;
}

/** Reads importjobs(id)'s data XML; undefined when it cannot be read (no privilege, no data yet). Never throws. */
export async function importJobResult(
  envUrl: string,
  jobId: string,
  token: Bearer,
  http: HttpClient,
): Promise<ImportJobResult | undefined> {
  try {
    const answer = await http.send(`${envUrl}/api/data/v9.2/importjobs(${jobId})?$select=data,progress`, { token });
    if (!answer.ok) return undefined;
    const data = (JSON.parse(answer.text) as { data?: unknown }).data;
    if (typeof data !== "string" || data.trim() === "") return undefined;
    return readJobData(data);
  } catch {
    return undefined;
  }
}

const MAX_NOTES = 10;

/** The data XML -> its first failure and its notes (pure; exported for unit tests). */
export function readJobData(xml: string): ImportJobResult {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as unknown;
  const failures: string[] = [];
  const warnings: string[] = [];
  let error: string | undefined;
  walk(parsed, undefined, (kind, text, component) => {
    if (kind === "failure") error ??= text;
    const line = component === undefined ? text : `${component}: ${text}`;
    (kind === "failure" ? failures : warnings).push(line);
  });
  const notes = [...new Set([...warnings.map((w) => `warning: ${w}`), ...failures.map((f) => `failed: ${f}`)])];
  return {
    ...(error === undefined ? {} : { error }),
    notes: notes.slice(0, MAX_NOTES),
  };
}

type Seen = (kind: "warning" | "failure", text: string, component: string | undefined) => void;

function walk(node: unknown, component: string | undefined, seen: Seen): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, component, seen);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const own = nameOf(record) ?? component;
  if ((record.result === "failure" || record.result === "warning") && typeof record.errortext === "string") {
    const text = record.errortext.trim();
    if (text !== "") seen(record.result, text, own); // one line, escapes and all, when said (terminalText)
  }
  for (const [key, value] of Object.entries(record))
    if (key !== "result" || typeof value === "object") walk(value, own, seen);
}

/** A component's name in the data XML: its `name`, `LocalizedName`, `id` attribute, or its text. */
function nameOf(record: Record<string, unknown>): string | undefined {
  for (const key of ["name", "LocalizedName", "id", "#text"]) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim().slice(0, 80);
  }
  return undefined;
}
