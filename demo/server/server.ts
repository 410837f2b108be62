import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  DEFAULT_SCENARIO,
  isScenario,
  respond,
  SCENARIO_DESCRIPTIONS,
  SCENARIOS,
  type EmulatedResponse,
} from "../emulator/scenarios";
import { respondRecords } from "../emulator/records";
import { RequestLog, type LoggedRequest } from "../emulator/requestLog";
import { loadPlatformLibraries } from "../platform/libraries";
import { buildHostBundles } from "./hostBundles";
import { buildDemoConfig, FORM_SCRIPT_NAME, parsePageQuery } from "./pageConfig";
import { formPage, framePage } from "./pages";
import { SolutionSource } from "./solutionSource";

export const SCENARIO_COOKIE = "finops_demo_scenario";
export const DELAY_COOKIE = "finops_demo_delay";

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Repository root: where node_modules, demo/ and out/demo/ are. */
  root: string;
  zipPath: string;
}

export interface DemoServer {
  url: string;
  port: number;
  log: RequestLog;
  close(): Promise<void>;
}

const API_PATH = /^\/api\/data\/(v9\.[12])\/RetrieveFinanceAndOperationsIntegrationDetails(\(\))?$/;
/** The record link's reads: metadata, a row by id, a table's rows (demo/emulator/records.ts). */
const TABLE_PATH = /^\/api\/data\/v9\.[12]\/([^/]+)$/;

function cookies(request: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), decodeOrRaw(part.slice(eq + 1).trim()));
  }
  return jar;
}

/** A cookie value with malformed percent-encoding is kept as typed: it then names no scenario, which picks the default. */
function decodeOrRaw(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers });
  response.end(body);
}

const JS = "text/javascript; charset=utf-8";

/** The Dataverse emulator and the form host page, on loopback only. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const log = new RequestLog();
  const source = new SolutionSource(options.zipPath);
  const [platform, hostBundles] = await Promise.all([
    loadPlatformLibraries(options.root, join(options.root, "out/demo")),
    buildHostBundles(options.root),
  ]);

  function api(request: IncomingMessage, response: ServerResponse, url: URL, apiVersion: string): void {
    const jar = cookies(request);
    // The page's cookie picks the scenario (a same-origin fetch from the control cannot add parameters); ?scenario= is for curl.
    const named = url.searchParams.get("scenario") ?? jar.get(SCENARIO_COOKIE);
    const scenario = isScenario(named) ? named : DEFAULT_SCENARIO;
    const delay = Number(url.searchParams.get("delay") ?? jar.get(DELAY_COOKIE));
    log.record({
      at: Date.now(),
      method: request.method ?? "GET",
      path: url.pathname,
      scenario,
      referer: request.headers.referer ?? "",
      caller: String(request.headers["x-demo-caller"] ?? "fetch"),
    });
    const answer = respond(scenario, {
      origin: `http://${request.headers.host}`,
      apiVersion,
      delayMs: Number.isFinite(delay) ? delay : undefined,
    });
    reply(request, response, answer);
  }

  function reply(request: IncomingMessage, response: ServerResponse, answer: EmulatedResponse): void {
    if (answer.hang) return; // the socket stays open until the client gives up or the server closes
    const finish = () => {
      if (answer.drop) {
        request.socket.destroy();
        return;
      }
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    };
    if (answer.delayMs > 0) {
      const timer = setTimeout(finish, answer.delayMs);
      // A caller that gave up (an aborted fetch, a closed page) needs no answer: no timer outlives its request.
      request.once("close", () => clearTimeout(timer));
    } else finish();
  }

  function logged(request: IncomingMessage, path: string, scenario: string): LoggedRequest {
    return {
      at: Date.now(),
      method: request.method ?? "GET",
      path,
      scenario,
      referer: request.headers.referer ?? "",
      caller: String(request.headers["x-demo-caller"] ?? "fetch"),
    };
  }

  function page(response: ServerResponse, url: URL): void {
    const query = parsePageQuery(url.searchParams);
    const { solution, problems } = source.load();
    const config = buildDemoConfig(query, solution, problems);
    const setCookie = [`${SCENARIO_COOKIE}=${query.scenario}; Path=/; SameSite=Strict`];
    setCookie.push(
      query.delayMs === undefined
        ? `${DELAY_COOKIE}=; Path=/; Max-Age=0`
        : `${DELAY_COOKIE}=${query.delayMs}; Path=/; SameSite=Strict`,
    );
    send(response, 200, "text/html; charset=utf-8", formPage(config, query), { "Set-Cookie": setCookie });
  }

  function shipped(response: ServerResponse, path: string): void {
    const { solution } = source.load();
    if (path.startsWith("/solution/webresources/")) {
      const name = decodeURIComponent(path.slice("/solution/webresources/".length));
      const resource = solution?.webResources.find((w) => w.name === name);
      if (resource) return send(response, 200, JS, resource.content);
    } else if (path.startsWith("/solution/controls/")) {
      const [folder, ...rest] = path.slice("/solution/controls/".length).split("/");
      const control = solution?.controls.find((c) => c.folder.split("/").pop() === decodeURIComponent(folder));
      const file = control?.files.get(rest.map(decodeURIComponent).join("/"));
      if (file) return send(response, 200, path.endsWith(".css") ? "text/css" : JS, file);
    }
    send(response, 404, "text/plain", `Not in the solution zip: ${path}`);
  }

  // A malformed request (a path like /%E0%A4%A that decodeURIComponent refuses) gets 400; any other throw gets 500. An
  // uncaught throw in a request handler would end the whole demo process.
  const server = createServer((request, response) => {
    try {
      route(request, response);
    } catch (error) {
      if (response.headersSent) response.destroy();
      else if (error instanceof URIError) send(response, 400, "text/plain", `Bad request: ${error.message}`);
      else send(response, 500, "text/plain", "The demo server failed on this request.");
    }
  });

  function route(request: IncomingMessage, response: ServerResponse): void {
    const url = URL.canParse(request.url ?? "/", "http://127.0.0.1")
      ? new URL(request.url ?? "/", "http://127.0.0.1")
      : undefined;
    if (url === undefined) return send(response, 400, "text/plain", "Bad request: not a URL");
    const path = url.pathname;
    decodeURIComponent(path); // every route reads a well-formed path only: a malformed one is a 400 for any route
    const apiMatch = API_PATH.exec(path);
    if (apiMatch && request.method === "GET") return api(request, response, url, apiMatch[1]);
    const tableMatch = TABLE_PATH.exec(path);
    if (tableMatch && request.method === "GET") {
      const delay = Number(cookies(request).get(DELAY_COOKIE));
      const answer = respondRecords(
        decodeURIComponent(tableMatch[1]),
        url.search.slice(1),
        `http://${request.headers.host}`,
        Number.isFinite(delay) && delay > 0 ? delay : undefined,
      );
      if (answer) {
        log.record(logged(request, `${path}${url.search}`, "record"));
        return reply(request, response, answer);
      }
    }
    if (path.startsWith("/api/data/")) {
      return send(
        response,
        404,
        "application/json",
        JSON.stringify({
          error: { code: "0x8006088a", message: `Resource not found for the segment '${path.split("/").pop()}'.` },
        }),
      );
    }
    if (path === "/__emulator/stats") return send(response, 200, "application/json", JSON.stringify(log.stats()));
    if (path === "/__emulator/reset" && request.method === "POST") {
      log.reset();
      return send(response, 204, "text/plain", "");
    }
    if (path === "/__emulator/scenarios")
      return send(
        response,
        200,
        "application/json",
        JSON.stringify(SCENARIOS.map((s) => ({ name: s, description: SCENARIO_DESCRIPTIONS[s] }))),
      );
    if (path === "/" || path === "/index.html") return page(response, url);
    if (path === "/frame") {
      const { solution } = source.load();
      const script = solution?.webResources.find((w) => w.name === FORM_SCRIPT_NAME);
      return send(
        response,
        200,
        "text/html; charset=utf-8",
        framePage(script ? `/solution/webresources/${script.name}` : undefined),
      );
    }
    if (path === "/assets/host.js") return send(response, 200, JS, hostBundles.host);
    if (path === "/assets/frame.js") return send(response, 200, JS, hostBundles.frame);
    if (path === "/platform/react.js")
      return send(response, 200, JS, platform.react, { "Cache-Control": "max-age=3600" });
    if (path === "/platform/react-dom.js")
      return send(response, 200, JS, platform.reactDom, { "Cache-Control": "max-age=3600" });
    if (path === "/platform/fluent.js")
      return send(response, 200, JS, platform.fluent, { "Cache-Control": "max-age=3600" });
    if (path.startsWith("/solution/")) return shipped(response, path);
    if (path === "/favicon.ico") return send(response, 204, "text/plain", "");
    send(response, 404, "text/plain", "Not found");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
