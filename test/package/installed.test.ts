/**
 * The packed tarball installed the way admins install it (`npm install -g` into an empty prefix in os.tmpdir(),
 * offline), run from a folder outside the checkout: --version, check --all against the emulated tenant, import with
 * the zip inside the package (managed by default, --unmanaged), `zips` writing both, and `npx file:<tarball>`.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { EMULATOR_TOKEN, type CliEmulator } from "../../demo/server/cli";
import { emulatedTenants } from "../cli/support/closeAfterAll";
import {
  ROOT,
  installInto,
  installedPackage,
  packageJson,
  packedTarball,
  requireBuiltPackage,
  runInstalled,
  type Run,
} from "./support/packed";

jest.setTimeout(60_000);
requireBuiltPackage();

const { version } = packageJson();
const DATAVERSE_VERSION = `${version}.0`;
const tenant = emulatedTenants();
const TOKEN = ["--access-token", EMULATOR_TOKEN];
let install: ReturnType<typeof installedPackage>;
let cwd: string;

beforeAll(() => {
  install = installedPackage();
  cwd = mkdtempSync(join(tmpdir(), "finops-link-user-"));
});

const finopsLink = (args: string[]): Promise<Run> => runInstalled("finops-link", args, { cwd, prefix: install.prefix });
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const envStats = (emulator: CliEmulator, name: string) => emulator.stats().environments.find((e) => e.name === name)!;

it("installs outside the checkout, with no dependency of its own", () => {
  expect(relative(realpathSync(ROOT), realpathSync(install.packageDir)).startsWith("..")).toBe(true);
  expect(readdirSync(join(install.prefix, "lib", "node_modules"))).toEqual(["finops-link"]);
  expect(readdirSync(install.packageDir)).not.toContain("node_modules");
});

it("finops-link --version prints the package's version; --help names every command", async () => {
  const run = await finopsLink(["--version"]);
  expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  const help = await finopsLink(["--help"]);
  expect(help.code).toBe(0);
  for (const command of ["check", "doctor", "import", "zips", "clouds"]) expect(help.stdout).toContain(command);
  expect(help.stdout + help.stderr).not.toMatch(/npm run build/);
});

it("finops-link check --all against the emulated tenant", async () => {
  const emulator = await tenant([
    { name: "prod", link: "linked", solution: { version: DATAVERSE_VERSION, managed: true } },
    { name: "test", link: "notLinked", solution: null },
  ]);
  const run = await finopsLink(["check", "--all", "--admin-api", emulator.adminApi, ...TOKEN, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  const document = JSON.parse(run.stdout) as { environments: Array<{ state: string }>; summary: object };
  expect(document.environments.map((e) => e.state).sort()).toEqual(["linked", "notLinked"]);
  expect(document.summary).toMatchObject({ total: 2, linked: 1, notLinked: 1 });
});

it("finops-link import without --zip imports the managed zip inside the package; --unmanaged the unmanaged one", async () => {
  const emulator = await tenant([
    { name: "managed", link: "linked", solution: null },
    { name: "unmanaged", link: "linked", solution: null },
  ]);
  const managed = await finopsLink(["import", "--env", emulator.envUrl("managed"), ...TOKEN, "--poll", "1"]);
  expect(managed.code).toBe(0);
  expect(managed.stderr).toContain(`imported FinOpsLink ${DATAVERSE_VERSION} (managed)`);
  expect(envStats(emulator, "managed").solution).toEqual({ version: DATAVERSE_VERSION, managed: true });

  const unmanaged = await finopsLink([
    "import",
    "--env",
    emulator.envUrl("unmanaged"),
    "--unmanaged",
    ...TOKEN,
    "--poll",
    "1",
  ]);
  expect(unmanaged.code).toBe(0);
  expect(envStats(emulator, "unmanaged").solution).toEqual({ version: DATAVERSE_VERSION, managed: false });
  expect(envStats(emulator, "unmanaged").published).toBe(1);
});

it("finops-link zips writes both zips of its version, byte for byte the build's, and says so; a rerun finds them unchanged", async () => {
  const out = join(cwd, "zips");
  const run = await finopsLink(["zips", "--out", out, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const names = [`FinOpsLink_${version}_managed.zip`, `FinOpsLink_${version}.zip`];
  expect(readdirSync(out).sort()).toEqual([...names].sort());
  const { zips } = JSON.parse(run.stdout) as { zips: Array<{ path: string; sha256: string; outcome: string }> };
  expect(zips.map((z) => z.outcome)).toEqual(["written", "written"]);
  for (const [i, name] of names.entries()) {
    expect(sha256(join(out, name))).toBe(sha256(join(ROOT, "solution", "bin", name)));
    expect(zips[i]).toMatchObject({ path: join(out, name), sha256: sha256(join(out, name)) });
  }
  const again = await finopsLink(["zips", "--out", out]);
  expect(again.code).toBe(0);
  expect(again.stdout.split("\n").filter((line) => line.endsWith("\tunchanged"))).toHaveLength(2);
});

it("a missing packaged zip or program file is reported as a broken install (reinstall), never as 'run npm run build'", async () => {
  // A copy of the install without its zips, so the shared one stays whole.
  const { tarball } = packedTarball();
  const emulator = await tenant([{ name: "x", link: "linked", solution: null }]);
  const broken = mkdtempSync(join(tmpdir(), "finops-link-broken-"));
  installInto(broken, tarball);
  rmSync(join(broken, "lib", "node_modules", "finops-link", "solution"), { recursive: true });
  const run = await runInstalled("finops-link", ["import", "--env", emulator.envUrl("x"), ...TOKEN], {
    cwd,
    prefix: broken,
  });
  expect(run.code).toBe(64);
  expect(run.stderr).toMatch(/is missing from this finops-link .* install: reinstall it/);
  expect(run.stderr).not.toMatch(/npm run build/);
  // Without its program file, the bin says the same, not "not built yet".
  rmSync(join(broken, "lib", "node_modules", "finops-link", "out", "cli", "finops-link.mjs"));
  const bare = await runInstalled("finops-link", ["--version"], { cwd, prefix: broken });
  expect(bare.code).toBe(2);
  expect(bare.stderr).toBe(
    "finops-link: this install is incomplete (out/cli/finops-link.mjs is missing): reinstall finops-link\n",
  );
});

it("npx file:<tarball> check … works the same", async () => {
  const emulator = await tenant([{ name: "prod", link: "linked" }]);
  const { tarball } = packedTarball();
  const cache = mkdtempSync(join(tmpdir(), "finops-link-npx-"));
  const run = await runInstalled(
    "npx",
    [
      "--yes",
      "--offline",
      "--cache",
      cache,
      `file:${tarball}`,
      "check",
      "--env",
      emulator.envUrl("prod"),
      "--no-admin-center",
      ...TOKEN,
      "--json",
    ],
    { cwd, env: { npm_config_update_notifier: "false", npm_config_loglevel: "error" } },
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as { environments: Array<{ state: string }> }).environments[0].state).toBe("linked");
});
