/**
 * A hostile (and failing) test server for the command line's network, sign-in and import faults, beside the emulated
 * tenant (demo/server/cliEmulator.ts): each test composes the routes it needs, on 127.0.0.1, over http or https
 * (with a certificate made for the test, so the proxy tests can use names only the proxy resolves). Every request is
 * recorded with its body, so a test can prove what reached which server, a secret in a form included.
 */
import { createPublicKey, createVerify, randomBytes, randomUUID, X509Certificate } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { linkedBody, TENANT } from "../../fixtures/dataverse";

export interface Exchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** Handles a request (true), or leaves it to the next route (false). */
export type Route = (
  exchange: Exchange,
  response: ServerResponse,
  request: IncomingMessage,
) => boolean | Promise<boolean>;

export interface Served {
  /** `http(s)://<host>:<port>` without a trailing slash. */
  origin: string;
  port: number;
  exchanges: Exchange[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** The host name the origin is written with (the proxy tests use names only the proxy resolves). */
  host?: string;
}

/** Starts a server on 127.0.0.1 that tries each route in turn; an unhandled request gets an OData-like 404. */
export async function serve(routes: Route[], options: ServeOptions = {}): Promise<Served> {
  const exchanges: Exchange[] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const exchange: Exchange = {
        method: request.method ?? "GET",
        url: request.url ?? "/",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      exchanges.push(exchange);
      void (async () => {
        for (const route of routes) if (await route(exchange, response, request)) return;
        json(response, 404, {
          error: { code: "0x8006088a", message: `Resource not found for the segment '${url.pathname}'.` },
        });
      })().catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, { error: { code: "0x80040216", message: String(error) } });
      });
    });
  };
  const server: Server =
    options.tls === undefined ? createHttpServer(handler) : createHttpsServer(options.tls, handler);
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
  const scheme = options.tls === undefined ? "http" : "https";
  return {
    origin: `${scheme}://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): true {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; odata.metadata=minimal",
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
  return true;
}

/** Bearer token of a request, if any. */
export function bearerOf(exchange: Exchange): string | undefined {
  return /^Bearer (.+)$/.exec(exchange.headers.authorization ?? "")?.[1];
}

/** The token endpoint's book: which tokens it issued, until when; what each sign-in sent. */
export class TokenBook {
  readonly issued = new Map<string, { expiresAt: number; resource: string }>();
  /** Accepted without being issued (a test's --access-token), never expiring. */
  readonly accepted = new Set<string>();

  /** `valid`, `expired` or `unknown`, by the server's own clock. */
  check(token: string | undefined): "valid" | "expired" | "unknown" {
    if (token === undefined) return "unknown";
    if (this.accepted.has(token)) return "valid";
    const entry = this.issued.get(token);
    if (entry === undefined) {
      const expiresAt = testJwtExpiry(token);
      if (expiresAt === undefined) return "unknown";
      return Date.now() < expiresAt ? "valid" : "expired";
    }
    return Date.now() < entry.expiresAt ? "valid" : "expired";
  }

  issue(resource: string, lifetimeSeconds: number): string {
    const token = `hostile.${randomBytes(12).toString("hex")}`;
    this.issued.set(token, { expiresAt: Date.now() + lifetimeSeconds * 1000, resource });
    return token;
  }

  /** Tokens issued for a resource, in order. */
  for(resource: string): string[] {
    return [...this.issued].filter(([, v]) => v.resource === resource).map(([k]) => k);
  }
}

/** An unsigned JWT of the tests' own issuer ("hostile-test"), as a --token-command prints it: valid until its `exp`. */
export function testJwt(lifetimeSeconds: number): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: "hostile-test", exp, jti: randomUUID() })}.`;
}

function testJwtExpiry(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      iss?: unknown;
      exp?: unknown;
    };
    return claims.iss === "hostile-test" && typeof claims.exp === "number" ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** 401 like Dataverse: a challenge, saying "expired" when the token was issued and has expired. */
export function refuseUnlessValid(book: TokenBook, exchange: Exchange, response: ServerResponse): boolean {
  const state = book.check(bearerOf(exchange));
  if (state === "valid") return false;
  const description =
    state === "expired"
      ? ', error_description="The access token has expired."'
      : ', error_description="Invalid token."';
  response.writeHead(401, {
    "WWW-Authenticate": `Bearer error="invalid_token"${description}`,
    "Content-Length": "0",
  });
  response.end();
  return true;
}

export interface EntraOptions {
  book: TokenBook;
  /** Lifetime of the tokens issued (expires_in), seconds. */
  lifetimeSeconds?: number;
  /** Checks a client-credentials form; returns an AADSTS line to refuse it. */
  verify?: (form: URLSearchParams) => string | undefined;
  /** Answers a token request itself (a hang, a redirect, …) when it returns true. */
  intercept?: (form: URLSearchParams, response: ServerResponse, exchange: Exchange) => boolean;
  /** The device-code answer's expires_in, seconds. */
  deviceCodeExpiresIn?: number;
  /** Device-code polls succeed at once: a signed-in user (id token, client info, refresh token). */
  deviceCodeUser?: boolean;
}

const AUTH_PATH = /^\/auth\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

/** Microsoft Entra's token and device-code endpoints under `/auth/<tenant>` (client credentials and device code). */
export function entra(options: EntraOptions): Route {
  return (exchange, response) => {
    const match = AUTH_PATH.exec(exchange.path);
    if (match === null || exchange.method !== "POST") return false;
    const form = new URLSearchParams(exchange.body);
    if (options.intercept?.(form, response, exchange) === true) return true;
    if (match[2] === "devicecode")
      return json(response, 200, {
        device_code: `device-${randomBytes(8).toString("hex")}`,
        user_code: "HOSTILE-1",
        verification_uri: "https://microsoft.com/devicelogin",
        expires_in: options.deviceCodeExpiresIn ?? 900,
        interval: 1,
        message: "To sign in, enter the code HOSTILE-1.",
      });
    const grant = form.get("grant_type");
    const user = grant === "refresh_token" || (options.deviceCodeUser === true && /device_code/.test(grant ?? ""));
    if (grant === "client_credentials") {
      const refused = options.verify?.(form);
      if (refused !== undefined) return json(response, 401, { error: "invalid_client", error_description: refused });
    } else if (!user) {
      return json(response, 400, { error: "authorization_pending", error_description: "AADSTS70016: pending" });
    }
    const scope = form.get("scope") ?? "";
    const resource =
      scope
        .split(" ")
        .find((s) => s.endsWith("/.default"))
        ?.replace(/\/\.default$/, "") ?? scope;
    const lifetime = options.lifetimeSeconds ?? 3600;
    const token = options.book.issue(resource, lifetime);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const oid = "11111111-2222-4333-8444-555555555555";
    const tid = "99999999-8888-4777-8666-555555555555";
    const now = Math.floor(Date.now() / 1000);
    return json(response, 200, {
      token_type: "Bearer",
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: token,
      scope,
      ...(user
        ? {
            // A user: an (unsigned) id token and client_info give MSAL its cached account.
            id_token: `${b64({ alg: "none", typ: "JWT" })}.${b64({
              aud: form.get("client_id") ?? "",
              iss: `https://login.microsoftonline.com/${tid}/v2.0`,
              iat: now,
              nbf: now,
              exp: now + lifetime,
              oid,
              sub: oid,
              tid,
              preferred_username: "admin@contoso.example",
              ver: "2.0",
            })}.`,
            client_info: b64({ uid: oid, utid: tid }),
            refresh_token: `refresh-${randomBytes(8).toString("hex")}`,
          }
        : {}),
    });
  };
}

/** A client assertion (RFC 7523) signed with the certificate's key: header names it by x5t#S256; signature checked. */
export function verifyCertificateAssertion(form: URLSearchParams, certificatePem: string): string | undefined {
  if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    return "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required";
  if (form.has("client_secret")) return "AADSTS700025: a secret was sent with a certificate";
  const parts = (form.get("client_assertion") ?? "").split(".");
  if (parts.length !== 3) return "AADSTS50027: JWT token is invalid or malformed.";
  const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  const certificate = new X509Certificate(certificatePem);
  const thumbprint = Buffer.from(certificate.fingerprint256.replace(/:/g, ""), "hex").toString("base64url");
  if (header["x5t#S256"] !== thumbprint) return "AADSTS700027: the certificate's thumbprint does not match";
  const algorithm = header.alg === "PS256" ? "RSA-SHA256" : header.alg === "RS256" ? "RSA-SHA256" : undefined;
  if (algorithm === undefined) return `AADSTS700027: unsupported alg ${String(header.alg)}`;
  const verifier = createVerify(algorithm);
  verifier.update(`${parts[0]}.${parts[1]}`);
  const key = createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" }));
  const ok = verifier.verify(
    header.alg === "PS256" ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 } : key,
    Buffer.from(parts[2] ?? "", "base64url"),
  );
  return ok ? undefined : "AADSTS700027: Client assertion contains an invalid signature.";
}

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

/**
 * The Power Platform admin API's environment list, `pageSize` per page; `fault(page, attempt)` may answer instead.
 * An entry with `finOps` carries the admin center's `linkedAppMetadata` (type Linked) for it; one without shows no
 * F&O link.
 */
export function adminList(
  environments: Array<{ name: string; instanceUrl: string | null; finOps?: FinOpsLink }>,
  options: {
    book: TokenBook;
    pageSize: number;
    fault?: (page: number, attempt: number, response: ServerResponse, request: IncomingMessage) => boolean;
  },
): Route {
  const attempts = new Map<number, number>();
  return (exchange, response, request) => {
    if (exchange.path !== "/bap/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments") return false;
    if (refuseUnlessValid(options.book, exchange, response)) return true;
    const skip = Number(exchange.query.get("$skiptoken") ?? "0");
    const page = skip / options.pageSize + 1;
    const attempt = (attempts.get(page) ?? 0) + 1;
    attempts.set(page, attempt);
    if (options.fault?.(page, attempt, response, request) === true) return true;
    const origin = `${"encrypted" in request.socket ? "https" : "http"}://${exchange.headers.host ?? "127.0.0.1"}`;
    const next =
      skip + options.pageSize < environments.length
        ? `${origin}${exchange.path}?api-version=2020-10-01&$skiptoken=${skip + options.pageSize}`
        : undefined;
    const value = environments.slice(skip, skip + options.pageSize).map((e) => ({
      name: e.name,
      properties: {
        displayName: e.name,
        ...(e.instanceUrl === null ? {} : { linkedEnvironmentMetadata: { instanceUrl: `${e.instanceUrl}/` } }),
        ...(e.finOps === undefined
          ? {}
          : { linkedAppMetadata: { type: "Linked", id: e.finOps.Id, url: `${e.finOps.Url}/` } }),
      },
    }));
    return json(response, 200, next === undefined ? { value } : { value, nextLink: next });
  };
}
