/**
 * The link audit as an integration readiness audit (docs/link-audit.md): the tenant's capacity from the licensing
 * API, the setup state from the admin list, the installed parts read beside the link function, the record link's
 * virtual tables in doctor. The built program in a child process against the emulated tenant (demo/server/cli/) over
 * HTTP on 127.0.0.1.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentSpec } from "../../demo/emulator/environments";
import { DEFAULT_TENANT } from "../../demo/emulator/tenants";
import {
  EMULATOR_TOKEN,
  OVER_CAPACITY,
  ROOMY_CAPACITY,
  TIGHT_CAPACITY,
  type CliEmulator,
  type CliEmulatorStats,
} from "../../demo/server/cli";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const TOKEN = ["--access-token", EMULATOR_TOKEN];
const tenant = emulatedTenants();

const pick = (...names: string[]): EnvironmentSpec[] =>
  names.map((name) => {
    const spec = DEFAULT_TENANT.find((s) => s.name === name);
    if (spec === undefined) throw new Error(`no ${name} in DEFAULT_TENANT`);
    return spec;
  });

const APIS = (emulator: CliEmulator) => [
  "--admin-api",
  emulator.adminApi,
  "--power-platform-api",
  emulator.powerPlatformApi,
];
const checkAll = (emulator: CliEmulator, ...more: string[]) =>
  runCli(["check", "--all", ...APIS(emulator), ...TOKEN, ...more]);

interface Finding {
  code: string;
  severity: string;
  environments: string[];
  message: string;
  nextStep: string;
}
interface Document {
  environments: Array<Record<string, unknown> & { name: string; state: string }>;
  findings: Finding[];
  capacity?: Record<string, unknown>;
}
const documentOf = (run: CliRun) => JSON.parse(run.stdout) as Document;
const codes = (run: CliRun) => documentOf(run).findings.map((f) => f.code);
const CAPACITY_CODES = ["capacityShort", "capacityOver", "finOpsStorageOver"];

describe("the tenant's capacity: free = total − consumption.actual, once per run", () => {
  // Two environments waiting for their Dataverse (the initial environment, a failed setup) and one linked.
  const WAITING = () => pick("contoso-prod", "adventure-works", "tailspin");

  it("a tenant with room: no capacity finding; the failed setup still says Resume", async () => {
    const emulator = await tenant(WAITING(), 5, { tenantCapacity: ROOMY_CAPACITY });
    const run = await checkAll(emulator, "--json");
    expect(run.code).toBe(1); // setupFailed (error)
    expect(codes(run).filter((c) => CAPACITY_CODES.includes(c))).toEqual([]);
    const failed = documentOf(run).findings.find((f) => f.code === "setupFailed")!;
    expect(failed.message).not.toMatch(/capacity/);
    expect(failed.nextStep).toMatch(/Resume/);
    expect(emulator.stats().licensingRequests).toBe(1);
    expect(documentOf(run).capacity).toMatchObject({
      checked: true,
      capacities: expect.arrayContaining([
        { type: "Database", totalMB: 20_480, actualMB: 12_288, freeMB: 8_192, status: "Available" },
      ]),
    });
  });

  it("under 1 GB free: capacityShort names the environments that wait for setup; setupFailed gives the figures", async () => {
    const emulator = await tenant(WAITING(), 5, { tenantCapacity: TIGHT_CAPACITY });
    const run = await checkAll(emulator, "--json");
    expect(run.code).toBe(1);
    const { findings } = documentOf(run);
    expect(findings.map((f) => [f.code, f.severity, f.environments])).toEqual([
      ["capacityShort", "error", ["adventure-works", "tailspin"]],
      ["setupFailed", "error", ["tailspin"]],
      ["noDataverse", "info", ["adventure-works"]],
    ]);
    expect(findings[0].message).toMatch(/640 MB free \(9600 MB used of 10\.0 GB\).*at least 1 GB free/);
    expect(findings[0].nextStep).toMatch(/at least 1 GB.*Resume it in Lifecycle Services/);
    expect(findings[1].message).toMatch(/LinkedDatabaseFailed.*640 MB free/);
  });

  it("under 1 GB free but nothing waits for setup: no capacityShort", async () => {
    const emulator = await tenant(pick("contoso-prod"), 5, { tenantCapacity: TIGHT_CAPACITY });
    const run = await checkAll(emulator, "--json");
    expect(run.code).toBe(0);
    expect(codes(run)).toEqual([]);
  });

  it("over its total: capacityOver and finOpsStorageOver, about the tenant (no environment named), shown with --only", async () => {
    const emulator = await tenant(pick("contoso-prod"), 5, { tenantCapacity: OVER_CAPACITY });
    const run = await checkAll(emulator, "--json", "--only", "linked");
    expect(run.code).toBe(1);
    expect(documentOf(run).findings.map((f) => [f.code, f.severity, f.environments])).toEqual([
      ["capacityOver", "warning", []],
      ["finOpsStorageOver", "warning", []],
    ]);
    const table = await checkAll(emulator);
    expect(table.stdout).toMatch(/^ {2}warning capacityOver: the tenant uses more Dataverse capacity than it has/m);
    expect(table.stdout).toMatch(/^ {10}next: Free capacity .*suspend/m);
  });

  it("a licensing API that answers 403 costs one line on stderr in every output mode, not a failure", async () => {
    const emulator = await tenant(pick("contoso-prod"), 5, { tenantCapacity: "forbidden" });
    for (const mode of [[], ["--json"], ["--csv"], ["--md"]]) {
      const run = await checkAll(emulator, ...mode);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /^finops-link: capacity was not checked: the signed-in identity may not read the tenant's capacity \(HTTP 403 Forbidden: The caller does not have the Power Platform administrator role\.\)\n$/,
      );
    }
    const json = await checkAll(emulator, "--json");
    expect(documentOf(json).capacity).toMatchObject({ checked: false, failed: false });
    const doctor = await runCli(["doctor", "--env", emulator.envUrl("contoso-prod"), ...APIS(emulator), ...TOKEN]);
    expect(doctor.code).toBe(0);
    expect(doctor.stderr.match(/capacity was not checked/g)).toHaveLength(1);
    expect(doctor.stdout).toMatch(/^Capacity +database 4300 MB; tenant: not checked \(the signed-in identity/m);
  });

  it("a licensing API that fails (500): one line, and exit 2 (something could not be checked)", async () => {
    const emulator = await tenant(pick("contoso-prod"), 5, { tenantCapacity: "failing" });
    const run = await checkAll(emulator, "--json");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^finops-link: capacity was not checked: the licensing API answered HTTP 500/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    [
      "a redirect (the token is not sent on)",
      302,
      { Location: "https://evil.example/steal" },
      "",
      /the licensing API: the server answered HTTP 302, a redirect to https:\/\/evil\.example: not followed/,
    ],
    // A web page is said as one in every request (cli/net/send.ts ForeignAnswerFailure), never as a JSON error.
    [
      "a web page",
      200,
      { "Content-Type": "text/html" },
      "<html><title>Blocked</title>proxy</html>",
      /the licensing API: 127\.0\.0\.1:\d+ answered HTTP 200 with a web page \("Blocked"\), not the service's API/,
    ],
    ["text that is not JSON", 200, { "Content-Type": "text/plain" }, "proxy", /not JSON/],
  ])("a licensing API answering %s: one line, exit 2, nothing else changes", async (_, status, headers, body, said) => {
    const emulator = await tenant(pick("contoso-prod"));
    const asked: string[] = [];
    const licensing: Server = createServer((request, response) => {
      asked.push(request.url ?? "");
      response.writeHead(status, headers);
      response.end(body);
    });
    await new Promise<void>((resolve) => licensing.listen(0, "127.0.0.1", resolve));
    try {
      const api = `http://127.0.0.1:${(licensing.address() as AddressInfo).port}/ppapi`;
      const run = await runCli([
        "check",
        "--all",
        "--admin-api",
        emulator.adminApi,
        "--power-platform-api",
        api,
        ...TOKEN,
        "--json",
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^finops-link: capacity was not checked: /);
      expect(run.stderr).toMatch(said);
      expect(asked).toEqual(["/ppapi/licensing/tenantCapacity?api-version=2022-03-01-preview"]);
      expect(documentOf(run)).toMatchObject({ capacity: { checked: false, failed: true }, findings: [] });
    } finally {
      await new Promise((resolve) => licensing.close(resolve));
    }
  });

  it("--admin-api without --power-platform-api: the capacity is not asked (no token goes to the cloud's API)", async () => {
    const emulator = await tenant(pick("contoso-prod"));
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(documentOf(run).capacity).toBeUndefined();
    expect(emulator.stats().licensingRequests).toBe(0);
  });
});

describe("each new read runs beside the link function", () => {
  /** Each environment's requests as the emulator logged them: path and when they were in flight. */
  const requestsOf = (stats: CliEmulatorStats, name: string) => stats.requestLog.filter((r) => r.environment === name);
  const isFunction = (path: string) => /RetrieveFinanceAndOperationsIntegrationDetails/.test(path);
  const PART_READS = [/\/solutions\?.*MicrosoftOperationsVESupport/, /\/EntityDefinitions\?/, /\/organizations$/];

  it("check --parts: the solutions, metadata and organization reads are in flight while the function call is", async () => {
    // Every answer waits 300 ms: reads sent after the function's answer would start after it ended.
    const slow = pick("contoso-prod", "contoso-test").map((spec) => ({ ...spec, delayMs: 300 }));
    const emulator = await tenant(slow);
    const run = await checkAll(emulator, "--json", "--parts");
    expect(run.code).toBe(0);
    const stats = emulator.stats();
    for (const name of ["contoso-prod", "contoso-test"]) {
      const log = requestsOf(stats, name);
      const call = log.find((r) => isFunction(r.path))!;
      for (const read of PART_READS) {
        const sent = log.find((r) => read.test(r.path));
        expect(sent).toBeDefined();
        // In flight together: each started before the other ended.
        expect(sent!.start).toBeLessThan(call.end!);
        expect(call.start).toBeLessThan(sent!.end!);
      }
    }
  });

  it("requests per environment: 2 without --parts (as before), 5 with; doctor 11; the tenant's capacity once per run", async () => {
    const emulator = await tenant(pick("contoso-prod", "contoso-test"));
    const count = (name: string) => emulator.stats().environments.find((e) => e.name === name)!.requests;
    await checkAll(emulator, "--json");
    expect([count("contoso-prod"), count("contoso-test")]).toEqual([2, 2]);
    await checkAll(emulator, "--json", "--parts");
    expect([count("contoso-prod"), count("contoso-test")]).toEqual([2 + 5, 2 + 5]);
    await runCli(["doctor", "--env", emulator.envUrl("contoso-prod"), ...APIS(emulator), ...TOKEN]);
    expect(count("contoso-prod")).toBe(7 + 11);
    expect(emulator.stats().licensingRequests).toBe(3);
  });
});

describe("doctor: setup, capacity, installed parts and each form's record link table", () => {
  let emulator: CliEmulator;
  beforeAll(async () => {
    emulator = await tenant(pick("contoso-prod", "contoso-test", "contoso-dev"), 5, { tenantCapacity: TIGHT_CAPACITY });
  });
  const doctor = (name: string, ...more: string[]) =>
    runCli(["doctor", "--env", emulator.envUrl(name), ...APIS(emulator), ...TOKEN, ...more]);

  it("a form whose record link reads a virtual table the environment lacks: recordLinkTableMissing names form, table and article", async () => {
    const run = await doctor("contoso-test");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Forms +Account \(account\): form script; record link reads mserp_custcustomerv3entity \(missing\)$/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}warning recordLinkTableMissing: the form Account \(account\) links records through the virtual table mserp_custcustomerv3entity, which contoso-test does not have$/m,
    );
    expect(run.stdout).toMatch(
      /^ {10}next: .*https:\/\/learn\.microsoft\.com\/dynamics365\/fin-ops-core\/dev-itpro\/power-platform\/enable-virtual-entities/m,
    );
    expect(run.stdout).toMatch(
      /^Parts +virtual tables not installed, ERP catalog not installed; no dual-write; CSP report-only$/m,
    );
    expect(run.stdout).toMatch(
      /^ +CSP report-only: information only \(FinOps Link makes no browser request to F&O and uses no eval\)$/m,
    );
    expect(run.stdout).toMatch(/^Setup +provisioning Succeeded, management Ready$/m);
    expect(run.stdout).toMatch(
      /^Capacity +database 1536 MB; tenant: Database 640 MB free, File 60\.0 GB free, Log 9216 MB free/m,
    );

    const json = await doctor("contoso-test", "--json");
    expect(json.code).toBe(1);
    const d = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(d).toMatchObject({
      check: {
        erpUrl: "https://contoso-test.sandbox.operations.dynamics.com",
        findings: ["recordLinkTableMissing"],
        parts: { dualWrite: { installed: false }, csp: { mode: "reportOnly" } },
        adminCenter: {
          capacity: expect.arrayContaining([expect.objectContaining({ type: "Database", actual: 1536 })]),
        },
      },
      forms: [{ name: "Account", recordLink: { table: "mserp_custcustomerv3entity", exists: false } }],
      findings: [{ code: "recordLinkTableMissing", severity: "warning", environments: ["contoso-test"] }],
      capacity: { checked: true },
    });
    expect(json.stdout).not.toContain("formxml");
  });

  it("the virtual table there: no finding; CSP strict and enforced are said; --fail-on error lets warnings pass", async () => {
    const prod = await doctor("contoso-prod", "--json");
    expect(prod.code).toBe(0);
    expect(JSON.parse(prod.stdout)).toMatchObject({
      forms: [{ recordLink: { table: "mserp_custcustomerv3entity", exists: true } }],
      findings: [],
      check: { parts: { csp: { mode: "enforced" } } },
    });
    const dev = await doctor("contoso-dev", "--json");
    expect(dev.code).toBe(1); // not linked
    expect(JSON.parse(dev.stdout)).toMatchObject({ check: { erpUrl: null, parts: { csp: { mode: "strict" } } } });
    expect((await doctor("contoso-test", "--fail-on", "error")).code).toBe(0);
  });
});

describe("--html: the readiness findings and figures in the shared report", () => {
  it("every finding once with its next step; the tenant's capacity and the parts", async () => {
    const emulator = await tenant(DEFAULT_TENANT, 5, { tenantCapacity: OVER_CAPACITY });
    const file = join(mkdtempSync(join(tmpdir(), "finops-readiness-")), "report.html");
    const run = await checkAll(emulator, "--parts", "--html", file);
    expect(run.code).toBe(2);
    const html = readFileSync(file, "utf8");
    for (const code of [
      "capacityShort",
      "setupFailed",
      "setupIncomplete",
      "cloudHostedNotLinked",
      "capacityOver",
      "finOpsStorageOver",
      "setupInProgress",
      "busy",
    ]) {
      const items = html.match(
        new RegExp(
          `<li><span class="sev \\w+">\\w+</span> <code>${code}</code>: [^<]*<br><span class="next">Next: [^<]+</span></li>`,
          "g",
        ),
      );
      expect(items).toHaveLength(1);
    }
    expect(html).toMatch(/<h2>Readiness<\/h2>\n<ul><li>Tenant capacity: Database 1024 MB over of 10\.0 GB, /);
    expect(html).toContain(
      "<li>contoso-prod: database 4300 MB; virtual tables 9.0.2.1, ERP catalog 1.0.0.14; dual-write; CSP enforced</li>",
    );
  });
});

/** ESC, BEL and a bare carriage return: what would let server text move the cursor, colour or forge a line. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters in the output
const CONTROL = /[\u001b\u0007\r]/;

describe("server text in the readiness findings reaches a terminal only as one line of plain text", () => {
  it("a hostile provisioning state and F&O URL: no escape, no forged line in the table, --md or doctor", async () => {
    const hostile = "Linked\u001b[2J\u001b]8;;https://evil.example/\u0007x\u001b]8;;\u0007\r\nforged  linked  Failed";
    const emulator = await tenant([
      {
        name: "tampered",
        link: "notLinked",
        provisioningState: hostile,
        linkedApp: { type: "Linked", id: "x", url: "https://x.cloudax.dynamics.com/\u001b[31m" },
      },
    ]);
    for (const mode of [[], ["--md"]]) {
      const run = await checkAll(emulator, ...mode);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/setupFailed/);
      expect(CONTROL.test(run.stdout)).toBe(false);
      expect(run.stdout).not.toMatch(/^forged/m);
    }
    const doctor = await runCli(["doctor", "--env", emulator.envUrl("tampered"), ...APIS(emulator), ...TOKEN]);
    expect(doctor.stdout).toMatch(/^Setup +provisioning Linked/m);
    expect(CONTROL.test(doctor.stdout)).toBe(false);
    expect(doctor.stdout).not.toMatch(/^forged/m);
  });
});
