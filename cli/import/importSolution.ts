import { randomUUID } from "node:crypto";
import { bearerFor, type TokenSource } from "../auth/tokenSource";
import { readInstalledSolution, httpWords, HOLDING_NAME, SOLUTION_NAME } from "../check/solutionRow";
import { resourceOf } from "../check/checkEnvironment";
import { normaliseGuid } from "../../core/guid";
import { oneLine } from "../failures";
import type { Bearer, HttpClient } from "../http";
import { stopwatch } from "../stopwatch";
import type { Target } from "../targets";
import { normaliseVersion } from "../../core/inputs";
import type { HttpAnswer } from "../http";
import { saysBusy, untilNotBusy } from "./busy";
import { importJobError, importJobResult } from "./importJob";
import { holdingRefusal, importCommandFor, saysHoldingExists, TOKEN_LAPSED } from "./lifeCycle";
import { findImportInProgress, followImportJob } from "./inProgress";
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
  /**
   * What the import job's own result says besides success (warnings, components that failed), as
   * `warning: <component>: <text>`; empty when it said nothing else or could not be read.
   */
  notes: string[];
  /** The command (or step) that finishes what is left (a publish Dataverse was too busy for, a staged upgrade), or null. */
  nextStep: string | null;
  elapsedMs: number;
}

export interface ImportSettings {
  http: HttpClient;
  tokens: TokenSource;
  /** Managed over an older managed version: StageAndUpgradeAsync (true, the default) or a plain update. */
  stageAndUpgrade: boolean;
  /** Told what runs in Dataverse as soon as it is known: `async operation <id>` or `import job <id>` (Ctrl-C says it). */
  started?: (what: string) => void;
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
 * One environment: read the installed version, refuse what Dataverse would refuse (or silently downgrade), follow a
 * FinOpsLink import already in progress instead of starting a second, then start the import, poll its async
 * operation until it ends, read the import job's error when it failed, and publish after an unmanaged import.
 * Web API messages: ImportSolutionAsync (a new install, an unmanaged import, or a managed `--update`), or
 * StageAndUpgradeAsync (managed over an older managed version: the new version is staged as a holding solution and
 * the upgrade applied, so components removed from the solution are removed, as pac's `--stage-and-upgrade`);
 * asyncoperations(id) and importjobs(id) to follow it; PublishAllXml after an unmanaged import. An unmanaged version
 * that is already installed is published again: a rerun finishes an import whose publish failed or was interrupted.
 * Never throws: every problem is the report's outcome and message.
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
    notes: [],
    nextStep: null,
  };
  const again = importCommandFor(target.url, zip);
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** Sends `request` again while Dataverse says it is busy, within --wait; says the first busy answer. */
  const whenNotBusy = (what: string, request: () => Promise<HttpAnswer>) =>
    untilNotBusy(request, {
      deadline: Date.now() + settings.maxWaitMs,
      pollMs: settings.pollMs,
      sleep,
      onBusy: (answer) =>
        settings.say(
          `${target.name}: Dataverse is busy (${httpWords(answer.status, answer.text)}): asking for ${what} again every ${Math.round(settings.pollMs / 1000)} s, for up to ${Math.round(settings.maxWaitMs / 1000)} s (--wait)…`,
        ),
    });
  /** PublishAllXml, busy retried; "imported, not published" with the command that finishes it when it stays busy. */
  const publishOrSay = async (done: string, extra: Partial<ImportReport> = {}): Promise<ImportReport> => {
    const failed = await publish(target, token, settings, whenNotBusy);
    if (failed === undefined) return finish("imported", `${done} and published`, { ...extra, published: true });
    if (failed.busy)
      return finish(
        "imported",
        `${done}, not published: Dataverse stayed busy for ${Math.round(settings.maxWaitMs / 1000)} s (${failed.words}); publish with: ${again}`,
        { ...extra, published: false, nextStep: again },
      );
    return finish(
      "failed",
      `${done.replace(/^the import in progress ended: /, "")}, but publishing failed: ${failed.words}`,
      extra,
    );
  };
  const finish = (outcome: ImportOutcome, message: string, extra: Partial<ImportReport> = {}): ImportReport => {
    const report = { ...base, ...extra, outcome, message, elapsedMs: elapsed() };
    settings.say(`${target.name}: ${message}`);
    return report;
  };
  const kind = (managed: boolean) => (managed ? "managed" : "unmanaged");
  const token = bearerFor(settings.tokens, resourceOf(target.url));
  try {
    await token.token();
    const running = await findImportInProgress(target.url, settings.http, token);
    if (running !== undefined) {
      settings.started?.(`import job ${running}`);
      settings.say(
        `${target.name}: a ${SOLUTION_NAME} import is already in progress (import job ${running}, started earlier): following it…`,
      );
      const outcome = await followImportJob(target.url, running, token, settings);
      if (outcome === TOKEN_LAPSED)
        return finish(
          "failed",
          `${TOKEN_LAPSED}: run the same command again with a valid token to follow it: ${again}`,
          {
            nextStep: again,
          },
        );
      if (outcome !== "succeeded") return finish("failed", `import failed: ${outcome}`);
      const after = await readInstalledSolution(target.url, settings.http, token);
      if (after.managed === false)
        return publishOrSay(
          `the import in progress ended: ${SOLUTION_NAME} ${after.version ?? "?"} (unmanaged) imported`,
        );
      return finish("imported", `the import in progress ended: ${SOLUTION_NAME} ${after.version ?? "?"} imported`);
    }
    const installed = await readInstalledSolution(target.url, settings.http, token);
    if (installed.installed && installed.version !== null && installed.managed !== null)
      base.installed = { version: installed.version, managed: installed.managed };
    const current = base.installed;
    if (installed.holding !== null) {
      // A staged upgrade never applied: Dataverse refuses every import until it is applied or removed.
      const staged = normaliseVersion(installed.holding.version) ?? installed.holding.version;
      if (!zip.managed || staged !== zip.version)
        return finish("refused", holdingRefusal(target.url, staged, zip), { nextStep: again });
      return applyStagedUpgrade(target, zip, token, settings, whenNotBusy, finish, again);
    }
    if (current !== null) {
      if (current.managed !== zip.managed)
        return finish(
          "refused",
          `refused: ${SOLUTION_NAME} ${current.version} is installed ${kind(current.managed)} and the zip is ${kind(zip.managed)}; ${ONE_WAY_ONLY}`,
        );
      const order = compareVersions(zip.version, current.version);
      if (order === 0 && !zip.managed) {
        // An earlier run may have imported it and then failed or been stopped before PublishAllXml: finish that.
        settings.say(
          `${target.name}: ${SOLUTION_NAME} ${current.version} (unmanaged) is installed: publishing all customizations…`,
        );
        const failed = await publish(target, token, settings, whenNotBusy);
        if (failed?.busy === true)
          return finish(
            "skipped",
            `skipped: ${SOLUTION_NAME} ${current.version} is already installed, not published: Dataverse stayed busy for ${Math.round(settings.maxWaitMs / 1000)} s (${failed.words}); publish with: ${again}`,
            { nextStep: again },
          );
        if (failed !== undefined) return finish("failed", `already imported, but publishing failed: ${failed.words}`);
        return finish(
          "skipped",
          `skipped: ${SOLUTION_NAME} ${current.version} is already installed; published all customizations`,
          { published: true },
        );
      }
      if (order === 0) return finish("skipped", `skipped: ${SOLUTION_NAME} ${current.version} is already installed`);
      if (order < 0)
        return finish(
          "refused",
          `refused: the installed ${current.version} is newer than the zip's ${zip.version}; import a higher version`,
        );
    }
    const upgrade = zip.managed && current !== null && settings.stageAndUpgrade;
    const message = upgrade ? "StageAndUpgradeAsync" : "ImportSolutionAsync";
    settings.say(
      `${target.name}: ${upgrade ? "upgrading to" : "importing"} ${SOLUTION_NAME} ${zip.version} (${kind(zip.managed)})${current === null ? "" : ` over ${current.version}`}${upgrade ? " (stage and upgrade)" : current === null ? "" : " (update)"}…`,
    );
    const importJobId = randomUUID();
    // Another import (or publish) running: "Cannot start another [Import]…" is asked again, within --wait.
    const { answer, busy } = await whenNotBusy(message, () =>
      settings.http.send(`${target.url}/api/data/v9.2/${message}`, {
        method: "POST",
        token,
        body: {
          OverwriteUnmanagedCustomizations: false,
          PublishWorkflows: true,
          CustomizationFile: zip.base64,
          ImportJobId: importJobId,
        },
      }),
    );
    if (busy)
      return finish(
        "failed",
        `not imported: Dataverse stayed busy with another operation for ${Math.round(settings.maxWaitMs / 1000)} s (${httpWords(answer.status, answer.text)}); run again later: ${again}`,
        { nextStep: again },
      );
    if (!answer.ok) {
      if (saysHoldingExists(answer.text))
        return finish("refused", holdingRefusal(target.url, null, zip), { nextStep: again });
      return finish("failed", `import refused: ${httpWords(answer.status, answer.text)}`);
    }
    const started = JSON.parse(answer.text) as { AsyncOperationId?: unknown; ImportJobKey?: unknown };
    // Both ids go into a URL: only a GUID is taken (core/guid.ts), never the server's text as it is.
    const operationId = normaliseGuid(started.AsyncOperationId);
    if (operationId === undefined) return finish("failed", `import failed: ${message} returned no AsyncOperationId`);
    const jobId = normaliseGuid(started.ImportJobKey) ?? importJobId;
    settings.started?.(`async operation ${operationId}`);
    settings.say(`${target.name}: ${message} started (async operation ${operationId}); waiting for it…`);

    const ended = await waitForOperation(target, operationId, token, settings);
    if (ended === TOKEN_LAPSED)
      return finish("failed", `${TOKEN_LAPSED}: run the same command again with a valid token to follow it: ${again}`, {
        nextStep: again,
      });
    if (ended !== "succeeded") {
      const jobError = await importJobError(target.url, jobId, token, settings.http);
      const words = jobError ?? ended;
      // A staged upgrade that appeared after the solutions were read (another admin, another tool).
      if (saysHoldingExists(words))
        return finish("refused", holdingRefusal(target.url, null, zip), { nextStep: again });
      if (saysBusy(words))
        return finish("failed", `import failed: ${words}; Dataverse was busy: run again later: ${again}`, {
          nextStep: again,
        });
      return finish("failed", `import failed: ${words}`);
    }
    // What the job says besides success (warnings, components that failed) belongs in the report.
    const notes = (await importJobResult(target.url, jobId, token, settings.http))?.notes ?? [];
    const said = notes.length === 0 ? "" : `; Dataverse noted ${notes.length}: ${notes.join("; ")}`;
    const done = `${upgrade ? "upgraded to" : "imported"} ${SOLUTION_NAME} ${zip.version} (${kind(zip.managed)})`;
    if (!zip.managed) {
      settings.say(`${target.name}: publishing all customizations…`);
      const report = await publishOrSay(done, { notes });
      return notes.length === 0 || report.outcome === "failed"
        ? report
        : { ...report, message: `${report.message}${said}` };
    }
    return finish("imported", `${done}${said}`, { notes });
  } catch (error) {
    return finish("failed", `failed: ${oneLine(error)}`);
  }
}

type WhenNotBusy = (what: string, request: () => Promise<HttpAnswer>) => Promise<{ answer: HttpAnswer; busy: boolean }>;
type Finish = (outcome: ImportOutcome, message: string, extra?: Partial<ImportReport>) => ImportReport;

/**
 * PublishAllXml, asked again while Dataverse is busy with another customization (0x80071151, within --wait):
 * undefined when it succeeded, else the server's words and whether it was still busy.
 */
async function publish(
  target: { url: string },
  token: Bearer,
  settings: ImportSettings,
  whenNotBusy: WhenNotBusy,
): Promise<{ words: string; busy: boolean } | undefined> {
  const { answer, busy } = await whenNotBusy("PublishAllXml", () =>
    settings.http.send(`${target.url}/api/data/v9.2/PublishAllXml`, {
      method: "POST",
      token,
      body: {},
      timeoutMs: settings.publishTimeoutMs,
    }),
  );
  return answer.ok ? undefined : { words: httpWords(answer.status, answer.text), busy };
}

/**
 * Applies the staged upgrade whose version is the zip's (the holding solution FinOpsLink_Upgrade replaces
 * FinOpsLink, and components it no longer has are removed): DeleteAndPromoteAsync with the solution's unique name,
 * its async operation polled like an import's; busy retried within --wait. Microsoft Learn, Web API
 * "DeleteAndPromoteAsync Action" (UniqueName -> AsyncOperationId).
 */
async function applyStagedUpgrade(
  target: Target,
  zip: SolutionZip,
  token: Bearer,
  settings: ImportSettings,
  whenNotBusy: WhenNotBusy,
  finish: Finish,
  again: string,
): Promise<ImportReport> {
  settings.say(
    `${target.name}: ${HOLDING_NAME} ${zip.version} is staged (an upgrade never applied), the zip's version: applying it (DeleteAndPromoteAsync)…`,
  );
  const { answer, busy } = await whenNotBusy("DeleteAndPromoteAsync", () =>
    settings.http.send(`${target.url}/api/data/v9.2/DeleteAndPromoteAsync`, {
      method: "POST",
      token,
      body: { UniqueName: SOLUTION_NAME },
    }),
  );
  if (busy)
    return finish(
      "failed",
      `the staged upgrade to ${zip.version} was not applied: Dataverse stayed busy for ${Math.round(settings.maxWaitMs / 1000)} s (${httpWords(answer.status, answer.text)}); run again later: ${again}`,
      { nextStep: again },
    );
  if (!answer.ok)
    return finish("failed", `applying the staged upgrade was refused: ${httpWords(answer.status, answer.text)}`);
  const operationId = normaliseGuid((JSON.parse(answer.text) as { AsyncOperationId?: unknown }).AsyncOperationId);
  if (operationId === undefined)
    return finish("failed", "applying the staged upgrade failed: DeleteAndPromoteAsync returned no AsyncOperationId");
  settings.started?.(`async operation ${operationId}`);
  const ended = await waitForOperation(target, operationId, token, settings);
  if (ended !== "succeeded") return finish("failed", `applying the staged upgrade failed: ${ended}`);
  return finish(
    "imported",
    `upgraded to ${SOLUTION_NAME} ${zip.version} (managed): applied the staged upgrade ${HOLDING_NAME}`,
  );
}

/** Polls asyncoperations(id) until statecode 3 (Completed): statuscode 30 succeeded, anything else is its message. */
async function waitForOperation(
  target: Target,
  id: string,
  token: Bearer,
  settings: ImportSettings,
): Promise<"succeeded" | string> {
  const deadline = Date.now() + settings.maxWaitMs;
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    const answer = await settings.http.send(
      `${target.url}/api/data/v9.2/asyncoperations(${id})?$select=statecode,statuscode,message,friendlymessage`,
      { token },
    );
    // A token that cannot be renewed (--access-token) may expire during a long import; Dataverse goes on with it.
    if (answer.status === 401) return TOKEN_LAPSED;
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
