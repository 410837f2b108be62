/**
 * Microsoft's PCF test harness (`pcf-start`, what `npm run harness` opens) serving the BUILT control, on loopback.
 *
 * pcf-start itself is a browser-sync server on the fixed port 8181 (node_modules/pcf-start/bin/pcf-start.js): its
 * route "/" is the pcf-start package (index.html, harness.js, the platform libraries in lib/), everything else the
 * control's build folder (ControlManifest.xml, bundle.js, strings/). This server answers the same files in the same
 * order on a free port, so tests in parallel never collide and nothing reports telemetry. The page and its runtime
 * (Microsoft's context, feature gate and webAPI) are pcf-start's own, unchanged.
 *
 * The page asks unpkg.com for React 16.14.0's UMD files: `routePcfStartPage` answers them from node_modules, answers
 * the function with what a test chooses, and refuses everything else that leaves loopback (the Fluent fonts).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import type { Page, Route } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "text/xml; charset=utf-8",
  ".resx": "text/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface PcfStartServer {
  url: string;
  close(): Promise<void>;
}

/** The file for a URL path inside `root`, or undefined (never a path outside it). */
function fileIn(root: string, path: string): string | undefined {
  const full = resolve(root, `.${path}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

/** Serves pcf-start's page over the control built into `controlDir` (default: out/controls/LinkedEnvironment). */
export async function startPcfStart(root: string, controlDir?: string): Promise<PcfStartServer> {
  const harnessDir = join(root, "node_modules", "pcf-start");
  const builtDir = controlDir ?? join(root, "out", "controls", "LinkedEnvironment");
  for (const [dir, remedy] of [
    [join(harnessDir, "harness.js"), "npm ci"],
    [join(builtDir, "ControlManifest.xml"), "npm run build:control"],
  ]) {
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`${remedy}\` first`);
  }
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = fileIn(harnessDir, path === "/" ? "/index.html" : path) ?? fileIn(builtDir, path);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** What the function answers in a test: an HTTP status and a JSON body. */
export interface FunctionAnswer {
  status: number;
  body: unknown;
}

/**
 * Routes the page: React's UMD files from node_modules, RetrieveFinanceAndOperationsIntegrationDetails with `answer`
 * (each call counted in `calls`), loopback as is, anything else refused. Returns the list of function calls.
 */
export async function routePcfStartPage(page: Page, root: string, answer: FunctionAnswer): Promise<string[]> {
  const calls: string[] = [];
  const umd: Record<string, string> = {
    "/react@16.14.0/umd/react.development.js": join(root, "node_modules", "react", "umd", "react.development.js"),
    "/react-dom@16.14.0/umd/react-dom.development.js": join(
      root,
      "node_modules",
      "react-dom",
      "umd",
      "react-dom.development.js",
    ),
  };
  await page.route(/.*/, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "unpkg.com" && umd[url.pathname] !== undefined) {
      return route.fulfill({ status: 200, contentType: "text/javascript", path: umd[url.pathname] });
    }
    if (url.hostname !== "127.0.0.1") return route.abort("blockedbyclient");
    if (/\/api\/data\/v9\.\d\/RetrieveFinanceAndOperationsIntegrationDetails\b/.test(url.pathname)) {
      calls.push(`${route.request().method()} ${url.pathname}`);
      return route.fulfill({
        status: answer.status,
        contentType: "application/json; odata.metadata=minimal",
        body: JSON.stringify(answer.body),
      });
    }
    return route.continue();
  });
  return calls;
}

/** The harness's control area (its own markup: `.control-container`, around the control's root). */
export const HARNESS_CONTROL = ".control-pane .control-container";
