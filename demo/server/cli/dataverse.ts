import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatedTenant, EnvironmentState, ImportRecord } from "../../emulator/environments";
import { respond } from "../../emulator/scenarios";
import { finOpsOf, guidOf } from "../../emulator/tenants";
import { entityDefinitions, organizationRow, partSolutions } from "./readiness";
import { bearer, JSON_TYPE, odataError, readBody, refuseToken, send, type TokenBook } from "./replies";

export const API_PATH = /^\/api\/data\/(v9\.[012])\/(.*)$/;

/** The emulated user WhoAmI names, and the org's version RetrieveVersion gives. */
export const EMULATED_USER = {
  id: "2f6c8f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
  fullname: "Emulated Admin",
  domainname: "admin@contoso.example",
};
export const ORG_VERSION = "9.2.25111.180";

/**
 * One emulated Dataverse environment's Web API: the link function (with a service request id, as Dataverse sends),
 * the `solutions` row, WhoAmI, RetrieveVersion, `systemusers` and `systemforms` for `doctor`, and the solution
 * import messages. Service protection (429/503 with Retry-After), slowness and hangs come from the spec.
 */
export async function dataverse(
  request: IncomingMessage,
  response: ServerResponse,
  state: EnvironmentState,
  apiVersion: string,
  rest: string,
  context: { book: TokenBook; tenant: EmulatedTenant; envOrigin: string; counters: { throttled: number } },
): Promise<void> {
  state.requests++;
  if (state.spec.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, state.spec.delayMs));
  if (refuseToken(response, bearer(request), context.book)) return;
  const throttled =
    state.spec.throttle?.of !== "function" || /^RetrieveFinanceAndOperationsIntegrationDetails(\(\))?(\?|$)/.test(rest);
  if (state.throttlesLeft > 0 && state.spec.throttle !== undefined && throttled) {
    state.throttlesLeft--;
    state.throttled++;
    context.counters.throttled++;
    const { status, retryAfterSeconds } = state.spec.throttle;
    response.writeHead(status, { "Content-Type": JSON_TYPE, "Retry-After": String(retryAfterSeconds) });
    response.end(
      JSON.stringify({
        error: {
          code: status === 429 ? "0x80072322" : "0x80072326",
          message:
            status === 429
              ? "Number of requests exceeded the limit of 6000 over time window of 300 seconds."
              : "The server is busy. Try again later.",
        },
      }),
    );
    return;
  }
  if (state.spec.link === "hang") {
    return; // read and never answered: the socket closes when the client gives up or the emulator closes
  }
  const { tenant, envOrigin } = context;
  const base = `${envOrigin}/api/data/${apiVersion}`;
  const [path, query = ""] = rest.split("?", 2);
  const params = new URLSearchParams(query);
  const method = request.method ?? "GET";

  if (method === "GET" && /^RetrieveFinanceAndOperationsIntegrationDetails(\(\))?$/.test(path)) {
    const answer = respond(state.spec.link, {
      origin: envOrigin,
      apiVersion,
      fields: finOpsOf(state.spec),
      message: state.spec.errorMessage,
    });
    if (answer.drop) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { ...answer.headers, "x-ms-service-request-id": randomUUID() });
    response.end(answer.body);
    return;
  }
  if (method === "GET" && /^WhoAmI(\(\))?$/.test(path)) {
    return send(response, 200, {
      "@odata.context": `${base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: guidOf(`bu:${state.spec.name}`),
      UserId: EMULATED_USER.id,
      OrganizationId: guidOf(`org:${state.spec.name}`),
    });
  }
  if (method === "GET" && /^RetrieveVersion(\(\))?$/.test(path)) {
    return send(response, 200, {
      "@odata.context": `${base}/$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse`,
      Version: ORG_VERSION,
    });
  }
  if (method === "GET" && path === `systemusers(${EMULATED_USER.id})`) {
    return send(response, 200, {
      "@odata.context": `${base}/$metadata#systemusers(fullname,domainname)/$entity`,
      systemuserid: EMULATED_USER.id,
      fullname: EMULATED_USER.fullname,
      domainname: EMULATED_USER.domainname,
    });
  }
  if (method === "GET" && path === "systemforms") {
    // contains(formxml,'…') as Dataverse evaluates it (a LIKE on the form's XML), over each form's synthetic formxml.
    const wanted = [...(params.get("$filter") ?? "").matchAll(/contains\(formxml,'([^']*)'\)/g)].map((m) => m[1]);
    const rows = (state.spec.forms ?? [])
      .map((form) => ({ form, formxml: formXml(form.uses, form.recordTable) }))
      .filter(({ formxml }) => wanted.some((w) => formxml.includes(w)))
      .map(({ form, formxml }) => ({
        formid: guidOf(`form:${state.spec.name}:${form.name}`),
        name: form.name,
        objecttypecode: form.table,
        type: 2,
        ...(params.get("$select")?.includes("formxml") === true ? { formxml } : {}),
      }));
    return send(response, 200, { "@odata.context": `${base}/$metadata#systemforms`, value: rows });
  }
  if (method === "GET" && path === "EntityDefinitions") {
    const rows = entityDefinitions(state.spec, params.get("$filter") ?? "");
    return send(response, 200, { "@odata.context": `${base}/$metadata#EntityDefinitions(LogicalName)`, value: rows });
  }
  if (method === "GET" && path === "organizations") {
    const row = organizationRow(state.spec, guidOf(`org:${state.spec.name}`));
    return send(response, 200, { "@odata.context": `${base}/$metadata#organizations`, value: [row] });
  }
  if (method === "GET" && path === "solutions" && /Microsoft/.test(params.get("$filter") ?? "")) {
    const rows = partSolutions(state.spec, params.get("$filter") ?? "");
    return send(response, 200, { "@odata.context": `${base}/$metadata#solutions`, value: rows });
  }
  if (method === "GET" && path === "solutions") {
    const filter = params.get("$filter") ?? "";
    const wanted = /uniquename eq '([^']*)'/.exec(filter)?.[1];
    const rows =
      state.solution !== null && wanted === "FinOpsLink"
        ? [
            {
              "@odata.etag": 'W/"1"',
              solutionid: "6c1f3a52-0d4e-4b8a-9f1e-2a3b4c5d6e7f",
              uniquename: "FinOpsLink",
              friendlyname: "FinOps Link",
              version: state.solution.version,
              ismanaged: state.solution.managed,
            },
          ]
        : [];
    return send(response, 200, { "@odata.context": `${base}/$metadata#solutions`, value: rows });
  }
  // StageAndUpgradeAsync takes the same parameters and answers the same way; the emulator applies both alike.
  if (method === "POST" && (path === "ImportSolutionAsync" || path === "StageAndUpgradeAsync")) {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(await readBody(request)) as Record<string, unknown>;
    } catch {
      return odataError(response, 400, "0x80048d19", "Error identified in Payload provided by the user.");
    }
    if (typeof input.CustomizationFile !== "string")
      return odataError(response, 400, "0x80048d19", "CustomizationFile is required.");
    const started = tenant.startImport(
      state,
      input.CustomizationFile,
      input.OverwriteUnmanagedCustomizations === true,
      path,
    );
    if ("invalidFile" in started) return odataError(response, 400, "0x80048033", started.invalidFile);
    return send(response, 200, {
      "@odata.context": `${base}/$metadata#Microsoft.Dynamics.CRM.${path}Response`,
      AsyncOperationId: started.asyncOperationId,
      ImportJobKey: started.importJobId,
    });
  }
  const asyncMatch = /^asyncoperations\(([0-9a-f-]{36})\)$/.exec(path);
  if (method === "GET" && asyncMatch) {
    const found = tenant.findImport(asyncMatch[1]);
    if (!found)
      return odataError(response, 404, "0x80040217", `asyncoperation With Id = ${asyncMatch[1]} Does Not Exist`);
    const phase = tenant.poll(found.state, found.record);
    return send(response, 200, asyncOperation(found.record, phase));
  }
  const jobMatch = /^importjobs\(([0-9a-f-]{36})\)$/.exec(path);
  if (method === "GET" && jobMatch) {
    const found = tenant.findImport(jobMatch[1]);
    if (!found) return odataError(response, 404, "0x80040217", `importjob With Id = ${jobMatch[1]} Does Not Exist`);
    return send(response, 200, importJob(found.record));
  }
  if (method === "POST" && path === "PublishAllXml") {
    state.published++;
    response.writeHead(204);
    response.end();
    return;
  }
  odataError(response, 404, "0x8006088a", `Resource not found for the segment '${path}'.`);
}

/**
 * A form's XML as far as doctor looks: the form script's library and onLoad handler, the control's custom control,
 * and (with `recordTable`) the record link's settings in the control's parameters and the handler's options, as the
 * form designer writes them.
 */
function formXml(uses: ReadonlyArray<"control" | "script">, recordTable?: string): string {
  const library = uses.includes("script")
    ? '<formLibraries><Library name="fol_/finopslink/form.js" libraryUniqueId="{0}" /></formLibraries>'
    : "";
  const options = recordTable === undefined ? "" : JSON.stringify({ recordLink: "matchRow", recordTable });
  const handler = uses.includes("script")
    ? `<events><event name="onload" application="false" active="false"><Handlers><Handler functionName="FinOpsLink.Form.onLoad" libraryName="fol_/finopslink/form.js" handlerUniqueId="{1}" enabled="true" parameters="${escapeXml(options)}" passExecutionContext="true" /></Handlers></event></events>`
    : "";
  const parameters =
    recordTable === undefined
      ? ""
      : `<parameters><recordLink static="true" type="Enum">matchRow</recordLink><recordTable static="true" type="SingleLine.Text">${escapeXml(recordTable)}</recordTable></parameters>`;
  const control = uses.includes("control")
    ? `<controlDescriptions><controlDescription forControl="{2}"><customControl name="FinOpsLink.LinkedEnvironment" formFactor="0">${parameters}</customControl></controlDescription></controlDescriptions>`
    : "";
  return `<form>${library}${handler}<tabs><tab><columns><column><sections><section><rows><row><cell><control id="fol_link" /></cell></row></rows></section></sections></column></columns></tab></tabs>${control}</form>`;
}

/** The asyncoperation row Dataverse returns: statecode 3 (Completed) with statuscode 30/31 once it ends. */
function asyncOperation(record: ImportRecord, phase: "inProgress" | "succeeded" | "failed"): Record<string, unknown> {
  const done = phase !== "inProgress";
  return {
    asyncoperationid: record.asyncOperationId,
    name: record.message,
    statecode: done ? 3 : 2,
    statuscode: phase === "succeeded" ? 30 : phase === "failed" ? 31 : 20,
    message: phase === "failed" ? "Solution import failed. See the import job for details." : null,
    friendlymessage: phase === "failed" ? "Solution import failed." : null,
  };
}

/** The importjob row: progress and the `data` XML, whose <result> carries the error text when it failed. */
function importJob(record: ImportRecord): Record<string, unknown> {
  const done = record.pollsLeft === 0;
  const result =
    record.error === undefined
      ? '<result result="success" errorcode="0" errortext="" />'
      : `<result result="failure" errorcode="0x80048033" errortext="${escapeXml(record.error)}" />`;
  return {
    importjobid: record.importJobId,
    solutionname: "FinOpsLink",
    progress: done ? 100 : 50,
    completedon: done ? new Date().toISOString() : null,
    data: `<importexportxml succeeded="${record.error === undefined ? "success" : "failure"}"><solutionManifests><solutionManifest languagecode="1033" id="FinOpsLink" LocalizedName="FinOps Link" processed="true">${done ? result : ""}</solutionManifest></solutionManifests></importexportxml>`,
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
