import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  EmulatedTenant,
  type EnvironmentSpec,
  type EnvironmentState,
  type ImportRecord,
} from "../emulator/environments";
import { respond } from "../emulator/scenarios";

/**
 * The emulated tenant behind the admin command line's tests and `npm run emulator:cli`: several Dataverse
 * environments, each on its own port of 127.0.0.1 (its own origin, as real environments have: core keys its cache
 * and single flight by origin), and on one more port the Power Platform admin API under `/bap` and a Microsoft Entra
 * token endpoint under `/auth/<tenant>` (client credentials and device code). Loopback only; separate from the form
 * demo's server.
 */
export interface CliEmulatorOptions {
  environments: ReadonlyArray<EnvironmentSpec>;
  /** 0 picks a free port. */
  port?: number;
  /** Bearer tokens Dataverse and the admin API accept, besides the ones the token endpoint issues. */
  tokens?: ReadonlyArray<string>;
  /** Tokens Dataverse accepts but the admin API refuses with 403 (a user without admin rights). */
  nonAdminTokens?: ReadonlyArray<string>;
  /** The client secret the token endpoint accepts. */
  clientSecret?: string;
  /** Environments per admin API page (nextLink paging). */
  pageSize?: number;
}

export interface CliEmulatorStats {
  /** Most TCP connections open at once, and open now. */
  peakSockets: number;
  openSockets: number;
  /** TCP connections accepted in all. */
  connections: number;
  /** Most Dataverse requests in flight at once (received, not yet answered or abandoned). */
  peakInFlight: number;
  /** Every HTTP request, and those answered 429/503 for service protection. */
  requests: number;
  throttled: number;
  adminPages: number;
  tokensIssued: number;
  environments: Array<{
    name: string;
    requests: number;
    throttled: number;
    published: number;
    solution: { version: string; managed: boolean } | null;
    imports: Array<{ version: string; managed: boolean; overwriteUnmanagedCustomizations: boolean }>;
  }>;
}

export interface CliEmulator {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** The Dataverse URL of an environment (its own port). */
  envUrl(name: string): string;
  adminApi: string;
  /** The authority host to hand MSAL (`--authority`). */
  authority: string;
  tenant: EmulatedTenant;
  /** Every token the token endpoint issued: tests check that none shows up in the program's output. */
  issuedTokens(): string[];
  stats(): CliEmulatorStats;
  close(): Promise<void>;
}

export const EMULATOR_TOKEN = "emulator-token";
export const NON_ADMIN_TOKEN = "user-token";
export const EXPIRED_TOKEN = "expired-token";
export const EMULATOR_CLIENT_SECRET = "emulator-secret";

const JSON_TYPE = "application/json; odata.metadata=minimal";
const API_PATH = /^\/api\/data\/(v9\.[012])\/(.*)$/;
const ADMIN_PATH = "/bap/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments";
const AUTH_PATH = /^\/auth\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

export async function startCliEmulator(options: CliEmulatorOptions): Promise<CliEmulator> {
  const tenant = new EmulatedTenant(options.environments);
  const tokens = new Set([EMULATOR_TOKEN, NON_ADMIN_TOKEN, ...(options.tokens ?? [])]);
  const nonAdmin = new Set([NON_ADMIN_TOKEN, ...(options.nonAdminTokens ?? [])]);
  const clientSecret = options.clientSecret ?? EMULATOR_CLIENT_SECRET;
  const pageSize = options.pageSize ?? 3;
  const counters = {
    open: 0,
    peak: 0,
    connections: 0,
    inFlight: 0,
    peakInFlight: 0,
    requests: 0,
    throttled: 0,
    adminPages: 0,
    tokensIssued: 0,
  };
  let origin = "";
  const envOrigins = new Map<string, string>();
  const issued: string[] = [];

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    response.writeHead(status, { "Content-Type": JSON_TYPE, "OData-Version": "4.0", ...headers });
    response.end(text);
  };
  const odataError = (response: ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { error: { code, message } });

  function bearer(request: IncomingMessage): string | undefined {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? "");
    return match?.[1];
  }

  /** 401 like Dataverse and the admin API: a WWW-Authenticate challenge, and an expired token says so. */
  function refuseToken(response: ServerResponse, token: string | undefined): boolean {
    if (token !== undefined && tokens.has(token)) return false;
    const description = token === EXPIRED_TOKEN ? ', error_description="The access token has expired."' : "";
    response.writeHead(401, {
      "WWW-Authenticate": `Bearer error="invalid_token"${description}, authorization_uri="${origin}/auth/common/oauth2/authorize"`,
      "Content-Length": "0",
    });
    response.end();
    return true;
  }

  async function body(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  async function auth(request: IncomingMessage, response: ServerResponse, kind: string): Promise<void> {
    const form = new URLSearchParams(await body(request));
    if (kind === "devicecode") {
      return send(response, 200, {
        device_code: `device-${randomBytes(8).toString("hex")}`,
        user_code: "EMU-1234",
        verification_uri: `${origin}/auth/devicelogin`,
        expires_in: 900,
        interval: 1,
        message: `To sign in, open ${origin}/auth/devicelogin and enter the code EMU-1234 to authenticate.`,
      });
    }
    const grant = form.get("grant_type");
    if (grant === "client_credentials" && form.get("client_secret") !== clientSecret) {
      return send(response, 401, {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
      });
    }
    const deviceGrant = grant === "device_code" || grant === "urn:ietf:params:oauth:grant-type:device_code";
    if (grant !== "client_credentials" && grant !== "refresh_token" && !deviceGrant) {
      return send(response, 400, { error: "unsupported_grant_type", error_description: `AADSTS70003: ${grant}` });
    }
    const token = `emu.${randomBytes(16).toString("hex")}`;
    tokens.add(token);
    issued.push(token);
    counters.tokensIssued++;
    const clientId = form.get("client_id") ?? "";
    const answer: Record<string, unknown> = {
      token_type: "Bearer",
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: token,
      scope: form.get("scope") ?? "",
    };
    if (grant !== "client_credentials") {
      // A device-code sign-in is a user: an (unsigned) id token and client_info give MSAL its cached account.
      const oid = "11111111-2222-4333-8444-555555555555";
      const tid = "99999999-8888-4777-8666-555555555555";
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        aud: clientId,
        iss: `${origin}/auth/${tid}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        oid,
        sub: oid,
        tid,
        preferred_username: "admin@contoso.example",
        name: "Emulated Admin",
        ver: "2.0",
      };
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
      answer.id_token = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
      answer.client_info = b64({ uid: oid, utid: tid });
      answer.refresh_token = `refresh-${randomBytes(8).toString("hex")}`;
    }
    send(response, 200, answer);
  }

  function admin(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (refuseToken(response, bearer(request))) return;
    if (nonAdmin.has(bearer(request) ?? "")) {
      return send(response, 403, {
        error: {
          code: "Forbidden",
          message: "The caller does not have permission to perform the action 'list environments' at the admin scope.",
        },
      });
    }
    if (url.searchParams.get("api-version") !== "2020-10-01") {
      return send(response, 400, {
        error: { code: "MissingApiVersionParameter", message: "The api-version query parameter is required." },
      });
    }
    counters.adminPages++;
    const skip = Number(url.searchParams.get("$skiptoken") ?? "0");
    const all = tenant.all();
    const page = all.slice(skip, skip + pageSize).map(({ spec }) => ({
      id: `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/${spec.name}`,
      name: spec.name,
      type: "Microsoft.BusinessAppPlatform/scopes/environments",
      location: "unitedstates",
      properties: {
        displayName: spec.name,
        environmentSku: spec.withoutDataverse === true ? "Teams" : "Production",
        ...(spec.withoutDataverse === true
          ? {}
          : { linkedEnvironmentMetadata: { instanceUrl: `${envOrigins.get(spec.name)}/`, version: "9.2.25111.180" } }),
      },
    }));
    const next =
      skip + pageSize < all.length
        ? `${origin}${ADMIN_PATH}?api-version=2020-10-01&$skiptoken=${skip + pageSize}`
        : undefined;
    send(response, 200, next === undefined ? { value: page } : { value: page, nextLink: next });
  }

  async function dataverse(
    request: IncomingMessage,
    response: ServerResponse,
    state: EnvironmentState,
    apiVersion: string,
    rest: string,
  ): Promise<void> {
    state.requests++;
    if (state.spec.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, state.spec.delayMs));
    if (refuseToken(response, bearer(request))) return;
    if (state.throttlesLeft > 0 && state.spec.throttle !== undefined) {
      state.throttlesLeft--;
      state.throttled++;
      counters.throttled++;
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
    const envOrigin = envOrigins.get(state.spec.name) ?? origin;
    const base = `${envOrigin}/api/data/${apiVersion}`;
    const [path, query = ""] = rest.split("?", 2);
    const params = new URLSearchParams(query);
    const method = request.method ?? "GET";

    if (method === "GET" && /^RetrieveFinanceAndOperationsIntegrationDetails(\(\))?$/.test(path)) {
      const answer = respond(state.spec.link, { origin: envOrigin, apiVersion });
      if (answer.drop) {
        request.socket.destroy();
        return;
      }
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
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
    if (method === "POST" && path === "ImportSolutionAsync") {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(await body(request)) as Record<string, unknown>;
      } catch {
        return odataError(response, 400, "0x80048d19", "Error identified in Payload provided by the user.");
      }
      if (typeof input.CustomizationFile !== "string")
        return odataError(response, 400, "0x80048d19", "CustomizationFile is required.");
      const started = tenant.startImport(
        state,
        input.CustomizationFile,
        input.OverwriteUnmanagedCustomizations === true,
      );
      if ("invalidFile" in started) return odataError(response, 400, "0x80048033", started.invalidFile);
      return send(response, 200, {
        "@odata.context": `${base}/$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse`,
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

  const fail = (response: ServerResponse) => (error: unknown) => {
    if (!response.headersSent) send(response, 500, { error: { code: "0x80040216", message: String(error) } });
  };
  const servers: Server[] = [];
  const countSockets = (server: Server) =>
    server.on("connection", (socket) => {
      counters.open++;
      counters.connections++;
      counters.peak = Math.max(counters.peak, counters.open);
      socket.on("close", () => counters.open--);
    });

  /** The tenant's own port: sign-in, admin API, statistics. */
  const main = createServer((request, response) => {
    counters.requests++;
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const handle = async () => {
      const authMatch = AUTH_PATH.exec(path);
      if (authMatch && request.method === "POST") return auth(request, response, authMatch[2] ?? "token");
      if (path === ADMIN_PATH && request.method === "GET") return admin(request, response, url);
      if (path === "/__emulator/stats") return send(response, 200, stats());
      send(response, 404, { error: { code: "NotFound", message: `No such path: ${path}` } });
    };
    handle().catch(fail(response));
  });
  servers.push(countSockets(main));

  /** One Dataverse environment per port. */
  const environmentServer = (state: EnvironmentState) =>
    createServer((request, response) => {
      counters.requests++;
      counters.inFlight++;
      counters.peakInFlight = Math.max(counters.peakInFlight, counters.inFlight);
      response.on("close", () => counters.inFlight--);
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const match = API_PATH.exec(url.pathname);
      if (!match) {
        response.writeHead(404, { "Content-Type": "text/html" });
        response.end("<html><body>Not found</body></html>");
        return;
      }
      dataverse(request, response, state, match[1] ?? "v9.2", `${match[2] ?? ""}${url.search}`).catch(fail(response));
    });

  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    });

  origin = `http://127.0.0.1:${await listen(main, options.port ?? 0)}`;
  for (const state of tenant.all()) {
    if (state.spec.withoutDataverse === true) continue;
    const server = countSockets(environmentServer(state));
    servers.push(server);
    envOrigins.set(state.spec.name, `http://127.0.0.1:${await listen(server, 0)}`);
  }

  function stats(): CliEmulatorStats {
    return {
      peakSockets: counters.peak,
      connections: counters.connections,
      peakInFlight: counters.peakInFlight,
      openSockets: counters.open,
      requests: counters.requests,
      throttled: counters.throttled,
      adminPages: counters.adminPages,
      tokensIssued: counters.tokensIssued,
      environments: tenant.all().map((s) => ({
        name: s.spec.name,
        requests: s.requests,
        throttled: s.throttled,
        published: s.published,
        solution: s.solution,
        imports: s.imports.map(({ version, managed, overwriteUnmanagedCustomizations }) => ({
          version,
          managed,
          overwriteUnmanagedCustomizations,
        })),
      })),
    };
  }

  return {
    origin,
    envUrl: (name) => {
      const url = envOrigins.get(name);
      if (url === undefined) throw new Error(`no Dataverse environment ${name} in the emulated tenant`);
      return url;
    },
    adminApi: `${origin}/bap`,
    authority: `${origin}/auth`,
    tenant,
    issuedTokens: () => [...issued],
    stats,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

/** The asyncoperation row Dataverse returns: statecode 3 (Completed) with statuscode 30/31 once it ends. */
function asyncOperation(record: ImportRecord, phase: "inProgress" | "succeeded" | "failed"): Record<string, unknown> {
  const done = phase !== "inProgress";
  return {
    asyncoperationid: record.asyncOperationId,
    name: "ImportSolutionAsync",
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
