/**
 * Dataverse's solution life cycle (issue 23, kind 4), against the hostile test server: a staged upgrade never applied
 * (the holding solution FinOpsLink_Upgrade), Dataverse busy with another customization (0x80071151) for a publish,
 * an import or the upgrade's apply, and what the import job says besides success. `check` and `doctor` name the
 * holding solution. The built program in a child process.
 */
import { dataverse, serve, testJwt, TokenBook, type DataverseState, type Served } from "./support/hostile";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";
import { finOpsLinkZip } from "./support/solutionZips";

jest.setTimeout(90_000);
requireBuiltCli();

const ACCESS = ["--access-token", "life-cycle-access-token"];
const startedServer = closeAfterAll<Served>();

async function environment(overrides: Partial<DataverseState>) {
  const book = new TokenBook();
  book.accepted.add("life-cycle-access-token");
  const state: DataverseState = { book, solution: null, messages: [], ...overrides };
  const server = await startedServer(serve([dataverse(state)]));
  return { state, server };
}

interface ImportReport {
  outcome: string;
  message: string;
  published: boolean;
  notes: string[];
  nextStep: string | null;
}
const reportOf = (run: CliRun) => (JSON.parse(run.stdout) as { environments: ImportReport[] }).environments[0];
const importZip = (server: Served, zip: string, ...more: string[]) =>
  runCli(["import", "--env", server.origin, "--zip", zip, ...ACCESS, "--poll", "1", "--json", ...more]);

describe("a staged upgrade never applied (FinOpsLink_Upgrade)", () => {
  it("of the zip's version: applied with DeleteAndPromoteAsync, no StageAndUpgradeAsync sent; exit 0", async () => {
    const { state, server } = await environment({
      solution: { version: "1.0.0.0", managed: true },
      holding: { version: "1.0.1.0" },
    });
    const run = await importZip(server, finOpsLinkZip("1.0.1.0", true));
    expect(reportOf(run)).toMatchObject({
      outcome: "imported",
      message: "upgraded to FinOpsLink 1.0.1.0 (managed): applied the staged upgrade FinOpsLink_Upgrade",
    });
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["DeleteAndPromoteAsync"]);
    expect(state.solution).toEqual({ version: "1.0.1.0", managed: true });
    expect(state.holding).toBeUndefined();
  });

  it("of another version: refused before any import, with how to apply it and how to remove it (pac); exit 1", async () => {
    const { state, server } = await environment({
      solution: { version: "1.0.0.0", managed: true },
      holding: { version: "1.0.1.0" },
    });
    const run = await importZip(server, finOpsLinkZip("1.0.2.0", true));
    const report = reportOf(run);
    expect(report?.outcome).toBe("refused");
    expect(report?.message).toMatch(
      /^refused: FinOpsLink_Upgrade 1\.0\.1\.0 is staged in this environment \(an upgrade that was never applied\) and the zip is 1\.0\.2\.0 managed; .*FinOpsLink_1\.0\.1\.0_managed\.zip.*pac solution delete --solution-name FinOpsLink_Upgrade --environment http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(report?.nextStep).toMatch(
      /^finops-link import --env http:\/\/127\.0\.0\.1:\d+ --zip \S+FinOpsLink_1\.0\.2\.0_managed\.zip$/,
    );
    expect(run.code).toBe(1);
    expect(state.messages).toEqual([]); // no StageAndUpgradeAsync that Dataverse would fail
  });

  it("the apply itself busy (another [Import]): asked again within --wait, then applied", async () => {
    const { state, server } = await environment({
      solution: { version: "1.0.0.0", managed: true },
      holding: { version: "1.0.1.0" },
      promoteBusy: 1,
    });
    const run = await importZip(server, finOpsLinkZip("1.0.1.0", true));
    expect(reportOf(run)?.outcome).toBe("imported");
    expect(run.stderr).toMatch(
      /Dataverse is busy \(HTTP 400 0x80071151: Cannot start the requested operation \[DeleteAndPromote\]/,
    );
    expect(state.messages).toEqual(["DeleteAndPromoteAsync", "DeleteAndPromoteAsync"]);
  });

  it("check names it: the solution's holding field, the table's FinOps Link column and a pendingUpgrade finding", async () => {
    const { server } = await environment({
      solution: { version: "1.0.0.0", managed: true },
      holding: { version: "1.0.1.0" },
    });
    const json = await runCli(["check", "--env", server.origin, "--no-admin-center", ...ACCESS, "--json"]);
    const document = JSON.parse(json.stdout) as {
      environments: Array<{ solution: unknown; findings: string[] }>;
      findings: Array<{ code: string; severity: string; message: string; nextStep: string }>;
    };
    expect(document.environments[0]?.solution).toEqual({
      installed: true,
      version: "1.0.0.0",
      managed: true,
      holding: { version: "1.0.1.0" },
    });
    expect(document.environments[0]?.findings).toEqual(["pendingUpgrade"]);
    expect(document.findings[0]).toMatchObject({
      code: "pendingUpgrade",
      severity: "warning",
      message: expect.stringMatching(/holds FinOpsLink_Upgrade 1\.0\.1\.0, an upgrade staged and never applied/),
      nextStep: expect.stringMatching(/pac solution delete --solution-name FinOpsLink_Upgrade/),
    });
    expect(json.code).toBe(1);
    const table = await runCli(["check", "--env", server.origin, "--no-admin-center", ...ACCESS]);
    expect(table.stdout).toMatch(/1\.0\.0\.0 managed \(1\.0\.1\.0 staged, not applied\)/);
  });

  it("doctor names it", async () => {
    const { server } = await environment({
      solution: { version: "1.0.0.0", managed: true },
      holding: { version: "1.0.1.0" },
    });
    const run = await runCli(["doctor", "--env", server.origin, "--no-admin-center", ...ACCESS]);
    expect(run.stdout).toMatch(/FinOps Link\s+1\.0\.0\.0 managed \(1\.0\.1\.0 staged, not applied\)/);
    expect(run.stdout).toMatch(/pendingUpgrade: .*FinOpsLink_Upgrade 1\.0\.1\.0/);
  });
});

describe("busy is not broken (0x80071151)", () => {
  it("PublishAllXml busy twice after an unmanaged import: asked again, then published; exit 0", async () => {
    const { state, server } = await environment({ publishBusy: 2 });
    const run = await importZip(server, finOpsLinkZip("1.0.0.0", false), "--unmanaged");
    expect(reportOf(run)).toMatchObject({ outcome: "imported", published: true, nextStep: null });
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["ImportSolutionAsync", "PublishAllXml", "PublishAllXml", "PublishAllXml"]);
    expect(run.stderr).toContain(
      "Dataverse is busy (HTTP 400 0x80071151: Cannot start the requested operation [PublishAll] because there is another [EntityCustomization] running at this moment.)",
    );
  });

  it("PublishAllXml busy for all of --wait: imported, not published, with the command that finishes it; exit 1", async () => {
    const { state, server } = await environment({ publishBusy: Infinity });
    const zip = finOpsLinkZip("1.0.0.0", false);
    const run = await importZip(server, zip, "--unmanaged", "--wait", "2");
    const report = reportOf(run);
    expect(report).toMatchObject({ outcome: "imported", published: false });
    expect(report?.message).toMatch(
      /^imported FinOpsLink 1\.0\.0\.0 \(unmanaged\), not published: Dataverse stayed busy for 2 s \(HTTP 400 0x80071151: .*\); publish with: finops-link import --env http:\/\/127\.0\.0\.1:\d+ --unmanaged --zip /,
    );
    expect(report?.nextStep).toBe(`finops-link import --env ${server.origin} --unmanaged --zip ${zip}`);
    expect(run.code).toBe(1);
    expect(state.solution).toEqual({ version: "1.0.0.0", managed: false });
    // The command it names finishes it once Dataverse is free.
    state.publishBusy = 0;
    const again = await importZip(server, zip, "--unmanaged");
    expect(reportOf(again)).toMatchObject({ outcome: "skipped", published: true });
    expect(again.code).toBe(0);
  });

  it("an import refused while another runs (Cannot start another [Import]): asked again within --wait", async () => {
    const { state, server } = await environment({ importBusy: 1 });
    const run = await importZip(server, finOpsLinkZip("1.0.0.0", true));
    expect(reportOf(run)?.outcome).toBe("imported");
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["ImportSolutionAsync", "ImportSolutionAsync"]);
  });
});

describe("the import job's own result", () => {
  it("warnings of a successful import are in the report (notes and message)", async () => {
    const { server } = await environment({
      jobData:
        '<importexportxml><solutionManifests><solutionManifest><result result="success" errorcode="0" errortext="" /></solutionManifest></solutionManifests><webResources><webResource name="fol_/finopslink/form.js"><result result="warning" errorcode="0x80048028" errortext="The web resource was not published: a newer customization exists." /></webResource></webResources></importexportxml>',
    });
    const run = await importZip(server, finOpsLinkZip("1.0.0.0", true));
    expect(reportOf(run)).toMatchObject({
      outcome: "imported",
      notes: ["warning: fol_/finopslink/form.js: The web resource was not published: a newer customization exists."],
      message:
        "imported FinOpsLink 1.0.0.0 (managed); Dataverse noted 1: warning: fol_/finopslink/form.js: The web resource was not published: a newer customization exists.",
    });
  });
});

describe("moments that pass", () => {
  it("an --access-token that expires during a long import: said as such, the import goes on, the command to follow it", async () => {
    const { server } = await environment({ pollsBeforeDone: 8 });
    const token = testJwt(3);
    const zip = finOpsLinkZip("1.0.0.0", true);
    const run = await runCli([
      "import",
      "--env",
      server.origin,
      "--zip",
      zip,
      "--access-token",
      token,
      "--poll",
      "1",
      "--json",
    ]);
    const report = reportOf(run);
    expect(report?.outcome).toBe("failed");
    expect(report?.message).toMatch(
      /^the access token expired while waiting for the import and could not be renewed \(HTTP 401\); the import goes on in Dataverse: run the same command again/,
    );
    expect(report?.nextStep).toBe(`finops-link import --env ${server.origin} --zip ${zip}`);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(token);
  });
});

describe("moments that pass, while following an import already in progress", () => {
  it("the --access-token expires while the earlier import is followed: said as such, with the command to follow it", async () => {
    const { server } = await environment({
      running: { importJobId: "0f0f0f0f-0000-4000-8000-0000000000aa", pollsLeft: 8, version: "1.0.0.0", managed: true },
    });
    const zip = finOpsLinkZip("1.0.0.0", true);
    const run = await runCli([
      "import",
      "--env",
      server.origin,
      "--zip",
      zip,
      "--access-token",
      testJwt(3),
      "--poll",
      "1",
      "--json",
    ]);
    expect(reportOf(run)).toMatchObject({
      outcome: "failed",
      message: expect.stringMatching(
        /^the access token expired while waiting for the import .*the import goes on in Dataverse/,
      ),
      nextStep: `finops-link import --env ${server.origin} --zip ${zip}`,
    });
  });
});

describe("answers that are not Dataverse's", () => {
  /** A captive portal or a proxy's block page: HTML, 200 or 404, whatever the path. */
  const portal = (status: number) =>
    serve([
      (_exchange, response) => {
        response.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
        response.end(
          "<!DOCTYPE html><html><head><title>Guest Wi-Fi \u2013 accept the terms</title></head><body>Accept</body></html>",
        );
        return true;
      },
    ]);

  it.each([200, 404])(
    "check: a web page with HTTP %s is said as one, not 'invalid answer' or 'not linked'",
    async (status) => {
      const page = await startedServer(portal(status));
      const run = await runCli(["check", "--env", page.origin, "--no-admin-center", ...ACCESS, "--json"]);
      const environment = (
        JSON.parse(run.stdout) as { environments: Array<{ state: string; error: { message: string } | null }> }
      ).environments[0];
      expect(environment?.state).toBe("failed");
      expect(environment?.error?.message).toBe(
        `${new URL(page.origin).host} answered HTTP ${status} with a web page ("Guest Wi-Fi \u2013 accept the terms"), not the service's API: a proxy, a captive portal or a sign-in page answered in its place, or ${new URL(page.origin).host} is not the service's address`,
      );
      expect(run.code).toBe(2);
    },
  );

  it("import: the same words, not a JSON parse error", async () => {
    const page = await startedServer(portal(200));
    const run = await importZip(page, finOpsLinkZip("1.0.0.0", true));
    expect(reportOf(run)?.message).toMatch(/answered HTTP 200 with a web page \("Guest Wi-Fi/);
    expect(run.stdout + run.stderr).not.toMatch(/Unexpected token|not valid JSON/);
  });
});
