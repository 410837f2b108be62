import { normaliseGuid } from "../../core/guid";
import type { Bearer, HttpClient } from "../http";
import { SOLUTION_NAME } from "../check/solutionRow";
import { importJobError } from "./importJob";
import { TOKEN_LAPSED } from "./lifeCycle";

/** An import job older than this without an end is taken as abandoned, not as in progress. */
const IN_PROGRESS_WITHIN_MS = 6 * 60 * 60_000;

/**
 * The id of a FinOpsLink import job that started within the last hours and has not completed (`importjobs`, filtered
 * on `solutionname` and `completedon eq null`), or undefined when there is none, or when the table cannot be read
 * (no privilege to read import jobs: the import itself then says what Dataverse thinks).
 */
export async function findImportInProgress(
  envUrl: string,
  http: HttpClient,
  token: Bearer,
  now: number = Date.now(),
): Promise<string | undefined> {
  const since = new Date(now - IN_PROGRESS_WITHIN_MS).toISOString().replace(/\.\d{3}Z$/, "Z");
  const query = new URLSearchParams({
    $select: "importjobid,startedon,progress",
    $filter: `solutionname eq '${SOLUTION_NAME}' and completedon eq null and startedon ge ${since}`,
    $orderby: "startedon desc",
    $top: "1",
  });
  const answer = await http.send(`${envUrl}/api/data/v9.2/importjobs?${query.toString().replace(/\+/g, "%20")}`, {
    token,
  });
  if (!answer.ok) return undefined;
  try {
    const rows = (JSON.parse(answer.text) as { value?: Array<{ importjobid?: unknown }> }).value ?? [];
    const id = rows[0]?.importjobid;
    return normaliseGuid(id);
  } catch {
    return undefined;
  }
}

/**
 * Polls importjobs(id) until `completedon` is set, then reads its result: "succeeded", or the job's error text.
 * Bounded by the same total wait (`--wait`) as an import of our own.
 */
export async function followImportJob(
  envUrl: string,
  jobId: string,
  token: Bearer,
  settings: { http: HttpClient; pollMs: number; maxWaitMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<"succeeded" | string> {
  const deadline = Date.now() + settings.maxWaitMs;
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    const answer = await settings.http.send(
      `${envUrl}/api/data/v9.2/importjobs(${jobId})?$select=completedon,progress`,
      { token },
    );
    if (answer.status === 401) return TOKEN_LAPSED; // a token that could not be renewed; the import goes on
    if (!answer.ok) return `reading the import in progress: HTTP ${answer.status}`;
    let completed: unknown;
    try {
      completed = (JSON.parse(answer.text) as { completedon?: unknown }).completedon;
    } catch {
      return "reading the import in progress: the answer is not JSON";
    }
    if (typeof completed === "string" && completed !== "") {
      const error = await importJobError(envUrl, jobId, token, settings.http);
      return error ?? "succeeded";
    }
    if (Date.now() >= deadline)
      return `the import in progress did not end within ${Math.round(settings.maxWaitMs / 1000)} s (it may still finish in Dataverse)`;
    await sleep(settings.pollMs);
  }
}
