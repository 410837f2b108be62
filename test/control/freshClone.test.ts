/** @jest-environment node */
/**
 * A fresh clone builds the control with the stock toolchain alone: the tracked files (git ls-files) copied to an empty
 * folder, node_modules linked in (what `npm ci` gives), then `npx pcf-scripts build`, no project script first.
 * pcf-scripts exits 0 even when a resx the manifest names is missing, so its log is checked for pcf-1011 as well.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LANGUAGES } from "../../core/strings";
import { CONTROL_STRINGS, ROOT, resxFileName } from "../../scripts/stringSets";

jest.setTimeout(240_000);

let clone: string;
let build: { status: number | null; log: string };

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), "finops-clone-"));
  const tracked = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\0");
  for (const path of tracked.filter((p) => p !== "" && !p.startsWith("docs/images/"))) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    try {
      copyFileSync(join(ROOT, path), join(clone, path));
    } catch {
      // A file deleted in the work tree but still in the index: a clone of the next commit will not have it either.
    }
  }
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "dir");
  const run = spawnSync("npx", ["pcf-scripts", "build"], { cwd: clone, encoding: "utf8", timeout: 220_000 });
  build = { status: run.status, log: `${run.stdout}\n${run.stderr}` };
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

test("npx pcf-scripts build succeeds on the tracked files alone", () => {
  expect([build.status, build.log.slice(-2000)]).toEqual([0, expect.any(String)]);
  expect(build.log).toMatch(/Succeeded/);
});

test("and finds every resx the manifest names: no [pcf-1011] in its log", () => {
  expect(build.log).not.toContain("pcf-1011");
  const built = readdirSync(join(clone, "out", "controls", "LinkedEnvironment", "strings")).sort();
  expect(built).toEqual(LANGUAGES.map((l) => resxFileName(CONTROL_STRINGS, l.lcid)).sort());
});
