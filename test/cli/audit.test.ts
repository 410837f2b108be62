/**
 * `finops-link check` as the admins' link audit (docs/link-audit.md) and `finops-link doctor`: the built program in a
 * child process against the emulated tenant (demo/server/cli/, its default tenant in demo/emulator/tenants.ts) over
 * HTTP on 127.0.0.1.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_TENANT } from "../../demo/emulator/tenants";
import {
  EMULATED_USER,
  EMULATOR_TOKEN,
  NON_ADMIN_TOKEN,
  ORG_VERSION,
  OVER_CAPACITY,
  type CliEmulator,
} from "../../demo/server/cli";
import { expectOneClearLine, requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const TOKEN = ["--access-token", EMULATOR_TOKEN];

const tenant = emulatedTenants();

/**
 * `finops-link check --all --json` over an emulated tenant's admin API and Power Platform API (the tenant's capacity)
 * with the emulator's token, then `more`.
 */
const checkAllJson = (emulator: CliEmulator, ...more: string[]) =>
  runCli([
    "check",
    "--all",
    "--admin-api",
    emulator.adminApi,
    "--power-platform-api",
    emulator.powerPlatformApi,
    ...TOKEN,
    "--json",
    ...more,
  ]);
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

/** Every finding of the default tenant over a tenant over its capacity, in order, with its environments. */
const EVERY_FINDING: Array<[string, string, string[]]> = [
  ["sharedFinOpsEnvironment", "error", ["contoso-test", "contoso-test-copy"]],
  ["tenantMismatch", "error", ["woodgrove"]],
  ["capacityShort", "error", ["adventure-works", "tailspin"]],
  ["setupFailed", "error", ["tailspin"]],
  ["adminCenterMismatch", "warning", ["northwind"]],
  ["pairingMismatch", "warning", ["fabrikam-prod"]],
  ["setupIncomplete", "warning", ["adatum"]],
  ["cloudHostedNotLinked", "warning", ["contoso-onebox"]],
  ["capacityOver", "warning", []],
  ["finOpsStorageOver", "warning", []],
  ["disabled", "info", ["teams-sales"]],
  ["adminMode", "info", ["maintenance"]],
  ["setupInProgress", "info", ["alpine-ski"]],
  ["busy", "info", ["fourth-coffee"]],
  ["notReady", "info", ["provisioning"]],
  ["noDataverse", "info", ["adventure-works"]],
  ["unified", "info", ["litware"]],
];

describe("check --all --parts over the default tenant, over its capacity: every finding once", () => {
  let emulator: CliEmulator;
  let json: CliRun;
  beforeAll(async () => {
    emulator = await tenant(DEFAULT_TENANT, 5, { tenantCapacity: OVER_CAPACITY });
    json = await checkAllJson(emulator, "--parts");
  });

  it("--json: each code once with its severity, the environments involved, words and the next step; exit 2", () => {
    expect(json.code).toBe(2); // one environment without permission could not be checked
    const { findings } = documentOf(json);
    expect(findings.map((f) => [f.code, f.severity, f.environments])).toEqual(EVERY_FINDING);
    for (const f of findings) {
      expect(f.message).toMatch(f.environments.length === 0 ? /^the tenant uses more/ : new RegExp(f.environments[0]));
      expect(f.nextStep.length).toBeGreaterThan(20);
    }
    const said = (code: string) => findings.find((f) => f.code === code)!;
    expect(findings[0].message).toMatch(/contoso-test\.sandbox\.operations\.dynamics\.com/);
    expect(said("unified").message).toMatch(/Dataverse http:\/\/127\.0\.0\.1:\d+, F&O https:\/\/litware\.operations/);
    expect(said("capacityShort").message).toMatch(/1024 MB over \(11\.0 GB used of 10\.0 GB\).*setup will fail until/);
    expect(said("setupFailed").message).toMatch(/LinkedDatabaseFailed.*1024 MB over/);
    expect(said("setupFailed").nextStep).toMatch(/^Fix licensing or capacity.*Resume/);
    expect(said("setupIncomplete").nextStep).toMatch(/Resume/);
    expect(said("cloudHostedNotLinked").message).toMatch(/contosodev42a7\.cloudax\.dynamics\.com/);
    expect(said("cloudHostedNotLinked").nextStep).toMatch(/only while it is deployed/);
    expect(said("capacityOver").message).toMatch(/Database 11\.0 GB of 10\.0 GB, File 20\.5 GB of 20\.0 GB$/);
    expect(said("finOpsStorageOver").message).toMatch(/FinOpsDatabase 51\.8 GB of 50\.0 GB$/);
    expect(documentOf(json).summary).toMatchObject({
      total: 19,
      linked: 8,
      notLinked: 3,
      notChecked: 5,
      noDataverse: 2,
      forbidden: 1,
      findings: { error: 4, warning: 6, info: 7 },
    });
  });

  it("--json carries the tenant's capacity per type (free = total − actual) and each environment's database use, parts and erpUrl", () => {
    const document = documentOf(json) as Document & { capacity: Record<string, unknown> };
    expect(document.capacity).toMatchObject({
      checked: true,
      capacities: expect.arrayContaining([
        { type: "Database", totalMB: 10_240, actualMB: 11_264, freeMB: -1_024, status: "Overage" },
        { type: "Log", totalMB: 10_240, actualMB: 1_024, freeMB: 9_216, status: "Available" },
        { type: "FinOpsFile", totalMB: 102_400, actualMB: 10_240, freeMB: 92_160, status: "Available" },
      ]),
    });
    const byName = (name: string) => document.environments.find((e) => e.name === name)!;
    expect(byName("contoso-prod")).toMatchObject({
      erpUrl: "https://contoso-prod.operations.dynamics.com",
      adminCenter: {
        provisioningState: "Succeeded",
        managementState: "Ready",
        capacity: expect.arrayContaining([
          { type: "Database", actual: 4300, unit: "MB", updatedOn: expect.any(String) },
        ]),
      },
      parts: {
        virtualTables: [
          { uniqueName: "MicrosoftOperationsVESupport", installed: true, version: "9.0.2.1" },
          { uniqueName: "MicrosoftOperationsERPCatalog", installed: true, version: "1.0.0.14" },
        ],
        dualWrite: { installed: true },
        csp: { mode: "enforced" },
      },
    });
    expect(byName("contoso-dev")).toMatchObject({ erpUrl: null, parts: { csp: { mode: "strict" } } });
    expect(byName("contoso-test")).toMatchObject({
      parts: {
        virtualTables: [
          { uniqueName: "MicrosoftOperationsVESupport", installed: false, version: null },
          { uniqueName: "MicrosoftOperationsERPCatalog", installed: false, version: null },
        ],
        dualWrite: { installed: false },
        csp: { mode: "reportOnly" },
      },
    });
    expect(byName("fabrikam-prod")).toMatchObject({ parts: { csp: { mode: "off" } } });
    expect(byName("teams-sales")).toMatchObject({ parts: null });
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
    expect(byName("alpine-ski")).toMatchObject({ state: "notChecked", findings: ["setupInProgress"] });
    expect(byName("fourth-coffee")).toMatchObject({ state: "notChecked", findings: ["busy"] });
    expect(byName("tailspin")).toMatchObject({ state: "noDataverse", findings: ["capacityShort", "setupFailed"] });
    for (const name of ["teams-sales", "maintenance", "provisioning", "alpine-ski", "fourth-coffee"])
      expect(requestsTo(emulator, name)).toBe(0);
  });

  const PP = () => ["--power-platform-api", emulator.powerPlatformApi, "--parts"];

  it("the table: one line per environment, then the findings with their next steps, the capacity and the parts", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...PP(), ...TOKEN]);
    expect(run.code).toBe(2);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^Environment\s+State\s+F&O environment\s+FinOps Link\s+Time\s+Findings$/,
    );
    const rows = tableRows(run.stdout);
    expect(rows).toHaveLength(19);
    expect(rows.find((r) => r.startsWith("contoso-test-copy "))).toMatch(
      /linked\s+contoso-test\.sandbox\.operations\.dynamics\.com\s+0\.9\.0\.0 managed\s+\d\.\d s\s+sharedFinOpsEnvironment$/,
    );
    expect(rows.find((r) => r.startsWith("teams-sales "))).toMatch(/not checked\s+disabled$/);
    expect(run.stdout).toMatch(/^ {2}error {3}sharedFinOpsEnvironment: contoso-test, contoso-test-copy answer/m);
    expect(run.stdout).toMatch(/^ {10}next: The link is one to one/m);
    // Every finding once, with its severity, and its next step on the line after it.
    const lines = run.stdout.split("\n");
    for (const [code, severity] of EVERY_FINDING) {
      const at = lines.findIndex((l) => new RegExp(`^ {2}${severity} +${code}: `).test(l));
      expect(at).toBeGreaterThan(0);
      expect(lines.filter((l) => new RegExp(`^ {2}\\w+ +${code}: `).test(l))).toHaveLength(1);
      expect(lines[at + 1]).toMatch(/^ {10}next: \S/);
    }
    expect(run.stdout).toMatch(/^ {2}restricted: Principal user .* is missing prvReadOrganization privilege/m);
    expect(run.stdout).toMatch(
      /^Tenant capacity: Database 1024 MB over of 10\.0 GB, File 520 MB over of 20\.0 GB, Log 9216 MB free of 10\.0 GB, FinOpsDatabase 1800 MB over of 50\.0 GB, FinOpsFile 90\.0 GB free of 100\.0 GB$/m,
    );
    expect(run.stdout).not.toMatch(/4300 MB/); // each environment's database use: --json, --csv, --md, --html
    expect(run.stdout).toMatch(
      /^ {2}contoso-prod: virtual tables 9\.0\.2\.1, ERP catalog 1\.0\.0\.14; dual-write; CSP enforced$/m,
    );
    expect(run.stdout).toMatch(/^ {2}contoso-test: .*; no dual-write; CSP report-only$/m);
    expect(run.stdout).toMatch(/^ {2}contoso-dev: .*; CSP strict$/m);
    expect(run.stdout).toMatch(
      /^19 environments: 8 linked, 3 not linked, 1 no permission, 2 no Dataverse, 5 not checked; findings: 4 errors, 6 warnings, 7 info(; 1 request retried after 429\/503)?$/m,
    );
  });

  it("--md: a Markdown table and the findings, for a ticket or a wiki", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...PP(), ...TOKEN, "--md"]);
    expect(run.code).toBe(2);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("## FinOps Link: link audit");
    expect(lines[2]).toMatch(
      /^\| Environment +\| Dataverse +\| State +\| F&O environment +\| FinOps Link +\| Findings +\|$/,
    );
    expect(lines.filter((l) => l.startsWith("| "))).toHaveLength(2 + 19); // the header, its rule, one row each
    expect(run.stdout).toMatch(/^- \*\*error\*\* `sharedFinOpsEnvironment`: contoso-test, contoso-test-copy/m);
    for (const [code, severity] of EVERY_FINDING) {
      const at = lines.findIndex((l) => l.startsWith(`- **${severity}** \`${code}\`: `));
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^ {2}Next: \S/);
    }
    expect(run.stdout).toMatch(/^- Tenant capacity: Database 1024 MB over of 10\.0 GB, /m);
    expect(run.stdout).toMatch(
      /^- contoso-prod: database 4300 MB; virtual tables 9\.0\.2\.1, ERP catalog 1\.0\.0\.14; dual-write; CSP enforced$/m,
    );
    expect(run.stdout).toMatch(/^- tailspin: database 0 MB$/m);
  });

  it("--csv: each environment's database use, the tenant's free capacity per type and the parts; the finding codes", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...PP(), ...TOKEN, "--csv"]);
    expect(run.code).toBe(2);
    const [head, ...rows] = run.stdout.split("\r\n").filter((l) => l !== "");
    expect(head).toMatch(
      /,findings,databaseMB,tenantDatabaseFreeMB,tenantFileFreeMB,tenantLogFreeMB,tenantFindings,parts$/,
    );
    expect(rows).toHaveLength(19);
    expect(rows.find((r) => r.startsWith("contoso-prod,"))).toMatch(
      /,4300,-1024,-520,9216,capacityOver;finOpsStorageOver,"virtual tables 9\.0\.2\.1, ERP catalog 1\.0\.0\.14; dual-write; CSP enforced"$/,
    );
    expect(rows.find((r) => r.startsWith("tailspin,"))).toMatch(
      /,capacityShort;setupFailed,0,-1024,-520,9216,capacityOver;finOpsStorageOver,$/,
    );
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
      "adventure-works",
      "tailspin",
      "adatum",
      "contoso-onebox",
    ]);
    expect(await only("failed")).toEqual(["restricted"]);
    expect(await only("notLinked")).toEqual(["contoso-dev", "adatum", "contoso-onebox"]);
    expect(await only("linked")).toHaveLength(8);

    const fresh = await tenant(DEFAULT_TENANT, 5); // a tenant with room: no capacity finding
    const named = await checkAllJson(fresh, "--name", "contoso-*");
    expect(named.code).toBe(1); // contoso-test and its copy share an F&O environment: found, not "could not check"
    expect(documentOf(named).environments.map((e) => e.name)).toEqual([
      "contoso-prod",
      "contoso-test",
      "contoso-test-copy",
      "contoso-dev",
      "contoso-onebox",
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
      "info findings only: disabled, admin mode, setup in progress, busy, not ready, no Dataverse, unified",
      [
        "contoso-prod",
        "teams-sales",
        "maintenance",
        "alpine-ski",
        "fourth-coffee",
        "provisioning",
        "adventure-works",
        "litware",
      ],
    ],
    [1, "not linked", ["contoso-prod", "contoso-dev"]],
    [1, "a warning: production linked to a sandbox", ["contoso-prod", "fabrikam-prod"]],
    [1, "a warning: the admin center names another F&O environment", ["contoso-prod", "northwind"]],
    [1, "an error: two environments share an F&O environment", ["contoso-test", "contoso-test-copy"]],
    [1, "an error: cross-tenant", ["woodgrove"]],
    [1, "an error: a setup failed", ["contoso-prod", "tailspin"]],
    [2, "an environment could not be checked", ["contoso-prod", "restricted"]],
  ])("%i: %s", async (code, _, names) => {
    const emulator = await tenant(pick(...names));
    const run = await checkAllJson(emulator);
    expect(run.code).toBe(code);
  });

  it("--fail-on sets the lowest severity that makes 1; not linked is always 1; could not check is always 2", async () => {
    const warned = await tenant(pick("contoso-prod", "fabrikam-prod"));
    expect((await checkAllJson(warned, "--fail-on", "error")).code).toBe(0);
    expect((await checkAllJson(warned, "--fail-on", "warning")).code).toBe(1);
    const informed = await tenant(pick("contoso-prod", "litware"));
    expect((await checkAllJson(informed)).code).toBe(0);
    expect((await checkAllJson(informed, "--fail-on", "info")).code).toBe(1);
    const erred = await tenant(pick("woodgrove"));
    expect((await checkAllJson(erred, "--fail-on", "error")).code).toBe(1);
    const notLinked = await tenant(pick("contoso-dev"));
    expect((await checkAllJson(notLinked, "--fail-on", "error")).code).toBe(1);
    const failed = await tenant(pick("woodgrove", "restricted"));
    expect((await checkAllJson(failed, "--fail-on", "error")).code).toBe(2);
    const doctor = await runCli([
      "doctor",
      "--env",
      warned.envUrl("fabrikam-prod"),
      "--admin-api",
      warned.adminApi,
      ...TOKEN,
      "--fail-on",
      "error",
    ]);
    expect(doctor.code).toBe(0);
  });

  it.each([
    [["check", "--env", "contoso", "--json", "--md"], /choose one of --json, --csv and --md/],
    [["check", "--env", "contoso", "--only", "everything"], /--only.*everything/],
    [["check", "--env", "https://a:b@contoso.crm.dynamics.com/main.aspx"], /no user name or password/],
    [["doctor"], /exactly one --env/],
    [["doctor", "--env", "a", "--env", "b"], /exactly one --env/],
    [["check", "--env", "contoso", "--fail-on", "fatal"], /--fail-on.*fatal/],
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
    expect(out).toMatch(
      /^Forms +Account \(account\): control, form script; record link reads mserp_custcustomerv3entity \(exists\)$/m,
    );
    expect(out).toMatch(/^Parts +virtual tables 9\.0\.2\.1, ERP catalog 1\.0\.0\.14; dual-write; CSP enforced$/m);
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
