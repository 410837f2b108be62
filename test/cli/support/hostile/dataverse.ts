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
}

interface Operation {
  id: string;
  jobId: string;
  pollsLeft: number;
  version: string;
  managed: boolean;
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
      const row =
        state.solution === null
          ? []
          : [{ uniquename: "FinOpsLink", version: state.solution.version, ismanaged: state.solution.managed }];
      return json(response, 200, { value: row });
    }
    if ((path === "ImportSolutionAsync" || path === "StageAndUpgradeAsync") && exchange.method === "POST") {
      state.messages.push(path);
      const input = JSON.parse(exchange.body) as { CustomizationFile?: string; ImportJobId?: string };
      const manifest = await manifestOf(input.CustomizationFile ?? "");
      const operation: Operation = {
        id: randomUUID(),
        jobId: input.ImportJobId ?? randomUUID(),
        pollsLeft: state.pollsBeforeDone ?? 1,
        ...manifest,
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
      state.solution = { version: operation.version, managed: operation.managed };
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
      return json(response, 200, { importjobid: jobMatch[1], completedon: new Date().toISOString(), data: "" });
    }
    if (path === "PublishAllXml" && exchange.method === "POST") {
      state.messages.push(path);
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
