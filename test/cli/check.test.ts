/**
 * `finops-link check` as an admin runs it: the built program in a child process against the emulated tenant over
 * HTTP on 127.0.0.1 (demo/server/cli/), nothing else reachable.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentSpec } from "../../demo/emulator/environments";
import { finOpsOf } from "../../demo/emulator/tenants";
import { LINKED_EXTRA, TENANT } from "../fixtures/dataverse";
import { EMULATOR_TOKEN, EXPIRED_TOKEN, NON_ADMIN_TOKEN, type CliEmulator } from "../../demo/server/cli";
import { expectOneClearLine, requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(60_000);
requireBuiltCli();

const TOKEN = ["--access-token", EMULATOR_TOKEN];

const tenant = emulatedTenants();

/** `finops-link check --all --json` over an emulated tenant's admin API with the emulator's token, then `more`. */
const checkAllJson = (emulator: CliEmulator, ...more: string[]) =>
  runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN, "--json", ...more]);

interface Document {
  environments: Array<Record<string, unknown> & { name: string; state: string; elapsedMs: number }>;
  summary: Record<string, number>;
}

/** stdout must be the document and nothing else. */
function documentOf(run: CliRun): Document {
  return JSON.parse(run.stdout) as Document;
}

const byName = (document: Document, name: string) => document.environments.find((e) => e.name === name)!;

describe("which environments", () => {
  it("--env: the JSON document holds the link, its extra fields, the solution row and the time; exit 0 when all are linked", async () => {
    const emulator = await tenant([{ name: "prod", link: "linked", solution: { version: "1.0.0.0", managed: true } }]);
    const url = emulator.envUrl("prod");
    const run = await runCli(["check", "--env", url, "--admin-api", emulator.adminApi, ...TOKEN, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const document = documentOf(run);
    const fno = finOpsOf({ name: "prod", link: "linked" });
    expect(document).toEqual({
      environments: [
        {
          url,
          name: "prod", // the admin center's display name for the URL (the host when it is not compared)
          adminCenter: {
            compared: true,
            environmentId: "prod",
            sku: "Production",
            tenantId: TENANT,
            runtimeState: "Enabled",
            instanceState: "Ready",
            linkedApp: { type: "Linked", id: fno.Id, url: fno.Url },
            provisioningState: "Succeeded",
            managementState: "Ready",
            capacity: [
              { type: "Database", actual: 1536, unit: "MB", updatedOn: "2026-12-07T06:00:00Z" },
              { type: "File", actual: 512, unit: "MB", updatedOn: "2026-12-07T06:00:00Z" },
              { type: "Log", actual: 64, unit: "MB", updatedOn: "2026-12-07T06:00:00Z" },
            ],
          },
          state: "linked",
          financeAndOperations: {
            url: fno.Url,
            tenantId: TENANT,
            environmentId: fno.Id,
            extra: { ...LINKED_EXTRA },
          },
          erpUrl: fno.Url, // Microsoft's Dataverse CLI's name for the linked F&O URL (pac org who --json)
          solution: { installed: true, version: "1.0.0.0", managed: true, holding: null }, // holding: a staged upgrade (test/cli/lifeCycle.test.ts)
          error: null,
          answer: { status: 200, serviceRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/), ms: expect.any(Number) },
          parts: null,
          findings: [],
          elapsedMs: expect.any(Number),
        },
      ],
      findings: [],
      summary: {
        total: 1,
        linked: 1,
        notLinked: 0,
        unauthorized: 0,
        forbidden: 0,
        offline: 0,
        invalid: 0,
        failed: 0,
        noDataverse: 0,
        notChecked: 0,
        retried: 0,
        findings: { error: 0, warning: 0, info: 0 },
      },
    });
  });

  it("exit 1 when some are not linked and none failed; exit 2 as soon as one could not be checked", async () => {
    const emulator = await tenant([
      { name: "a", link: "linked" },
      { name: "b", link: "notLinked", solution: null },
      { name: "c", link: "forbidden" },
    ]);
    const ab = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("a"),
      "--env",
      emulator.envUrl("b"),
      ...TOKEN,
      "--json",
    ]);
    expect(ab.code).toBe(1);
    expect(documentOf(ab).environments.map((e) => e.state)).toEqual(["linked", "notLinked"]);
    // Not compared with the admin center: each row is named by its host.
    expect(documentOf(ab).environments.map((e) => e.name)).toEqual(
      ["a", "b"].map((name) => new URL(emulator.envUrl(name)).host),
    );
    expect(documentOf(ab).environments[1]).toMatchObject({ solution: { installed: false }, error: null });

    const abc = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("a"),
      "--env",
      emulator.envUrl("b"),
      "--env",
      emulator.envUrl("c"),
      ...TOKEN,
      "--json",
    ]);
    expect(abc.code).toBe(2);
    expect(documentOf(abc).environments[2]).toMatchObject({
      state: "forbidden",
      financeAndOperations: null,
      error: { code: "0x80040220", message: expect.stringMatching(/missing prvReadOrganization privilege/) },
    });
  });

  it("--env-file: one URL per line, # comments and blank lines skipped, the same URL checked once", async () => {
    const emulator = await tenant([
      { name: "a", link: "linked" },
      { name: "b", link: "linked" },
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "finops-cli-")), "envs.txt");
    writeFileSync(
      file,
      `# our tenant\n${emulator.envUrl("a")}   # production\n\n  ${emulator.envUrl("b")}/\n${emulator.envUrl("a")}\n`,
    );
    const run = await runCli(["check", "--env-file", file, "--admin-api", emulator.adminApi, ...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(documentOf(run).environments.map((e) => e.url)).toEqual([emulator.envUrl("a"), emulator.envUrl("b")]);
  });

  it("--all: every environment of the admin API, following nextLink page by page; one without Dataverse is listed, not checked", async () => {
    const specs: EnvironmentSpec[] = Array.from({ length: 6 }, (_, i) => ({
      name: `env-${i}`,
      link: "linked" as const,
    }));
    specs.push({ name: "teams-only", link: "linked", withoutDataverse: true });
    const emulator = await tenant(specs, 2);
    const run = await checkAllJson(emulator);
    expect(run.code).toBe(0);
    const document = documentOf(run);
    expect(document.environments.map((e) => e.name)).toEqual([...specs.map((s) => s.name)]);
    expect(byName(document, "teams-only")).toMatchObject({
      url: null,
      name: "teams-only",
      state: "noDataverse",
      financeAndOperations: null,
      solution: null,
      error: null,
      answer: null,
      adminCenter: { compared: true, sku: "Teams" },
      findings: ["noDataverse"], // the admin center shows an F&O link for it
      elapsedMs: 0,
    });
    expect(document.summary).toMatchObject({ total: 7, linked: 6, noDataverse: 1 });
    expect(emulator.stats().adminPages).toBe(4);
    // The teams-only environment got no request: it has no Dataverse to ask.
    expect(emulator.stats().environments.find((e) => e.name === "teams-only")?.requests).toBe(0);
  });
});

describe("output", () => {
  it("a table on the terminal: one line per environment with the F&O host and the solution, and a summary line", async () => {
    const emulator = await tenant([
      { name: "prod", link: "linked", solution: { version: "1.0.0.0", managed: true } },
      { name: "dev", link: "notLinked", solution: { version: "0.9.0.0", managed: false } },
    ]);
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[1]).toMatch(/^prod +linked +prod\.operations\.dynamics\.com +1\.0\.0\.0 managed +\d\.\d s$/);
    expect(lines[2]).toMatch(/^dev +not linked +0\.9\.0\.0 unmanaged +\d\.\d s$/);
    expect(lines[3]).toBe("");
    expect(run.stdout).toMatch(/^2 environments: 1 linked, 1 not linked$/m);
  });

  it("--csv: a header and one RFC 4180 line per environment, on stdout only", async () => {
    const emulator = await tenant([
      { name: "a", link: "linked", solution: { version: "1.0.0.0", managed: true } },
      { name: "b", link: "forbidden" },
    ]);
    const run = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("a"),
      "--env",
      emulator.envUrl("b"),
      ...TOKEN,
      "--csv",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    expect(run.stdout.startsWith("\ufeff")).toBe(true); // Excel's cue that it is UTF-8 (test/cli/machineOutput.test.ts)
    const lines = run.stdout.slice(1).split("\r\n");
    const fno = finOpsOf({ name: "a", link: "linked" });
    expect(lines[0]).toBe(
      "name,url,state,fnoUrl,tenantId,environmentId,solutionInstalled,solutionVersion,solutionManaged,errorCode,errorStatus,errorMessage,elapsedMs,sku,runtimeState,adminCenterFnoId,findings,databaseMB,tenantDatabaseFreeMB,tenantFileFreeMB,tenantLogFreeMB,tenantFindings,parts",
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^[^,]+,${emulator.envUrl("a")},linked,${fno.Url},${fno.TenantId},${fno.Id},true,1\\.0\\.0\\.0,true,,,,\\d+,,,,,,,,,,$`,
      ),
    );
    // The server's message has commas: quoted.
    expect(lines[2]).toMatch(
      /,forbidden,,,,false,,,0x80040220,,"Principal user \(Id=[^"]+, type=8, [^"]+",\d+,,,,,,,,,,$/,
    );
    expect(lines[3]).toBe("");
  });

  it("--progress draws on stderr while stdout stays the document", async () => {
    const emulator = await tenant(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, link: "linked" as const })));
    const run = await checkAllJson(emulator, "--progress");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/checking \[[^\]]*\] \d\/5/);
    expect(documentOf(run).summary.total).toBe(5);
  });
});

describe("scale and service protection", () => {
  it("--concurrency bounds the sockets open at once (measured by the emulator); the default is 8", async () => {
    const specs = Array.from({ length: 24 }, (_, i) => ({ name: `slow-${i}`, link: "linked" as const, delayMs: 150 }));
    const three = await tenant(specs);
    const run3 = await checkAllJson(three, "--concurrency", "3");
    expect(run3.code).toBe(0);
    // An environment's two reads go out together, one connection each, closed before the next environment starts;
    // the admin API's client stays open while later pages are read (the page size is 3 here) and may open a second
    // socket for its next page while the first is let go: so the emulator never has more than 3 × 2 + 2 open. It
    // counts a socket as open until it reads the client's FIN (not until its own close, which a loaded event loop
    // runs later than the next accept), and each environment has its own port, so that FIN is read before the next
    // connection is accepted. No clock is involved: a slow machine cannot make a correct run fail, or a pile-up of
    // idle sockets pass.
    expect(three.stats().connections).toBeLessThanOrEqual(24 * 2 + 8); // the admin API's: one per page at most
    expect(three.stats().peakSockets).toBeLessThanOrEqual(3 * 2 + 2);
    expect(three.stats().peakInFlight).toBeLessThanOrEqual(3 * 2);
    expect(three.stats().peakInFlight).toBeGreaterThanOrEqual(3); // it did run in parallel

    const eight = await tenant(specs);
    const run8 = await checkAllJson(eight);
    expect(run8.code).toBe(0);
    expect(eight.stats().connections).toBeLessThanOrEqual(24 * 2 + 8);
    expect(eight.stats().peakSockets).toBeLessThanOrEqual(8 * 2 + 2);
    expect(eight.stats().peakInFlight).toBeLessThanOrEqual(8 * 2);
    expect(eight.stats().peakInFlight).toBeGreaterThan(3 * 2);
    expect(eight.stats().peakSockets).toBeGreaterThan(3 * 2 + 1);
  });

  it("429 and 503 with Retry-After are retried after the time asked, and counted", async () => {
    const emulator = await tenant([
      // Both reads of an environment go out together: each round of two is throttled until the throttle is used up.
      { name: "t429", link: "linked", throttle: { status: 429, times: 4, retryAfterSeconds: 1 } },
      { name: "t503", link: "linked", throttle: { status: 503, times: 1, retryAfterSeconds: 1 } },
    ]);
    const run = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("t429"),
      "--env",
      emulator.envUrl("t503"),
      ...TOKEN,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const document = documentOf(run);
    expect(document.environments.map((e) => e.state)).toEqual(["linked", "linked"]);
    expect(document.environments[0].elapsedMs).toBeGreaterThanOrEqual(2000); // waited 1 s twice
    expect(document.environments[1].elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(document.summary.retried).toBe(5);
    expect(emulator.stats().throttled).toBe(5);
  });

  it("retries are bounded by --retries: a throttle that does not end becomes a failure with HTTP 429, each read of the round trip bounded alike", async () => {
    const emulator = await tenant([
      { name: "t", link: "linked", throttle: { status: 429, times: 100, retryAfterSeconds: 0 } },
    ]);
    const run = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("t"),
      ...TOKEN,
      "--json",
      "--retries",
      "2",
    ]);
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: { code: "0x80072322", status: 429, message: expect.stringMatching(/Number of requests exceeded/) },
    });
    // The link and the solutions row, sent together: 1 + 2 retries each.
    expect(emulator.stats().environments[0].requests).toBe(6);
  });

  it("--timeout per request: a hanging environment fails alone while the others finish", async () => {
    const emulator = await tenant([
      { name: "hang", link: "hang" },
      { name: "ok1", link: "linked" },
      { name: "ok2", link: "linked" },
    ]);
    const run = await checkAllJson(emulator, "--timeout", "1.5", "--concurrency", "2");
    expect(run.code).toBe(2);
    const document = documentOf(run);
    expect(byName(document, "hang")).toMatchObject({
      state: "failed",
      error: { code: null, status: null, message: "no answer within 1.5 s (--timeout)" },
    });
    expect(byName(document, "hang").elapsedMs).toBeGreaterThanOrEqual(1500);
    expect(byName(document, "hang").elapsedMs).toBeLessThan(3000); // the solutions row is not asked after a timeout
    expect(byName(document, "ok1").state).toBe("linked");
    expect(byName(document, "ok2").state).toBe("linked");
    expect(byName(document, "ok1").elapsedMs).toBeLessThan(1500);
    expect(byName(document, "ok2").elapsedMs).toBeLessThan(1500);
  });

  it("an environment that refuses the connection is unreachable, with the cause", async () => {
    const emulator = await tenant([{ name: "a", link: "linked" }]);
    const closedPort = emulator.envUrl("a");
    await emulator.close();
    const run = await runCli(["check", "--no-admin-center", "--env", closedPort, ...TOKEN, "--json"]);
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "offline",
      error: {
        message: `${new URL(closedPort).host} refused the connection (ECONNREFUSED): nothing listens there, or a firewall rejects it`,
      },
    });
  });
});

describe("sovereign clouds", () => {
  it("clouds --json lists each cloud's sign-in host, admin API and Dataverse domain", async () => {
    const run = await runCli(["clouds", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      public: {
        authority: "https://login.microsoftonline.com",
        adminApi: "https://api.bap.microsoft.com",
        dataverseDomain: "crm.dynamics.com",
      },
      usgov: {
        adminApi: "https://gov.api.bap.microsoft.us",
        powerPlatformApi: "https://api.gov.powerplatform.microsoft.us",
        dataverseDomain: "crm9.dynamics.com",
      },
      usgovhigh: { authority: "https://login.microsoftonline.us", dataverseDomain: "crm.microsoftdynamics.us" },
      dod: { authority: "https://login.microsoftonline.us", dataverseDomain: "crm.appsplatform.us" },
      china: { authority: "https://login.chinacloudapi.cn", dataverseDomain: "crm.dynamics.cn" },
    });
  });

  it.each([
    ["usgov", "https://contoso.crm9.dynamics.com", "https://gov.service.powerapps.us/"],
    ["china", "https://contoso.crm.dynamics.cn", "https://service.powerapps.cn/"],
    ["dod", "https://contoso.crm.appsplatform.us", "https://service.apps.appsplatform.us/"],
  ])(
    "--cloud %s: a bare name lives in the cloud's Dataverse domain; --all asks the cloud's admin resource",
    async (cloud, envUrl, adminResource) => {
      // The token command records what it was asked for and refuses, so nothing is ever sent off the machine.
      const dir = mkdtempSync(join(tmpdir(), "finops-cloud-"));
      const log = join(dir, "resources.txt");
      const command = `echo {resource} >> ${log}; exit 3`;
      const one = await runCli(["check", "--cloud", cloud, "--env", "contoso", "--token-command", command, "--json"]);
      expect(one.code).toBe(2);
      expect(documentOf(one).environments[0]).toMatchObject({
        url: envUrl,
        state: "unauthorized",
        error: { message: `--token-command exited with code 3 for ${envUrl}` },
      });
      const all = await runCli(["check", "--cloud", cloud, "--all", "--token-command", command]);
      expect(all.code).toBe(2);
      expectOneClearLine(
        all,
        new RegExp(`cannot sign in to the admin API: --token-command exited with code 3 for ${adminResource}`),
      );
      const doctor = await runCli([
        "doctor",
        "--cloud",
        cloud,
        "--env",
        "contoso",
        "--token-command",
        command,
        "--json",
      ]);
      expect(doctor.code).toBe(2);
      const { readFileSync } = await import("node:fs");
      // --env asks for the environment's token, then the admin API's for the admin center's view; --all for the list;
      // doctor as --env. A sign-in that failed is that environment's answer: never asked a second time in the run.
      expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
        envUrl,
        adminResource,
        adminResource,
        envUrl,
        adminResource,
      ]);
    },
  );
});

describe("bad input: one clear line, the right exit code, no stack trace", () => {
  let emulator: CliEmulator;
  beforeAll(async () => {
    emulator = await tenant([{ name: "a", link: "linked" }]);
  });

  it.each([
    [["check", "--bogus"], /unknown option '--bogus'/],
    [["check", "--env", "http://contoso.crm.dynamics.com"], /is not https: plain http is accepted only for loopback/],
    [["check", "--env", "ftp://contoso.crm.dynamics.com"], /is not https/],
    [["check", "--env", "https://user:pw@contoso.crm.dynamics.com"], /carries no user name or password/],
    [["check"], /say which environments/],
    [["check", "--all", "--env", "contoso"], /--all checks every environment/],
    [["check", "--env", "contoso", "--json", "--csv"], /choose one of --json, --csv and --md/],
    [["check", "--env", "contoso", "--concurrency", "0"], /--concurrency.*whole number from 1 to 64/],
    [["check", "--env", "contoso", "--timeout", "-1"], /--timeout.*seconds above 0/],
    [["check", "--env", "contoso", "--cloud", "mars"], /--cloud.*mars/],
    // --env-list: Node 20 itself reads a missing --env-file argument and exits 9 before the program starts.
    [["check", "--env-list", "/no/such/file"], /cannot read the env file \/no\/such\/file \(ENOENT\)/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("%j -> 64", async (args, pattern) => {
    const run = await runCli([...args, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, pattern);
    expect(run.stderr).toMatch(/^Usage: finops-link /m);
    expect(run.stdout).toBe("");
  });

  it("an env file with a junk line names the file and the line -> 64", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "finops-cli-")), "envs.txt");
    writeFileSync(file, `${emulator.envUrl("a")}\n# fine\nnot a url at all\n`);
    const run = await runCli(["check", "--env-file", file, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, new RegExp(`${file}:3: "not a url at all" is not an environment URL`));
  });

  it("no sign-in given in a pipeline -> 64 (instead of waiting for a device code nobody sees)", async () => {
    const run = await runCli(["check", "--no-admin-center", "--env", emulator.envUrl("a")]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /no sign-in given/);
  });

  it("an expired token: each environment says so, and one line on stderr -> 2", async () => {
    const run = await runCli([
      "check",
      "--no-admin-center",
      "--env",
      emulator.envUrl("a"),
      "--access-token",
      EXPIRED_TOKEN,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^\S+ +sign-in refused +\? +\d\.\d s$/m);
    expect(run.stdout).toMatch(/^ {2}\S+: The access token has expired\.$/m);
    expect(run.stderr).toBe(
      "Some environments refused the sign-in: the token may have expired or be for another tenant.\n",
    );
    expect(run.stdout + run.stderr).not.toContain(EXPIRED_TOKEN);
  });

  it("--all with an expired token -> one line, 2", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, "--access-token", EXPIRED_TOKEN]);
    expect(run.code).toBe(2);
    expectOneClearLine(run, /the admin API refused the sign-in \(HTTP 401\): The access token has expired\./);
    expect(run.stdout).toBe("");
  });

  it("--all for a user without admin rights -> one line, 2", async () => {
    const run = await runCli(["check", "--all", "--admin-api", emulator.adminApi, "--access-token", NON_ADMIN_TOKEN]);
    expect(run.code).toBe(2);
    expectOneClearLine(
      run,
      /--all needs a Power Platform or Dynamics 365 administrator: the admin API answered HTTP 403 Forbidden/,
    );
  });

  it("--admin-api over plain http outside loopback -> 64", async () => {
    const run = await runCli(["check", "--all", "--admin-api", "http://api.bap.example.com", ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /is not https/);
  });
});
