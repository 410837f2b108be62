/**
 * `finops-link import` with the real zips `npm run build` wrote, against the emulated tenant: ImportSolutionAsync,
 * the async operation polled until it ends, the import job's error, PublishAllXml after an unmanaged import, and the
 * refusals that keep an environment out of trouble.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { zipPaths } from "../../demo/build/ensureBuilt";
import { EMULATOR_TOKEN, type CliEmulator } from "../../demo/server/cli";
import { ROOT, expectOneClearLine, requireBuiltCli, runCli } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(60_000);
requireBuiltCli();

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const { managed: MANAGED_ZIP, unmanaged: UNMANAGED_ZIP } = zipPaths(ROOT);
const DATAVERSE_VERSION = `${version}.0`;
const TOKEN = ["--access-token", EMULATOR_TOKEN, "--poll", "1"];

const tenant = emulatedTenants();
const envStats = (emulator: CliEmulator, name: string) => emulator.stats().environments.find((e) => e.name === name)!;

interface ImportDocument {
  environments: Array<{ name: string; outcome: string; message: string; published: boolean; installed: unknown }>;
}

it("by default a managed zip over an older managed install is staged and upgraded (StageAndUpgradeAsync); a new install is imported (ImportSolutionAsync)", async () => {
  const emulator = await tenant([
    { name: "old", link: "linked", solution: { version: "0.9.0.0", managed: true } },
    { name: "none", link: "linked", solution: null },
  ]);
  const run = await runCli(["import", "--env", emulator.envUrl("old"), "--env", emulator.envUrl("none"), ...TOKEN]);
  expect(run.code).toBe(0);
  expect(envStats(emulator, "old").importMessages).toEqual(["StageAndUpgradeAsync"]);
  expect(envStats(emulator, "none").importMessages).toEqual(["ImportSolutionAsync"]);
  for (const name of ["old", "none"])
    expect(envStats(emulator, name).solution).toEqual({ version: DATAVERSE_VERSION, managed: true });
});

it("--update updates an older managed install and installs where there is none (the default zip: the managed build); exit 0", async () => {
  const emulator = await tenant([
    { name: "old", link: "linked", solution: { version: "0.9.0.0", managed: true } },
    { name: "none", link: "linked", solution: null },
  ]);
  const run = await runCli([
    "import",
    "--env",
    emulator.envUrl("old"),
    "--env",
    emulator.envUrl("none"),
    "--update",
    ...TOKEN,
    "--json",
  ]);
  expect(run.code).toBe(0);
  const document = JSON.parse(run.stdout) as ImportDocument;
  expect(document.environments.map((e) => e.outcome)).toEqual(["imported", "imported"]);
  expect(document.environments[0]).toMatchObject({
    installed: { version: "0.9.0.0", managed: true },
    published: false,
  });
  for (const name of ["old", "none"]) {
    expect(envStats(emulator, name).solution).toEqual({ version: DATAVERSE_VERSION, managed: true });
    expect(envStats(emulator, name).imports).toEqual([
      { version: DATAVERSE_VERSION, managed: true, overwriteUnmanagedCustomizations: false },
    ]);
    expect(envStats(emulator, name).published).toBe(0); // a managed import publishes by itself
    expect(envStats(emulator, name).importMessages).toEqual(["ImportSolutionAsync"]);
  }
  // Progress on stderr, the outcome in the document.
  expect(run.stderr).toContain(`importing FinOpsLink ${DATAVERSE_VERSION} (managed) over 0.9.0.0 (update)…`);
  expect(run.stderr).toContain(`imported FinOpsLink ${DATAVERSE_VERSION} (managed)`);
});

it("the same version is skipped with a message, nothing imported; exit 0", async () => {
  const emulator = await tenant([
    { name: "same", link: "linked", solution: { version: DATAVERSE_VERSION, managed: true } },
  ]);
  const run = await runCli(["import", "--env", emulator.envUrl("same"), ...TOKEN]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    new RegExp(`\\tskipped\\tFinOpsLink ${DATAVERSE_VERSION.replace(/\./g, "\\.")} is already installed`),
  );
  expect(envStats(emulator, "same").imports).toEqual([]);
});

it("a lower zip version is refused, and so is managed over unmanaged (with docs/admins.md's reason); exit 1", async () => {
  const emulator = await tenant([
    { name: "newer", link: "linked", solution: { version: "9.0.0.0", managed: true } },
    { name: "dev", link: "linked", solution: { version: "0.1.0.0", managed: false } },
  ]);
  const run = await runCli([
    "import",
    "--env",
    emulator.envUrl("newer"),
    "--env",
    emulator.envUrl("dev"),
    ...TOKEN,
    "--json",
  ]);
  expect(run.code).toBe(1);
  const [newer, dev] = (JSON.parse(run.stdout) as ImportDocument).environments;
  expect(newer).toMatchObject({
    outcome: "refused",
    message: `refused: the installed 9.0.0.0 is newer than the zip's ${DATAVERSE_VERSION}; import a higher version`,
  });
  expect(dev.outcome).toBe("refused");
  expect(dev.message).toContain("is installed unmanaged and the zip is managed");
  expect(dev.message).toContain(
    "a managed import fails where the unmanaged solution FinOpsLink is installed (delete it first)",
  );
  expect(envStats(emulator, "newer").imports).toEqual([]);
  expect(envStats(emulator, "dev").imports).toEqual([]);
});

it("--unmanaged imports the unmanaged zip and then publishes all customizations", async () => {
  const emulator = await tenant([{ name: "dev", link: "linked", solution: { version: "0.1.0.0", managed: false } }]);
  const run = await runCli(["import", "--env", emulator.envUrl("dev"), "--unmanaged", ...TOKEN, "--json"]);
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as ImportDocument).environments[0]).toMatchObject({
    outcome: "imported",
    published: true,
  });
  expect(envStats(emulator, "dev")).toMatchObject({
    solution: { version: DATAVERSE_VERSION, managed: false },
    published: 1,
  });
  expect(run.stderr).toContain("publishing all customizations…");
});

it("unmanaged over managed is refused too", async () => {
  const emulator = await tenant([{ name: "prod", link: "linked", solution: { version: "0.1.0.0", managed: true } }]);
  const run = await runCli(["import", "--env", emulator.envUrl("prod"), "--zip", UNMANAGED_ZIP, ...TOKEN]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain("is installed managed and the zip is unmanaged");
});

it("a failed import prints the import job's own error text; exit 2", async () => {
  const error =
    "Import of the FinOpsLink solution failed: the dependent component fol_FinOpsLink.LinkedEnvironment is missing.";
  const emulator = await tenant([{ name: "broken", link: "linked", solution: null, importError: error }]);
  const run = await runCli(["import", "--env", emulator.envUrl("broken"), "--zip", MANAGED_ZIP, ...TOKEN]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe(`${new URL(emulator.envUrl("broken")).host}\tfailed\timport failed: ${error}\n`);
  expect(envStats(emulator, "broken").solution).toBeNull();
});

it("a sign-in Dataverse refuses is a failure, not a crash; exit 2", async () => {
  const emulator = await tenant([{ name: "a", link: "linked" }]);
  const run = await runCli(["import", "--env", emulator.envUrl("a"), "--access-token", "nobody", "--poll", "1"]);
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/\tfailed\treading the solutions table: HTTP 401/);
  expect(run.stderr).not.toMatch(/^\s+at\s/m);
});

describe("bad input -> one clear line, 64", () => {
  let emulator: CliEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await tenant([{ name: "a", link: "linked" }]);
    dir = mkdtempSync(join(tmpdir(), "finops-zip-"));
  });

  it("an unreadable zip", async () => {
    const run = await runCli(["import", "--env", emulator.envUrl("a"), "--zip", join(dir, "missing.zip"), ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /cannot read the zip .*missing\.zip \(ENOENT\)/);
  });

  it("a file that is not a zip", async () => {
    const path = join(dir, "notes.zip");
    writeFileSync(path, "this is not a zip");
    const run = await runCli(["import", "--env", emulator.envUrl("a"), "--zip", path, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /notes\.zip is not a zip file/);
  });

  it("a zip that is not a solution", async () => {
    const path = join(dir, "photos.zip");
    writeFileSync(path, zipSync({ "photo.txt": strToU8("hello") }));
    const run = await runCli(["import", "--env", emulator.envUrl("a"), "--zip", path, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /photos\.zip is not a Dataverse solution: it has no solution\.xml/);
  });

  it("another solution than FinOpsLink", async () => {
    const path = join(dir, "other.zip");
    const xml =
      "<ImportExportXml><SolutionManifest><UniqueName>Other</UniqueName><Version>1.0.0.0</Version><Managed>1</Managed></SolutionManifest></ImportExportXml>";
    writeFileSync(path, zipSync({ "solution.xml": strToU8(xml) }));
    const run = await runCli(["import", "--env", emulator.envUrl("a"), "--zip", path, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /holds the solution Other, not FinOpsLink/);
  });

  it("--unmanaged with a managed zip", async () => {
    const run = await runCli(["import", "--env", emulator.envUrl("a"), "--unmanaged", "--zip", MANAGED_ZIP, ...TOKEN]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /--unmanaged, but .* is a managed solution/);
  });

  it("no --env, and a non-https environment", async () => {
    const none = await runCli(["import", ...TOKEN]);
    expect(none.code).toBe(64);
    expectOneClearLine(none, /say where to import: --env <url>/);
    const http = await runCli(["import", "--env", "http://contoso.crm.dynamics.com", ...TOKEN]);
    expect(http.code).toBe(64);
    expectOneClearLine(http, /is not https/);
  });
});
