/**
 * Slightly-off inputs, one rule everywhere (issue 23, kind 8): the built program in a child process against hostile
 * servers on 127.0.0.1 whose admin list, Dataverse rows and zips carry what real ones sometimes do.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { adminList, dataverse, finOpsLinkOf, serve, TokenBook, type Served } from "./support/hostile";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";

jest.setTimeout(60_000);
requireBuiltCli();

const ACCESS_TOKEN = "slightly-off-access-token";
const started = closeAfterAll<Served>();
const book = new TokenBook();
book.accepted.add(ACCESS_TOKEN);

interface Document {
  environments: Array<{ name: string; url: string | null; state: string; error: { message: string } | null }>;
}
const documentOf = (run: CliRun) => JSON.parse(run.stdout) as Document;

describe("the admin list's instanceUrl", () => {
  it('"   " and "https://" name no Dataverse, as "" and a missing field do: not a failed environment, not exit 2', async () => {
    const finOps = finOpsLinkOf("contoso");
    const contoso = await started(serve([dataverse({ book, solution: null, messages: [], finOps })]));
    const admin = await started(
      serve([
        adminList(
          [
            { name: "contoso", instanceUrl: contoso.origin, finOps },
            { name: "blank", instanceUrl: null, rawInstanceUrl: "   " },
            { name: "scheme", instanceUrl: null, rawInstanceUrl: "https://" },
            { name: "empty", instanceUrl: null, rawInstanceUrl: "" },
            { name: "bom", instanceUrl: null, rawInstanceUrl: "\ufeff\u200b" },
            { name: "absent", instanceUrl: null },
          ],
          { book, pageSize: 10 },
        ),
      ]),
    );
    const run = await runCli([
      ...["check", "--all", "--admin-api", `${admin.origin}/bap`],
      ...["--access-token", ACCESS_TOKEN, "--json"],
    ]);
    expect(documentOf(run).environments.map((e) => [e.name, e.state, e.url])).toEqual([
      ["contoso", "linked", contoso.origin],
      ["blank", "noDataverse", null],
      ["scheme", "noDataverse", null],
      ["empty", "noDataverse", null],
      ["bom", "noDataverse", null],
      ["absent", "noDataverse", null],
    ]);
    expect(run.code).toBe(0);
  });

  it("an instanceUrl with spaces, upper case and the root's trailing dot is the environment --env names", async () => {
    const finOps = finOpsLinkOf("dotted");
    const dotted = await started(serve([dataverse({ book, solution: null, messages: [], finOps })]));
    const port = new URL(dotted.origin).port;
    const admin = await started(
      serve([
        adminList([{ name: "dotted", instanceUrl: null, rawInstanceUrl: ` HTTP://LocalHost.:${port}/ `, finOps }], {
          book,
          pageSize: 10,
        }),
      ]),
    );
    // --env with the same slightly-off spelling: one environment, compared with the admin center's view.
    const run = await runCli([
      ...["check", "--env", `\u200bhttp://LOCALHOST.:${port}`, "--env", `http://localhost:${port}/`],
      ...["--admin-api", `${admin.origin}/bap`, "--access-token", ACCESS_TOKEN, "--json"],
    ]);
    expect(run.code).toBe(0);
    const environments = documentOf(run).environments;
    expect(environments.map((e) => [e.name, e.url, e.state])).toEqual([
      ["dotted", `http://localhost:${port}`, "linked"],
    ]);
  });
});

describe("versions and zips", () => {
  const folder = mkdtempSync(join(tmpdir(), "finops-off-"));
  /** A managed FinOpsLink zip whose solution.xml entry is named `entry` and says `<Version>version</Version>`. */
  const zipWith = (file: string, entry: string, version: string, bom = false) => {
    const xml = `${bom ? "\ufeff" : ""}<?xml version="1.0" encoding="utf-8"?><ImportExportXml><SolutionManifest><UniqueName>FinOpsLink</UniqueName><Version> ${version} </Version><Managed>1</Managed></SolutionManifest></ImportExportXml>`;
    const path = join(folder, file);
    writeFileSync(path, zipSync({ [entry]: strToU8(xml), "customizations.xml": strToU8("<ImportExportXml/>") }));
    return path;
  };

  it.each([
    ["a version written 1.0.1 (three parts) against 1.0.1.0 installed", "solution.xml", "1.0.1", false],
    ["an entry named /Solution.xml", "/Solution.xml", "1.0.1.0", false],
    ["a solution.xml that starts with a byte order mark", "solution.xml", "1.0.1.0", true],
  ])("%s: read as 1.0.1.0, already installed", async (_, entry, version, bom) => {
    const state = { book, solution: { version: "1.0.1.0", managed: true }, messages: [] as string[] };
    const env = await started(serve([dataverse(state)]));
    const run = await runCli([
      ...["import", "--env", env.origin, "--zip", zipWith(`z${Math.random()}.zip`, entry, version, bom)],
      ...["--access-token", ACCESS_TOKEN, "--json"],
    ]);
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as { environments: Array<{ outcome: string; zip: { version: string } }> })
      .environments[0];
    expect(report?.outcome).toBe("skipped");
    expect(report?.zip.version).toBe("1.0.1.0");
    expect(state.messages).toEqual([]);
  });

  it("the solutions row's version 1.0 is 1.0.0.0: an upgrade to 1.0.1.0 over it, not a refusal", async () => {
    const state = { book, solution: { version: "1.0", managed: true }, messages: [] as string[] };
    const env = await started(serve([dataverse(state)]));
    const run = await runCli([
      ...["import", "--env", env.origin, "--zip", zipWith("upgrade.zip", "solution.xml", "1.0.1.0")],
      ...["--access-token", ACCESS_TOKEN, "--json", "--poll", "1"],
    ]);
    expect(run.stderr).toContain("over 1.0.0.0");
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["StageAndUpgradeAsync"]);
  });
});
