/**
 * `finops-link check` as the admins' link audit (docs/link-audit.md) and `finops-link doctor`: the built program in a
 * child process against the emulated tenant (demo/server/cli/, its default tenant in demo/emulator/tenants.ts) over
 * HTTP on 127.0.0.1.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TENANT } from "../../demo/emulator/tenants";
import { EMULATED_USER, EMULATOR_TOKEN, NON_ADMIN_TOKEN, ORG_VERSION, type CliEmulator } from "../../demo/server/cli";
import { expectOneClearLine, requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const TOKEN = ["--access-token", EMULATOR_TOKEN];

const tenant = emulatedTenants();

/** `finops-link check --all --json` over an emulated tenant's admin API with the emulator's token, then `more`. */
const checkAllJson = (emulator: CliEmulator, ...more: string[]) =>
  runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN, "--json", ...more]);
/** Environments of the default tenant by name: each finding has its own. */
const pick = (...names: string[]) =>
  names.map((name) => {
    const spec = DEFAULT_TENANT.find((s) => s.name === name);
    if (spec === undefined) throw new Error(`no ${name} in DEFAULT_TENANT`);
    return spec;
  });

interface Finding {
  code: string;
  severity: string;
  environments: string[];
  message: string;
  nextStep: string;
}
interface Document {
  environments: Array<
    Record<string, unknown> & { name: string; state: string; url: string | null; findings: string[] }
  >;
  findings: Finding[];
  summary: Record<string, unknown>;
}
const documentOf = (run: CliRun) => JSON.parse(run.stdout) as Document;
const requestsTo = (emulator: CliEmulator, name: string) =>
  emulator.stats().environments.find((e) => e.name === name)!.requests;
/** The table's rows: the lines after the header up to the first blank line. */
const tableRows = (stdout: string) => stdout.split("\n").slice(1, stdout.split("\n").indexOf(""));

describe("environment URLs as people paste them (used at the origin, said once on stderr)", () => {
  let emulator: CliEmulator;
  beforeAll(async () => {
    emulator = await tenant(pick("contoso-prod"));
  });

  it.each([
    ["an address-bar URL", "/main.aspx"],
    [
      "an address-bar URL with appid",
      "/main.aspx?appid=0b5c7e1a-2f3d-4e5b-8a6c-7d8e9f0a1b2c&pagetype=entitylist&etn=account",
    ],
    ["a Web API root", "/api/data/v9.2/"],
    ["a service endpoint", "/XRMServices/2011/Organization.svc/web"],
    ["a record's fragment", "/main.aspx#etn=account&id=1"],
  ])("%s: --env <origin>%s", async (_, suffix) => {
    const origin = emulator.envUrl("contoso-prod");
    const given = `${origin}${suffix}`;
    const run = await runCli(["check", "--env", given, "--env", given, ...TOKEN, "--json", "--no-admin-center"]);
    expect(run.code).toBe(0);
    const document = documentOf(run);
    expect(document.environments.map((e) => [e.url, e.state])).toEqual([[origin, "linked"]]);
    expect(run.stderr).toBe(`finops-link: using ${origin} for ${given} (Dataverse is at the origin)\n`);
  });

  it("in an env file, and from the admin API's instanceUrl", async () => {
    const withPath = await tenant([{ ...pick("contoso-prod")[0], instanceUrlSuffix: "main.aspx?appid=1234" }]);
    const origin = withPath.envUrl("contoso-prod");
    const file = join(mkdtempSync(join(tmpdir(), "finops-audit-")), "envs.txt");
    writeFileSync(file, `${origin}/main.aspx?appid=1234\n`);
    const fromFile = await runCli(["check", "--env-list", file, "--admin-api", withPath.adminApi, ...TOKEN, "--json"]);
    expect(fromFile.code).toBe(0);
    expect(documentOf(fromFile).environments[0]).toMatchObject({ url: origin, state: "linked" });
    expect(fromFile.stderr).toMatch(/^finops-link: using http:\/\/127\.0\.0\.1:\d+ for .*\/main\.aspx\?appid=1234/);

    const all = await checkAllJson(withPath);
    expect(all.code).toBe(0);
    expect(documentOf(all).environments[0]).toMatchObject({ url: origin, state: "linked" });
    expect(all.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("check --all over the default tenant: every finding once", () => {
  let emulator: CliEmulator;
  let json: CliRun;
  beforeAll(async () => {
    emulator = await tenant(DEFAULT_TENANT, 5);
    json = await checkAllJson(emulator);
  });

  it("--json: each code once with its severity, the environments involved, words and the next step; exit 2", () => {
    expect(json.code).toBe(2); // error findings, and one environment without permission
    const { findings } = documentOf(json);
    expect(findings.map((f) => [f.code, f.severity, f.environments])).toEqual([
      ["sharedFinOpsEnvironment", "error", ["contoso-test", "contoso-test-copy"]],
      ["tenantMismatch", "error", ["woodgrove"]],
      ["adminCenterMismatch", "warning", ["northwind"]],
      ["pairingMismatch", "warning", ["fabrikam-prod"]],
      ["disabled", "info", ["teams-sales"]],
      ["adminMode", "info", ["maintenance"]],
      ["notReady", "info", ["provisioning"]],
      ["noDataverse", "info", ["adventure-works"]],
      ["unified", "info", ["litware"]],
    ]);
    for (const f of findings) {
      expect(f.message).toMatch(new RegExp(f.environments[0]));
      expect(f.nextStep.length).toBeGreaterThan(20);
    }
    expect(findings[0].message).toMatch(/contoso-test\.sandbox\.operations\.dynamics\.com/);
    expect(findings[8].message).toMatch(/Dataverse http:\/\/127\.0\.0\.1:\d+, F&O https:\/\/litware\.operations/);
    expect(documentOf(json).summary).toMatchObject({
      total: 14,
      linked: 8,
      notChecked: 3,
      noDataverse: 1,
      forbidden: 1,
      findings: { error: 2, warning: 2, info: 5 },
    });
  });

  it("each environment carries the admin center's view and its finding codes; not-checked ones are not asked", () => {
    const document = documentOf(json);
    const byName = (name: string) => document.environments.find((e) => e.name === name)!;
    expect(byName("fabrikam-prod")).toMatchObject({
      findings: ["pairingMismatch"],
      adminCenter: { compared: true, sku: "Production", runtimeState: "Enabled", linkedApp: { type: "Linked" } },
      answer: { status: 200, serviceRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/), ms: expect.any(Number) },
    });
    expect(byName("teams-sales")).toMatchObject({ state: "notChecked", findings: ["disabled"] });
    for (const name of ["teams-sales", "maintenance", "provisioning"]) expect(requestsTo(emulator, name)).toBe(0);
  });

  it("the table: one line per environment, then the findings with their next steps", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN]);
    expect(run.code).toBe(2);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^Environment\s+State\s+F&O environment\s+FinOps Link\s+Time\s+Findings$/,
    );
    const rows = tableRows(run.stdout);
    expect(rows).toHaveLength(14);
    expect(rows.find((r) => r.startsWith("contoso-test-copy "))).toMatch(
      /linked\s+contoso-test\.sandbox\.operations\.dynamics\.com\s+0\.9\.0\.0 managed\s+\d\.\d s\s+sharedFinOpsEnvironment$/,
    );
    expect(rows.find((r) => r.startsWith("teams-sales "))).toMatch(/not checked\s+disabled$/);
    expect(run.stdout).toMatch(/^ {2}error {3}sharedFinOpsEnvironment: contoso-test, contoso-test-copy answer/m);
    expect(run.stdout).toMatch(/^ {10}next: The link is one to one/m);
    for (const code of [
      "tenantMismatch",
      "adminCenterMismatch",
      "pairingMismatch",
      "notReady",
      "noDataverse",
      "unified",
    ])
      expect(run.stdout).toMatch(new RegExp(`^ {2}\\w+ +${code}: `, "m"));
    expect(run.stdout).toMatch(/^ {2}restricted: Principal user .* is missing prvReadOrganization privilege/m);
    expect(run.stdout).toMatch(
      /^14 environments: 8 linked, 1 not linked, 1 no permission, 1 no Dataverse, 3 not checked; findings: 2 errors, 2 warnings, 5 info(; 1 request retried after 429\/503)?$/m,
    );
  });

  it("--md: a Markdown table and the findings, for a ticket or a wiki", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN, "--md"]);
    expect(run.code).toBe(2);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("## FinOps Link: link audit");
    expect(lines[2]).toMatch(
      /^\| Environment +\| Dataverse +\| State +\| F&O environment +\| FinOps Link +\| Findings +\|$/,
    );
    expect(lines.filter((l) => l.startsWith("| "))).toHaveLength(2 + 14); // the header, its rule, one row each
    expect(run.stdout).toMatch(/^- \*\*error\*\* `sharedFinOpsEnvironment`: contoso-test, contoso-test-copy/m);
    expect(run.stdout).toMatch(/^ {2}Next: /m);
  });

  it("--only and --name: what is shown, and what is checked; the exit code speaks for every environment checked", async () => {
    const only = async (which: string) => {
      const run = await checkAllJson(emulator, "--only", which);
      expect(run.code).toBe(2);
      return documentOf(run).environments.map((e) => e.name);
    };
    expect(await only("findings")).toEqual([
      "contoso-test",
      "contoso-test-copy",
      "fabrikam-prod",
      "northwind",
      "woodgrove",
    ]);
    expect(await only("failed")).toEqual(["restricted"]);
    expect(await only("notLinked")).toEqual(["contoso-dev"]);
    expect(await only("linked")).toHaveLength(8);

    const fresh = await tenant(DEFAULT_TENANT, 5);
    const named = await checkAllJson(fresh, "--name", "contoso-*");
    expect(named.code).toBe(2); // contoso-test and its copy share an F&O environment
    expect(documentOf(named).environments.map((e) => e.name)).toEqual([
      "contoso-prod",
      "contoso-test",
      "contoso-test-copy",
      "contoso-dev",
    ]);
    expect(requestsTo(fresh, "northwind")).toBe(0);
    const byUrl = await checkAllJson(fresh, "--name", "LITWARE");
    expect(byUrl.code).toBe(0);
    expect(documentOf(byUrl).environments.map((e) => e.name)).toEqual(["litware"]);
  });
});

describe("exit codes", () => {
  it.each([
    [0, "every checked environment linked, no finding", ["contoso-prod"]],
    [
      0,
      "info findings only: disabled, admin mode, not ready, no Dataverse, unified",
      ["contoso-prod", "teams-sales", "maintenance", "provisioning", "adventure-works", "litware"],
    ],
    [1, "not linked", ["contoso-prod", "contoso-dev"]],
    [1, "a warning: production linked to a sandbox", ["contoso-prod", "fabrikam-prod"]],
    [1, "a warning: the admin center names another F&O environment", ["contoso-prod", "northwind"]],
    [2, "an error: two environments share an F&O environment", ["contoso-test", "contoso-test-copy"]],
    [2, "an error: cross-tenant", ["woodgrove"]],
    [2, "an environment could not be checked", ["contoso-prod", "restricted"]],
  ])("%i: %s", async (code, _, names) => {
    const emulator = await tenant(pick(...names));
    const run = await checkAllJson(emulator);
    expect(run.code).toBe(code);
  });

  it.each([
    [["check", "--env", "contoso", "--json", "--md"], /choose one of --json, --csv and --md/],
    [["check", "--env", "contoso", "--only", "everything"], /--only.*everything/],
    [["check", "--env", "https://a:b@contoso.crm.dynamics.com/main.aspx"], /no user name or password/],
    [["doctor"], /exactly one --env/],
    [["doctor", "--env", "a", "--env", "b"], /exactly one --env/],
  ])("%j -> 64", async (args, pattern) => {
    const run = await runCli([...args, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, pattern);
  });
});

describe("--env: the admin center's view too, when the identity may read it", () => {
  let emulator: CliEmulator;
  beforeAll(async () => {
    emulator = await tenant(pick("contoso-prod", "northwind", "teams-sales"));
  });
  const ADMIN = () => ["--admin-api", emulator.adminApi];

  it("compared: a mismatch is found for one environment given by URL", async () => {
    const run = await runCli(["check", "--env", emulator.envUrl("northwind"), ...ADMIN(), ...TOKEN, "--json"]);
    expect(run.code).toBe(1);
    expect(documentOf(run).findings.map((f) => f.code)).toEqual(["adminCenterMismatch"]);
    expect(emulator.stats().adminPages).toBeGreaterThan(0);
  });

  it("a disabled environment given by URL is not checked, with the reason", async () => {
    const before = requestsTo(emulator, "teams-sales");
    const run = await runCli(["check", "--env", emulator.envUrl("teams-sales"), ...ADMIN(), ...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(documentOf(run).environments[0]).toMatchObject({ state: "notChecked", findings: ["disabled"] });
    expect(requestsTo(emulator, "teams-sales")).toBe(before);
  });

  it("an identity without admin rights: not compared, not a failure; the table says why", async () => {
    const args = ["check", "--env", emulator.envUrl("northwind"), ...ADMIN(), "--access-token", NON_ADMIN_TOKEN];
    const json = await runCli([...args, "--json"]);
    expect(json.code).toBe(0);
    expect(documentOf(json).environments[0]).toMatchObject({
      state: "linked",
      adminCenter: { compared: false, reason: expect.stringMatching(/may not read the admin center.*HTTP 403/) },
      findings: [],
    });
    const table = await runCli(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Admin center not compared \(1 environment\): the signed-in identity may not read/m);
  });

  it("--no-admin-center: the admin API is not asked", async () => {
    const pages = emulator.stats().adminPages;
    const run = await runCli(["check", "--env", emulator.envUrl("northwind"), ...TOKEN, "--json", "--no-admin-center"]);
    expect(run.code).toBe(0);
    expect(emulator.stats().adminPages).toBe(pages);
  });
});

describe("doctor --env: one environment in depth for a support ticket", () => {
  let emulator: CliEmulator;
  beforeAll(async () => {
    emulator = await tenant(pick("contoso-prod", "fabrikam-prod"));
  });

  it("prints each section: identity, version, the answer with its time and request id, admin center, solution, forms, findings, program", async () => {
    const run = await runCli([
      "doctor",
      "--env",
      `${emulator.envUrl("contoso-prod")}/main.aspx?appid=1`,
      "--admin-api",
      emulator.adminApi,
      ...TOKEN,
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(new RegExp(`^Signed in as +${EMULATED_USER.fullname} <${EMULATED_USER.domainname}>$`, "m"));
    expect(out).toMatch(
      new RegExp(`^ +user ${EMULATED_USER.id}, business unit [0-9a-f-]{36}, organization [0-9a-f-]{36}$`, "m"),
    );
    expect(out).toMatch(new RegExp(`^Dataverse +version ${ORG_VERSION.replace(/\./g, "\\.")}$`, "m"));
    expect(out).toMatch(/^Link +linked to https:\/\/contoso-prod\.operations\.dynamics\.com$/m);
    expect(out).toMatch(/^ +answered HTTP 200 in \d+ ms; service request id [0-9a-f-]{36}$/m);
    expect(out).toMatch(/^Admin center +Production, Enabled, instance Ready, tenant [0-9a-f-]{36}$/m);
    expect(out).toMatch(/^FinOps Link +1\.0\.0\.0 managed$/m);
    expect(out).toMatch(/^Forms +Account \(account\): control, form script$/m);
    expect(out).toMatch(/^Findings +none$/m);
    expect(out).toMatch(
      new RegExp(`^Program +finops-link \\d+\\.\\d+\\.\\d+ on Node ${process.version.replace(/\./g, "\\.")}`, "m"),
    );
    expect(run.stderr).toMatch(/^finops-link: using http:\/\/127\.0\.0\.1:\d+ for /);
    expect(out + run.stderr).not.toContain(EMULATOR_TOKEN);
  });

  it("--json: the same sections as data; a finding with its next step; no token", async () => {
    const run = await runCli([
      "doctor",
      "--env",
      emulator.envUrl("fabrikam-prod"),
      "--admin-api",
      emulator.adminApi,
      ...TOKEN,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const d = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(d).toMatchObject({
      environment: { url: emulator.envUrl("fabrikam-prod") },
      identity: { userId: EMULATED_USER.id, userName: EMULATED_USER.domainname },
      organization: { version: ORG_VERSION },
      check: { state: "linked", answer: { status: 200 }, adminCenter: { compared: true, sku: "Production" } },
      forms: [],
      findings: [{ code: "pairingMismatch", severity: "warning", nextStep: expect.any(String) }],
      program: { name: "finops-link", node: process.version },
    });
    expect(run.stdout).not.toContain(EMULATOR_TOKEN);
  });

  it("a refused read is that section's words, not the run's end", async () => {
    const restricted = await tenant(pick("restricted"));
    const run = await runCli([
      "doctor",
      "--env",
      restricted.envUrl("restricted"),
      "--admin-api",
      restricted.adminApi,
      "--access-token",
      NON_ADMIN_TOKEN,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^Link +no permission: Principal user/m);
    expect(run.stdout).toMatch(/^Admin center +not compared: the signed-in identity may not read/m);
    expect(run.stdout).toMatch(/^Program /m);
  });
});
