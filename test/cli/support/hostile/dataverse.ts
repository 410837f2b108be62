/** One Dataverse environment's Web API for the hostile tests: the link function, the solution row, imports, publishing. */
import { randomUUID } from "node:crypto";
import { linkedBody, TENANT } from "../../../fixtures/dataverse";
import { json } from "./replies";
import type { Route } from "./server";
import { refuseUnlessValid, type TokenBook } from "./tokens";

/** An F&O environment as Dataverse's link function names it (Url, TenantId, Id). */
export interface FinOpsLink {
  Url: string;
  TenantId: string;
  Id: string;
}

/**
 * The F&O environment `name` is linked to, its own (the link audit reports two Dataverse environments that answer
 * with one F&O environment as `sharedFinOpsEnvironment`, an error): give the same value to `dataverse` and to the
 * `adminList` entry, so that the admin center's view agrees with Dataverse's answer.
 */
export function finOpsLinkOf(name: string): FinOpsLink {
  const hex = Buffer.from(name).toString("hex").padEnd(12, "0").slice(0, 12);
  return {
    Url: `https://${name.toLowerCase().replace(/[^a-z0-9-]/g, "-")}.operations.dynamics.com`,
    TenantId: TENANT,
    Id: `f0f0f0f0-0000-4000-8000-${hex}`,
  };
}

export interface DataverseState {
  book: TokenBook;
  /** The F&O environment the link function answers with (default: the test fixtures' one, linkedBody()). */
  finOps?: FinOpsLink;
  solution: { version: string; managed: boolean } | null;
  /** Every Web API message the command line sent (ImportSolutionAsync, StageAndUpgradeAsync, PublishAllXml, …). */
  messages: string[];
  /** Polls of an async operation before it ends. */
  pollsBeforeDone?: number;
  /** A FinOpsLink import job already running when the test starts: its id, and polls before it completes. */
  running?: { importJobId: string; pollsLeft: number; version: string; managed: boolean };
  /** PublishAllXml answers this status (204 by default). */
  publishStatus?: number;
  /**
   * A staged upgrade never applied: the holding solution FinOpsLink_Upgrade (its version). While it is there every
   * ImportSolutionAsync/StageAndUpgradeAsync fails as Dataverse's does ("Holding solution FinOpsLink_Upgrade already
   * exists."); DeleteAndPromoteAsync applies it.
   */
  holding?: { version: string };
  /** The next this many PublishAllXml answers are Dataverse's busy 400 (0x80071151; Infinity: always). */
  publishBusy?: number;
  /** The next this many import messages are refused busy ("Cannot start another [Import]…"). */
  importBusy?: number;
  /** The next this many DeleteAndPromoteAsync messages are refused busy. */
  promoteBusy?: number;
  /** The data XML a successful import job carries (default: one success result). */
  jobData?: string;
}

/** Dataverse's 400 for an operation that waits for another customization (the words of issue 23's report). */
const busyError = (operation: string, running: string) => ({
  error: {
    code: "0x80071151",
    message: `Cannot start the requested operation [${operation}] because there is another [${running}] running at this moment.`,
  },
});

interface Operation {
  id: string;
  jobId: string;
  pollsLeft: number;
  version: string;
  managed: boolean;
  /** The failure it ends with (the import job's data carries it too). */
  error?: string;
}

/** Reads <Version> and <Managed> from the CustomizationFile's solution.xml (the zip is our own build's). */
async function manifestOf(base64: string): Promise<{ version: string; managed: boolean }> {
  const { unzipSync, strFromU8 } = await import("fflate");
  const files = unzipSync(Buffer.from(base64, "base64"), { filter: (f) => f.name === "solution.xml" });
  const xml = strFromU8(files["solution.xml"] ?? new Uint8Array());
  return {
    version: /<Version>([^<]+)<\/Version>/.exec(xml)?.[1] ?? "?",
    managed: /<Managed>1<\/Managed>/.test(xml),
  };
}

/**
 * One Dataverse environment's Web API: the link, FinOpsLink's solution row, imports (ImportSolutionAsync and
 * StageAndUpgradeAsync, polled through asyncoperations, importjobs by id and by filter), PublishAllXml. Tokens must
 * be valid in the book (an expired one gets Dataverse's 401).
 */
export function dataverse(state: DataverseState): Route {
  const operations = new Map<string, Operation>();
  return async (exchange, response) => {
    const match = /^\/api\/data\/v9\.2\/(.*)$/.exec(exchange.path);
    if (match === null) return false;
    if (refuseUnlessValid(state.book, exchange, response)) return true;
    const path = match[1] ?? "";
    if (path === "RetrieveFinanceAndOperationsIntegrationDetails()" && exchange.method === "GET")
      return json(response, 200, linkedBody(state.finOps === undefined ? {} : { ...state.finOps }));
    if (path === "solutions" && exchange.method === "GET") {
      const filter = exchange.query.get("$filter") ?? "";
      const row =
        state.solution === null
          ? []
          : [{ uniquename: "FinOpsLink", version: state.solution.version, ismanaged: state.solution.managed }];
      const holding =
        state.holding !== undefined && /uniquename eq 'FinOpsLink_Upgrade'/.test(filter)
          ? [{ uniquename: "FinOpsLink_Upgrade", version: state.holding.version, ismanaged: true }]
          : [];
      return json(response, 200, { value: [...row, ...holding] });
    }
    if (path === "DeleteAndPromoteAsync" && exchange.method === "POST") {
      state.messages.push(path);
      if ((state.promoteBusy ?? 0) > 0) {
        state.promoteBusy = (state.promoteBusy ?? 0) - 1;
        return json(response, 400, busyError("DeleteAndPromote", "Import"));
      }
      const holding = state.holding;
      if (holding === undefined)
        return json(response, 400, { error: { code: "0x8004701c", message: "No holding solution to promote." } });
      const operation: Operation = {
        id: randomUUID(),
        jobId: randomUUID(),
        pollsLeft: state.pollsBeforeDone ?? 1,
        version: holding.version,
        managed: true,
      };
      operations.set(operation.id, operation);
      return json(response, 200, { AsyncOperationId: operation.id });
    }
    if ((path === "ImportSolutionAsync" || path === "StageAndUpgradeAsync") && exchange.method === "POST") {
      state.messages.push(path);
      if ((state.importBusy ?? 0) > 0) {
        state.importBusy = (state.importBusy ?? 0) - 1;
        return json(response, 400, {
          error: {
            code: "0x80071151",
            message: "Cannot start another [Import] because there is a previous [Import] running at this moment.",
          },
        });
      }
      const input = JSON.parse(exchange.body) as { CustomizationFile?: string; ImportJobId?: string };
      const manifest = await manifestOf(input.CustomizationFile ?? "");
      const operation: Operation = {
        id: randomUUID(),
        jobId: input.ImportJobId ?? randomUUID(),
        pollsLeft: state.pollsBeforeDone ?? 1,
        ...manifest,
        ...(state.holding === undefined
          ? {}
          : { error: "Solution manifest import: FAILURE: Holding solution FinOpsLink_Upgrade already exists." }),
      };
      operations.set(operation.id, operation);
      return json(response, 200, { AsyncOperationId: operation.id, ImportJobKey: operation.jobId });
    }
    const operationMatch = /^asyncoperations\(([0-9a-f-]{36})\)$/.exec(path);
    if (operationMatch !== null) {
      const operation = operations.get(operationMatch[1] ?? "");
      if (operation === undefined) return json(response, 404, { error: { code: "0x80040217", message: "no such" } });
      if (operation.pollsLeft > 0) {
        operation.pollsLeft--;
        return json(response, 200, { statecode: 2, statuscode: 20 });
      }
      if (operation.error !== undefined)
        return json(response, 200, { statecode: 3, statuscode: 31, message: operation.error });
      state.solution = { version: operation.version, managed: operation.managed };
      if (state.holding?.version === operation.version) delete state.holding; // DeleteAndPromote applied it
      return json(response, 200, { statecode: 3, statuscode: 30 });
    }
    if (path === "importjobs" && exchange.method === "GET") {
      const filter = exchange.query.get("$filter") ?? "";
      const running =
        state.running !== undefined &&
        state.running.pollsLeft > 0 &&
        /solutionname eq 'FinOpsLink'/.test(filter) &&
        /completedon eq null/.test(filter);
      return json(response, 200, { value: running ? [{ importjobid: state.running?.importJobId, progress: 40 }] : [] });
    }
    const jobMatch = /^importjobs\(([0-9a-f-]{36})\)$/.exec(path);
    if (jobMatch !== null) {
      const running = state.running;
      if (running !== undefined && running.importJobId === jobMatch[1]) {
        const select = exchange.query.get("$select") ?? "";
        if (/completedon/.test(select) && running.pollsLeft > 0) running.pollsLeft--;
        const done = running.pollsLeft === 0;
        if (done) state.solution = { version: running.version, managed: running.managed };
        return json(response, 200, {
          importjobid: running.importJobId,
          completedon: done ? new Date().toISOString() : null,
          progress: done ? 100 : 60,
          data: done ? '<importexportxml><result result="success" errorcode="0" errortext="" /></importexportxml>' : "",
        });
      }
      const operation = [...operations.values()].find((o) => o.jobId === jobMatch[1]);
      const data =
        operation?.error !== undefined
          ? `<importexportxml><solutionManifests><solutionManifest><result result="failure" errorcode="0x80048033" errortext="${operation.error}" /></solutionManifest></solutionManifests></importexportxml>`
          : operation !== undefined
            ? (state.jobData ??
              '<importexportxml><result result="success" errorcode="0" errortext="" /></importexportxml>')
            : "";
      return json(response, 200, { importjobid: jobMatch[1], completedon: new Date().toISOString(), data });
    }
    if (path === "PublishAllXml" && exchange.method === "POST") {
      state.messages.push(path);
      if ((state.publishBusy ?? 0) > 0) {
        state.publishBusy = (state.publishBusy ?? 0) - 1;
        return json(response, 400, busyError("PublishAll", "EntityCustomization"));
      }
      const status = state.publishStatus ?? 204;
      if (status === 204) {
        response.writeHead(204);
        response.end();
        return true;
      }
      return json(response, status, { error: { code: "0x80040216", message: "Publishing failed." } });
    }
    return false;
  };
}
