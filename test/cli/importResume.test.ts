/**
 * `finops-link import` in long runs and after faults, against the hostile test server: stage and upgrade by default,
 * a plain update on request, an unmanaged import whose publish failed finished by a rerun, Ctrl-C, an import already
 * in progress followed, bounded polling, and zips refused before anything is inflated.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, Zip, ZipPassThrough, zipSync } from "fflate";
import { dataverse, serve, TokenBook, type DataverseState, type Served } from "./support/hostile";
import { expectOneClearLine, requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";
import { finOpsLinkZip } from "./support/solutionZips";

jest.setTimeout(90_000);
requireBuiltCli();

const TOKEN = ["--access-token", "hostile-fixed-access-token", "--poll", "1"];
const startedServer = closeAfterAll<Served>();

async function environment(overrides: Partial<DataverseState>) {
  const book = new TokenBook();
  book.accepted.add("hostile-fixed-access-token");
  const state: DataverseState = { book, solution: null, messages: [], ...overrides };
  const server = await startedServer(serve([dataverse(state)]));
  return { state, server };
}

interface ImportDocument {
  environments: Array<{ outcome: string; message: string; published: boolean }>;
}
const reportOf = (run: CliRun) => (JSON.parse(run.stdout) as ImportDocument).environments[0];

/** `finops-link import --env <server> --zip <FinOpsLink 1.0.0.0, managed>`, then `more`. */
const importManaged = (server: Served, more: string[], options?: Parameters<typeof runCli>[1]) =>
  runCli(["import", "--env", server.origin, "--zip", finOpsLinkZip("1.0.0.0", true), ...more], options);
/** `finops-link import --zip <zip>` to a placeholder environment, then `more`: runs refused before any request. */
const importRefusedEarly = (zip: string, ...more: string[]) =>
  runCli(["import", "--env", "https://contoso.crm.dynamics.com", "--zip", zip, "--access-token", "t", ...more]);

describe("upgrade or update", () => {
  it("managed over an older managed version: StageAndUpgradeAsync by default (components removed from the solution go)", async () => {
    const { state, server } = await environment({ solution: { version: "0.9.0.0", managed: true } });
    const run = await importManaged(server, [...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["StageAndUpgradeAsync"]);
    expect(reportOf(run)).toMatchObject({ outcome: "imported", message: "upgraded to FinOpsLink 1.0.0.0 (managed)" });
    expect(run.stderr).toContain("upgrading to FinOpsLink 1.0.0.0 (managed) over 0.9.0.0 (stage and upgrade)…");
    expect(state.solution).toEqual({ version: "1.0.0.0", managed: true });
  });

  it("--update: a plain update with ImportSolutionAsync", async () => {
    const { state, server } = await environment({ solution: { version: "0.9.0.0", managed: true } });
    const run = await importManaged(server, ["--update", ...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["ImportSolutionAsync"]);
    expect(reportOf(run)).toMatchObject({ outcome: "imported", message: "imported FinOpsLink 1.0.0.0 (managed)" });
  });

  it("a new install needs no upgrade: ImportSolutionAsync", async () => {
    const { state, server } = await environment({ solution: null });
    const run = await importManaged(server, TOKEN);
    expect(run.code).toBe(0);
    expect(state.messages).toEqual(["ImportSolutionAsync"]);
  });
});

describe("resume", () => {
  it("an unmanaged import whose publish failed: the rerun publishes (it said 'already installed' and never published)", async () => {
    const zip = finOpsLinkZip("1.0.0.0", false);
    const { state, server } = await environment({ solution: null, publishStatus: 500 });
    const first = await runCli(["import", "--env", server.origin, "--zip", zip, "--unmanaged", ...TOKEN, "--json"]);
    expect(first.code).toBe(2);
    expect(reportOf(first)).toMatchObject({ outcome: "failed", published: false });
    state.publishStatus = 204;
    const rerun = await runCli(["import", "--env", server.origin, "--zip", zip, "--unmanaged", ...TOKEN, "--json"]);
    expect(rerun.code).toBe(0);
    expect(reportOf(rerun)).toMatchObject({
      outcome: "skipped",
      published: true,
      message: "skipped: FinOpsLink 1.0.0.0 is already installed; published all customizations",
    });
    expect(state.messages).toEqual(["ImportSolutionAsync", "PublishAllXml", "PublishAllXml"]);
  });

  it("Ctrl-C: the async operation's id and that the import goes on in Dataverse; exit 130", async () => {
    const { server } = await environment({ solution: null, pollsBeforeDone: 100 });
    const run = await importManaged(server, TOKEN, {
      interruptWhen: /started \(async operation [0-9a-f-]{36}\); waiting/,
    });
    const started = server.exchanges.find((e) => e.path.endsWith("/ImportSolutionAsync"));
    expect(started).toBeDefined();
    const polled = server.exchanges.find((e) => /asyncoperations\(/.test(e.path));
    const id = /asyncoperations\(([0-9a-f-]{36})\)/.exec(polled?.path ?? "")?.[1];
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      `stopped waiting; the import goes on in Dataverse (async operation ${id}); run the same command again to follow it`,
    );
    expect(run.stdout).toBe("");
  });

  it("a rerun that finds a FinOpsLink import in progress follows it instead of starting a second", async () => {
    const importJobId = "0f0e0d0c-0b0a-4998-8776-655443322110";
    const { state, server } = await environment({
      solution: { version: "0.9.0.0", managed: true },
      running: { importJobId, pollsLeft: 2, version: "1.0.0.0", managed: true },
    });
    const run = await importManaged(server, [...TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(state.messages).toEqual([]); // no second import
    expect(run.stderr).toContain(`a FinOpsLink import is already in progress (import job ${importJobId}`);
    expect(reportOf(run)).toMatchObject({ outcome: "imported" });
    expect(reportOf(run).message).toMatch(/the import in progress ended: FinOpsLink 1\.0\.0\.0/);
  });

  it("Ctrl-C while following an import in progress names its import job", async () => {
    const importJobId = "1f0e0d0c-0b0a-4998-8776-655443322110";
    const { server } = await environment({
      solution: null,
      running: { importJobId, pollsLeft: 100, version: "1.0.0.0", managed: true },
    });
    const run = await importManaged(server, TOKEN, {
      interruptWhen: /already in progress/,
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      `stopped waiting; the import goes on in Dataverse (import job ${importJobId}); run the same command again to follow it`,
    );
  });

  it("--wait bounds the whole wait; the import may still finish in Dataverse", async () => {
    const { server } = await environment({ solution: null, pollsBeforeDone: 100 });
    const run = await importManaged(server, [...TOKEN, "--wait", "2", "--json"]);
    expect(run.code).toBe(2);
    expect(reportOf(run).message).toBe(
      "import failed: the import did not end within 2 s (it may still finish in Dataverse)",
    );
    expect(run.ms).toBeLessThan(10_000);
  });

  it("--poll below 1 s is a usage error", async () => {
    const zip = finOpsLinkZip("1.0.0.0", true);
    const run = await importRefusedEarly(zip, "--poll", "0.1");
    expect(run.code).toBe(64);
    expectOneClearLine(run, /--poll/);
  });
});

describe("zips refused before anything is inflated", () => {
  const dir = mkdtempSync(join(tmpdir(), "finops-badzip-"));
  const manifest = (version: string) =>
    strToU8(
      `<ImportExportXml><SolutionManifest><UniqueName>FinOpsLink</UniqueName><Version>${version}</Version><Managed>1</Managed></SolutionManifest></ImportExportXml>`,
    );

  it("two solution.xml entries", async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const version of ["1.0.0.0", "9.9.9.9"]) {
      const entry = new ZipPassThrough("solution.xml");
      zip.add(entry);
      entry.push(manifest(version), true);
    }
    zip.end();
    const path = join(dir, "two.zip");
    writeFileSync(path, Buffer.concat(chunks));
    const run = await importRefusedEarly(path);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /two\.zip holds 2 solution\.xml entries: refused/);
  });

  it("an entry declaring an absurd size", async () => {
    const bytes = Buffer.from(zipSync({ "solution.xml": manifest("1.0.0.0") }, { level: 0 }));
    // The central directory's "uncompressed size" (offset 24 of its header) and the local header's (offset 22).
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0xfffffff0, central + 24);
    bytes.writeUInt32LE(0xfffffff0, 22);
    const path = join(dir, "bomb.zip");
    writeFileSync(path, bytes);
    const run = await importRefusedEarly(path);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /bomb\.zip: its solution\.xml declares 4294967280 bytes: refused/);
    expect(readFileSync(path).length).toBeLessThan(1000);
  });
});
