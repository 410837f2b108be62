import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatedTenant, type EnvironmentSpec, type EnvironmentState } from "../../emulator/environments";
import { ADMIN_PATH, adminList } from "./adminList";
import { API_PATH, dataverse } from "./dataverse";
import { LICENSING_PATH, ROOMY_CAPACITY, tenantCapacity, type TenantCapacitySpec } from "./readiness";
import {
  bearer,
  EMULATOR_CLIENT_SECRET,
  EMULATOR_TOKEN,
  NON_ADMIN_TOKEN,
  refuseToken,
  send,
  type TokenBook,
} from "./replies";
import { HOME_TENANT } from "../../emulator/tenants";
import { AUTH_PATH, signIn } from "./signIn";

export { EMULATOR_CLIENT_SECRET, EMULATOR_TOKEN, EXPIRED_TOKEN, NON_ADMIN_TOKEN } from "./replies";
export { EMULATED_USER, ORG_VERSION } from "./dataverse";
export { OVER_CAPACITY, ROOMY_CAPACITY, TIGHT_CAPACITY, type TenantCapacitySpec } from "./readiness";

/**
 * The emulated tenant behind the admin command line's tests and `npm run emulator:cli`: several Dataverse
 * environments, each on its own port of 127.0.0.1 (its own origin, as real environments have: core keys its cache
 * and single flight by origin), and on one more port the Power Platform admin API under `/bap` (adminList.ts) and a
 * Microsoft Entra token endpoint under `/auth/<tenant>` (signIn.ts). Each environment's Web API is dataverse.ts; the
 * tenant's data is demo/emulator/tenants.ts. Loopback only; separate from the form demo's server.
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
  /** The licensing API's tenant capacity (default: a tenant with room), `forbidden` (403) or `failing` (500). */
  tenantCapacity?: TenantCapacitySpec | "forbidden" | "failing";
}

export interface CliEmulatorStats {
  /** Most TCP connections open at once, and open now (until the client closes its end: FIN or reset read). */
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
  /** Licensing API (tenant capacity) requests. */
  licensingRequests: number;
  /** Every Dataverse request: environment, path (with query), when it arrived and when its answer ended (ms, monotonic). */
  requestLog: Array<{ environment: string; path: string; start: number; end: number | null }>;
  environments: Array<{
    name: string;
    requests: number;
    throttled: number;
    published: number;
    solution: { version: string; managed: boolean } | null;
    imports: Array<{ version: string; managed: boolean; overwriteUnmanagedCustomizations: boolean }>;
    /** The Web API message each import was started with, in order. */
    importMessages: string[];
  }>;
}

export interface CliEmulator {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** The Dataverse URL of an environment (its own port). */
  envUrl(name: string): string;
  adminApi: string;
  /** The Power Platform API's base (`--power-platform-api`): the licensing API's tenant capacity. */
  powerPlatformApi: string;
  /** The authority host to hand MSAL (`--authority`). */
  authority: string;
  tenant: EmulatedTenant;
  /** Every token the token endpoint issued: tests check that none shows up in the program's output. */
  issuedTokens(): string[];
  stats(): CliEmulatorStats;
  close(): Promise<void>;
}

export async function startCliEmulator(options: CliEmulatorOptions): Promise<CliEmulator> {
  const tenant = new EmulatedTenant(options.environments);
  let origin = "";
  const book: TokenBook = {
    accepted: new Set([EMULATOR_TOKEN, NON_ADMIN_TOKEN, ...(options.tokens ?? [])]),
    nonAdmin: new Set([NON_ADMIN_TOKEN, ...(options.nonAdminTokens ?? [])]),
    origin: () => origin,
  };
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
    licensingRequests: 0,
  };
  const requestLog: CliEmulatorStats["requestLog"] = [];
  const envOrigins = new Map<string, string>();
  const issued: string[] = [];

  const fail = (response: ServerResponse) => (error: unknown) => {
    if (!response.headersSent) send(response, 500, { error: { code: "0x80040216", message: String(error) } });
  };
  const servers: Server[] = [];
  // A socket is open from its accept until the first sign that the client let go of it: its FIN read ('end'), a
  // reset ('error'), or our own close. Not until 'close' alone: Node emits that in a later phase of the event loop
  // than the accept of the client's next connection, so a loaded server would count finished sockets as open.
  const countSockets = (server: Server) =>
    server.on("connection", (socket) => {
      counters.open++;
      counters.connections++;
      counters.peak = Math.max(counters.peak, counters.open);
      let open = true;
      const letGo = () => {
        if (open) counters.open--;
        open = false;
      };
      socket.once("end", letGo).once("error", letGo).once("close", letGo);
    });

  /** The tenant's own port: sign-in, admin API, statistics. */
  const main = createServer((request, response) => {
    counters.requests++;
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const handle = async () => {
      const authMatch = AUTH_PATH.exec(path);
      if (authMatch && request.method === "POST")
        return signIn(request, response, authMatch[2] ?? "token", { book, clientSecret, issued, counters });
      if (path === ADMIN_PATH && request.method === "GET")
        return adminList(request, response, url, {
          book,
          environments: tenant.all(),
          envOrigin: (name) => envOrigins.get(name),
          pageSize,
          counters,
        });
      if (path === LICENSING_PATH && request.method === "GET") {
        counters.licensingRequests++;
        if (refuseToken(response, bearer(request), book)) return;
        return tenantCapacity(response, url, options.tenantCapacity ?? ROOMY_CAPACITY, HOME_TENANT);
      }
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
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const logged = {
        environment: state.spec.name,
        path: `${url.pathname}${url.search}`,
        start: performance.now(),
        end: null as number | null,
      };
      requestLog.push(logged);
      response.on("close", () => {
        counters.inFlight--;
        logged.end = performance.now();
      });
      const match = API_PATH.exec(url.pathname);
      if (!match) {
        response.writeHead(404, { "Content-Type": "text/html" });
        response.end("<html><body>Not found</body></html>");
        return;
      }
      dataverse(request, response, state, match[1] ?? "v9.2", `${match[2] ?? ""}${url.search}`, {
        book,
        tenant,
        envOrigin: envOrigins.get(state.spec.name) ?? origin,
        counters,
      }).catch(fail(response));
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
      licensingRequests: counters.licensingRequests,
      requestLog: requestLog.map((r) => ({ ...r })),
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
        importMessages: s.imports.map((r) => r.message),
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
    powerPlatformApi: `${origin}/ppapi`,
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
