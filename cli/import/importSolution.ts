import { randomUUID } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import type { TokenSource } from "../auth/tokenSource";
import { readInstalledSolution, httpWords, SOLUTION_NAME } from "../check/solutionRow";
import { resourceOf } from "../check/checkEnvironment";
import { oneLine } from "../failures";
import type { HttpClient } from "../http";
import { stopwatch } from "../stopwatch";
import type { Target } from "../targets";
import { compareVersions, type SolutionZip } from "./solutionZip";

export type ImportOutcome = "imported" | "skipped" | "refused" | "failed";

export interface ImportReport {
  url: string;
  name: string;
  outcome: ImportOutcome;
  /** Installed before, and the zip's. */
  installed: { version: string; managed: boolean } | null;
  zip: { version: string; managed: boolean };
  published: boolean;
  message: string;
  elapsedMs: number;
}

export interface ImportSettings {
  http: HttpClient;
  tokens: TokenSource;
  pollMs: number;
  /** Longest wait for the async operation to end. */
  maxWaitMs: number;
  /** Timeout for PublishAllXml, which can take minutes in a large environment. */
  publishTimeoutMs: number;
  say: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** The rule of docs/admins.md ("Managed or unmanaged"), said where it is broken. */
const ONE_WAY_ONLY =
  "an environment holds FinOps Link one way only: a managed import fails where the unmanaged solution FinOpsLink is installed (delete it first), and the other way round";

/**
 * One environment: read the installed version, refuse what Dataverse would refuse (or silently downgrade), then
 * ImportSolutionAsync, poll its async operation until it ends, read the import job's error when it failed, and
 * publish after an unmanaged import. Never throws: every problem is the report's outcome and message.
 */
export async function importSolution(
  target: Target,
  zip: SolutionZip,
  settings: ImportSettings,
): Promise<ImportReport> {
  const elapsed = stopwatch();
  const base: Omit<ImportReport, "outcome" | "message" | "elapsedMs"> = {
    ...target,
    installed: null,
    zip: { version: zip.version, managed: zip.managed },
    published: false,
  };
  const finish = (outcome: ImportOutcome, message: string, extra: Partial<ImportReport> = {}): ImportReport => {
    const report = { ...base, ...extra, outcome, message, elapsedMs: elapsed() };
    settings.say(`${target.name}: ${message}`);
    return report;
  };
  const kind = (managed: boolean) => (managed ? "managed" : "unmanaged");
  try {
    const token = await settings.tokens.token(resourceOf(target.url));
    const installed = await readInstalledSolution(target.url, settings.http, token);
    if (installed.installed && installed.version !== null && installed.managed !== null)
      base.installed = { version: installed.version, managed: installed.managed };
    const current = base.installed;
    if (current !== null) {
      if (current.managed !== zip.managed)
        return finish(
          "refused",
          `refused: ${SOLUTION_NAME} ${current.version} is installed ${kind(current.managed)} and the zip is ${kind(zip.managed)}; ${ONE_WAY_ONLY}`,
        );
      const order = compareVersions(zip.version, current.version);
      if (order === 0) return finish("skipped", `skipped: ${SOLUTION_NAME} ${current.version} is already installed`);
      if (order < 0)
        return finish(
          "refused",
          `refused: the installed ${current.version} is newer than the zip's ${zip.version}; import a higher version`,
        );
    }
    settings.say(
      `${target.name}: importing ${SOLUTION_NAME} ${zip.version} (${kind(zip.managed)})${current === null ? "" : ` over ${current.version}`}…`,
    );
    const importJobId = randomUUID();
    const answer = await settings.http.send(`${target.url}/api/data/v9.2/ImportSolutionAsync`, {
      method: "POST",
      token,
      body: {
        OverwriteUnmanagedCustomizations: false,
        PublishWorkflows: true,
        CustomizationFile: zip.base64,
        ImportJobId: importJobId,
      },
    });
    if (!answer.ok) return finish("failed", `import refused: ${httpWords(answer.status, answer.text)}`);
    const started = JSON.parse(answer.text) as { AsyncOperationId?: unknown; ImportJobKey?: unknown };
    if (typeof started.AsyncOperationId !== "string")
      return finish("failed", "import failed: ImportSolutionAsync returned no AsyncOperationId");
    const jobId = typeof started.ImportJobKey === "string" ? started.ImportJobKey : importJobId;

    const ended = await waitForOperation(target, started.AsyncOperationId, token, settings);
    if (ended !== "succeeded") {
      const jobError = await importJobError(target.url, jobId, token, settings.http);
      return finish("failed", `import failed: ${jobError ?? ended}`);
    }
    let published = false;
    if (!zip.managed) {
      settings.say(`${target.name}: publishing all customizations…`);
      const publish = await settings.http.send(`${target.url}/api/data/v9.2/PublishAllXml`, {
        method: "POST",
        token,
        body: {},
        timeoutMs: settings.publishTimeoutMs,
      });
      if (!publish.ok)
        return finish("failed", `imported, but publishing failed: ${httpWords(publish.status, publish.text)}`);
      published = true;
    }
    return finish(
      "imported",
      `imported ${SOLUTION_NAME} ${zip.version} (${kind(zip.managed)})${published ? " and published" : ""}`,
      { published },
    );
  } catch (error) {
    return finish("failed", `failed: ${oneLine(error)}`);
  }
}

/** Polls asyncoperations(id) until statecode 3 (Completed): statuscode 30 succeeded, anything else is its message. */
async function waitForOperation(
  target: Target,
  id: string,
  token: string,
  settings: ImportSettings,
): Promise<"succeeded" | string> {
  const deadline = Date.now() + settings.maxWaitMs;
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    const answer = await settings.http.send(
      `${target.url}/api/data/v9.2/asyncoperations(${id})?$select=statecode,statuscode,message,friendlymessage`,
      { token },
    );
    if (!answer.ok) return `reading the import's progress: ${httpWords(answer.status, answer.text)}`;
    const row = JSON.parse(answer.text) as {
      statecode?: unknown;
      statuscode?: unknown;
      message?: unknown;
      friendlymessage?: unknown;
    };
    if (row.statecode === 3) {
      if (row.statuscode === 30) return "succeeded";
      const words = [row.friendlymessage, row.message].find((m): m is string => typeof m === "string" && m !== "");
      return (
        words ??
        (row.statuscode === 32 ? "the import was canceled" : `the import ended with status ${String(row.statuscode)}`)
      );
    }
    if (Date.now() >= deadline)
      return `the import did not end within ${Math.round(settings.maxWaitMs / 1000)} s (it may still finish in Dataverse)`;
    await sleep(settings.pollMs);
  }
}

/** The import job's own error text (`<result result="failure" errortext="…">` in its data XML), when there is one. */
async function importJobError(
  envUrl: string,
  jobId: string,
  token: string,
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
