/**
 * The demo's own parts, over real HTTP on loopback: the emulated Dataverse answers in Dataverse's shapes and counts
 * requests; the host reads the real solution zip the way an import does.
 */
import { get as httpGet } from "node:http";
import { getString } from "../../scripts/stringSets";
import { unmanagedZipPath } from "../../demo/build/ensureBuilt";
import { HOSTILE, SCENARIOS } from "../../demo/emulator/scenarios";
import { errorBody, FORBIDDEN, LINKED, LINKED_EXTRA, NOT_LINKED, SERVER_ERROR } from "../fixtures/dataverse";
import { startDemoServer, SCENARIO_COOKIE, type DemoServer } from "../../demo/server/server";
import { readSolution } from "../../demo/package/readSolution";
import { ROOT } from "./support/demo";

jest.setTimeout(60_000);

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, root: ROOT, zipPath: unmanagedZipPath(ROOT) });
});
afterAll(() => server?.close());
beforeEach(() => server.log.reset());

const api = (version = "v9.2", suffix = "") =>
  `${server.url}api/data/${version}/RetrieveFinanceAndOperationsIntegrationDetails${suffix}`;
const as = (scenario: string) => ({ headers: { cookie: `${SCENARIO_COOKIE}=${scenario}` } });

describe("emulated Dataverse", () => {
  it("linked: 200 with @odata.context, Url, TenantId, Id and extra fields, on v9.1 and v9.2, with or without ()", async () => {
    for (const [version, suffix] of [
      ["v9.1", ""],
      ["v9.2", ""],
      ["v9.1", "()"],
    ]) {
      const response = await fetch(api(version, suffix), as("linked"));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({
        "@odata.context": expect.stringMatching(new RegExp(`/api/data/${version.replace(".", "\\.")}/\\$metadata#`)),
        ...LINKED,
        ...LINKED_EXTRA,
      });
    }
    expect(server.log.stats().count).toBe(3);
  });

  it("notLinked: 400 with Dataverse's error body", async () => {
    const response = await fetch(api(), as("notLinked"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errorBody(NOT_LINKED));
  });

  it.each([
    ["forbidden", FORBIDDEN.status, FORBIDDEN.code],
    ["serverError", SERVER_ERROR.status, SERVER_ERROR.code],
  ])("%s: HTTP %d with code %s", async (scenario, status, code) => {
    const response = await fetch(api(), as(scenario));
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it("unauthorized: 401 with a Bearer challenge and no body", async () => {
    const response = await fetch(api(), as("unauthorized"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await response.text()).toBe("");
  });

  it("hang: counts the request and never answers (the client gives up)", async () => {
    const started = Date.now();
    await expect(fetch(api(), { ...as("hang"), signal: AbortSignal.timeout(700) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(server.log.stats().count).toBe(1);
  });

  it("slow: waits the delay from the cookie or query", async () => {
    const started = Date.now();
    const response = await fetch(`${api()}?scenario=slow&delay=400`);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("network: the connection drops without an answer", async () => {
    await expect(fetch(api(), as("network"))).rejects.toThrow();
  });

  it.each([
    ["missingFields", (b: Record<string, unknown>) => expect(b.TenantId).toBeUndefined()],
    ["invalidGuid", (b: Record<string, unknown>) => expect(b.TenantId).toBe("not-a-guid")],
    ["javascriptUrl", (b: Record<string, unknown>) => expect(b.Url).toBe(HOSTILE.javascriptUrl)],
    ["htmlUrl", (b: Record<string, unknown>) => expect(b.Url).toBe(HOSTILE.htmlUrl)],
  ])("%s: 200 with a body that breaks the contract", async (scenario, check) => {
    const response = await fetch(api(), as(scenario));
    expect(response.status).toBe(200);
    check((await response.json()) as Record<string, unknown>);
  });

  it("every scenario answers (or drops) and is counted; reset clears the count; other versions are 404", async () => {
    const answering = SCENARIOS.filter((s) => s !== "network" && s !== "slow" && s !== "hang");
    for (const scenario of answering) await (await fetch(api(), as(scenario))).text();
    expect(server.log.stats().count).toBe(answering.length);
    const stats = (await (await fetch(`${server.url}__emulator/stats`)).json()) as { count: number };
    expect(stats.count).toBe(answering.length);
    expect((await fetch(`${server.url}__emulator/reset`, { method: "POST" })).status).toBe(204);
    expect(server.log.stats().count).toBe(0);
    expect((await fetch(api("v9.0"))).status).toBe(404);
    expect(server.log.stats().count).toBe(0);
  });

  it("the form page sets the scenario cookie the API reads", async () => {
    const page = await fetch(`${server.url}?scenario=forbidden`);
    expect(page.headers.get("set-cookie")).toContain(`${SCENARIO_COOKIE}=forbidden`);
    expect(await page.text()).toContain('src="/solution/controls/fol_FinOpsLink.LinkedEnvironment/');
  });

  it("listens on loopback only", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });
});

describe("the solution zip, read as an import reads it", () => {
  const solution = readSolution(unmanagedZipPath(ROOT));

  it("finds the control through customizations.xml and its files through the manifest", () => {
    expect(solution.controls).toHaveLength(1);
    const [control] = solution.controls;
    expect(control.folder).toBe("Controls/fol_FinOpsLink.LinkedEnvironment");
    expect(`${control.manifest.namespace}.${control.manifest.constructorName}`).toBe("FinOpsLink.LinkedEnvironment");
    expect(control.manifest.platformLibraries).toEqual(
      expect.arrayContaining([
        { name: "React", version: "16.14.0" },
        { name: "Fluent", version: "9.46.2" },
      ]),
    );
    expect(control.files.get(control.manifest.codePath)?.length).toBeGreaterThan(0);
    expect(control.manifest.properties.find((p) => p.usage === "bound")?.name).toBe("value");
    expect([...control.strings.keys()].sort()).toEqual([1025, 1031, 1033, 1036, 1040, 1041, 1043, 1046, 2052, 3082]);
    expect(control.strings.get(1033)?.Result_TenantId).toBe(getString(1033, "Result_TenantId"));
    expect(control.strings.get(1025)?.Result_TenantId).toBe(getString(1025, "Result_TenantId"));
  });

  it("finds the form script web resource by its Dataverse name", () => {
    const script = solution.webResources.find((w) => w.name === "fol_/finopslink/form.js");
    expect(Buffer.from(script?.content ?? []).toString("utf8")).toContain("FinOpsLink");
  });
});

describe("the demo server with malformed requests", () => {
  /** node:http sends the path byte for byte (fetch would normalise it), as a hand-typed or hostile client does. */
  function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpGet({ host: "127.0.0.1", port: server.port, path, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
    });
  }

  it.each([
    "/%E0%A4%A",
    "/solution/webresources/%E0%A4%A",
    "/solution/controls/%E0%A4%A/bundle.js",
    "/solution/controls/fol_FinOpsLink.LinkedEnvironment/%ZZ",
    "/api/data/v9.2/%E0%A4%A",
  ])("%s: 400, and the server keeps answering", async (path) => {
    const answer = await rawGet(path);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/^Bad request/);
    expect((await rawGet("/favicon.ico")).status).toBe(204);
  });

  it("a malformed scenario cookie is read as no scenario (the default), not a crash", async () => {
    const answer = await rawGet("/api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails", {
      cookie: `${SCENARIO_COOKIE}=%E0%A4%A`,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject(LINKED);
  });
});
