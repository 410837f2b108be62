/**
 * Every build error that names a fix is followed here: in a temporary copy of the repository (the tracked files, the
 * build outputs in out/, node_modules linked in), something is broken the way people break it, the build step fails,
 * the test reads the fix the message names (the backticked commands, an environment variable, a package to
 * install), applies exactly that, and runs the step again, until it succeeds. A message seen twice is advice that
 * loops; that, or more steps than it takes, fails the test. The real repository is never touched.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { schemasDirFor, schemaUnavailableReason } from "../../solution/packer/schema";
import { repoRoot } from "./builtPackage";

jest.setTimeout(600_000);

/**
 * Outside CI a machine without xmllint or Microsoft's schemas packs without the schema check and skips the two cases
 * about it (and says so); in CI (CI=true) that is a failure, as in schema.test.ts.
 */
const inCi = process.env.CI === "true";
const schemaMissing = schemaUnavailableReason(schemasDirFor(repoRoot));
const schemaChecked = schemaMissing === undefined || inCi;
if (!schemaChecked) console.warn(`Schema remedies skipped here: ${schemaMissing}`);
const schemaTest = schemaChecked ? test : test.skip;

/** The build steps whose errors are followed, as people run them. */
const PACK = ["npm", "run", "build:solution", ...(schemaChecked ? ["--", "--require-schema"] : [])];
const STRINGS_CHECK = ["npm", "run", "strings", "--", "--check"];

let copy: string;
/** The environment every command runs with: the schemas next to the real repository, PATH as given. */
let baseEnv: NodeJS.ProcessEnv;

function git(args: string[]): string {
  return spawnSync("git", args, { cwd: repoRoot, encoding: "utf8" }).stdout;
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "finops-remedies-"));
  for (const path of git(["ls-files", "-z"]).split("\0")) {
    if (path === "" || path.startsWith("docs/images/")) continue;
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    try {
      copyFileSync(join(repoRoot, path), join(copy, path));
    } catch {
      // deleted in the work tree but still in the index: the next commit will not have it either
    }
  }
  symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
  for (const part of ["controls", "webresources"]) {
    cpSync(join(repoRoot, "out", part), join(copy, "out", part), { recursive: true });
  }
  baseEnv = { ...process.env, FINOPS_SCHEMAS: schemasDirFor(repoRoot), FINOPS_REQUIRE_SCHEMA: "" };
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

interface Outcome {
  status: number | null;
  output: string;
}

function run(command: string[], env: NodeJS.ProcessEnv = baseEnv): Outcome {
  const result = spawnSync(command[0], command.slice(1), { cwd: copy, env, encoding: "utf8", timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The lines the step printed as its failure (or warning), without npm's own chatter. */
function complaint(outcome: Outcome): string {
  return outcome.output
    .split("\n")
    .filter(
      (line) =>
        /failed|warning:|not what the catalogs give|^\s+\S+\.resx$/.test(line) && !/^npm (ERR|error)/.test(line),
    )
    .join("\n")
    .trim();
}

/** A fix a message names: commands to run, an environment variable to set, a Debian package to install. */
interface NamedFix {
  commands: string[][];
  env: Record<string, string>;
  debianPackage?: string;
}

/**
 * Reads the fix from the message, the way a person would: every backticked command, in order, except alternatives
 * written "(or `…`)"; "set NAME to …" for a variable; "apt-get install PACKAGE" for a package.
 */
function namedFix(message: string): NamedFix {
  const commands: string[][] = [];
  for (const match of message.matchAll(/(\bor\s+)?`([^`]+)`/g)) {
    if (match[1] === undefined && /^npm /.test(match[2])) commands.push(match[2].split(/\s+/));
  }
  const env: Record<string, string> = {};
  if (/set FINOPS_SCHEMAS to the folder holding Microsoft's customization XSDs/.test(message)) {
    env.FINOPS_SCHEMAS = schemasDirFor(repoRoot); // the folder that holds them, here
  }
  const debianPackage = /apt-get install (\S+?)\)?$/m.exec(message)?.[1];
  return { commands, env, ...(debianPackage === undefined ? {} : { debianPackage }) };
}

/**
 * Runs `step`; while it fails (or, with `untilQuiet`, warns), applies the fix its message names and runs it again.
 * Returns every message it followed. Fails on a message seen before (advice that loops) or after `maxSteps`.
 */
function followAdvice(
  step: string[],
  options: { env?: NodeJS.ProcessEnv; untilQuiet?: boolean; maxSteps?: number } = {},
): string[] {
  let env = options.env ?? baseEnv;
  const followed: string[] = [];
  for (let attempt = 0; attempt <= (options.maxSteps ?? 3); attempt += 1) {
    const outcome = run(step, env);
    const message = complaint(outcome);
    const done = outcome.status === 0 && (!options.untilQuiet || !/warning:/.test(outcome.output));
    if (done) return followed;
    expect(message).not.toBe(""); // a failure that names nothing is not advice
    expect(followed).not.toContain(message); // the same message after following it: the advice loops
    followed.push(message);
    const fix = namedFix(message);
    expect(fix.commands.length + Object.keys(fix.env).length + (fix.debianPackage ? 1 : 0)).toBeGreaterThan(0);
    for (const command of fix.commands) {
      const applied = run(command, env);
      expect([command.join(" "), applied.status, applied.output.slice(-1500)]).toEqual([
        command.join(" "),
        0,
        expect.any(String),
      ]);
    }
    env = { ...env, ...fix.env };
    if (fix.debianPackage !== undefined) env = { ...env, PATH: withInstalled(env.PATH ?? "", fix.debianPackage) };
  }
  throw new Error(`still failing after following ${followed.length} messages:\n${followed.join("\n---\n")}`);
}

/** Where Debian puts what a package installs: here it is installed already, so its folder goes back on PATH. */
function withInstalled(path: string, debianPackage: string): string {
  const program = { "libxml2-utils": "xmllint" }[debianPackage];
  if (program === undefined) throw new Error(`the test does not know what ${debianPackage} installs`);
  const found = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" }).stdout.trim();
  expect(found).not.toBe("");
  return [dirname(found), path].join(delimiter);
}

/** A PATH with node and npm but without xmllint: a machine where libxml2-utils is not installed. */
function pathWithoutXmllint(): string {
  const bin = join(copy, ".bin-without-xmllint");
  mkdirSync(bin, { recursive: true });
  for (const program of ["node", "npm", "sh"]) {
    const found = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" }).stdout.trim();
    rmSync(join(bin, program), { force: true });
    symlinkSync(found, join(bin, program));
  }
  return bin;
}

const inCopy = (...parts: string[]): string => join(copy, ...parts);
const edit = (path: string, change: (text: string) => string): void =>
  writeFileSync(inCopy(path), change(readFileSync(inCopy(path), "utf8")));
const packageVersion = (): string =>
  (JSON.parse(readFileSync(inCopy("package.json"), "utf8")) as { version: string }).version;
const setPackageVersion = (version: string): void =>
  edit("package.json", (text) => text.replace(/"version": "[^"]*"/, `"version": "${version}"`));

test("the copy packs as it is (the starting point of every case below)", () => {
  expect(followAdvice(PACK, { maxSteps: 0 })).toEqual([]);
});

test("package.json raised by hand to a -beta, then to 1.0.1, the control not re-stamped: the advice gets it packed", () => {
  setPackageVersion(`${packageVersion().replace(/\.(\d+)$/, (_m, z: string) => `.${Number(z) + 1}`)}-beta`);
  // The first message names the version format; the test applies it as a person would: the same version, plain.
  const first = complaint(run(PACK));
  expect(first).toMatch(/must be plain x\.y\.z/);
  setPackageVersion(packageVersion().replace(/-beta$/, ""));
  // Now the reported input: the built control still says the old version.
  const followed = followAdvice(PACK);
  expect(followed).toHaveLength(1);
  expect(followed[0]).toMatch(/has control version .* but package\.json has .*npm run stamp-version/);
  expect(readFileSync(inCopy("out/controls/LinkedEnvironment/ControlManifest.xml"), "utf8")).toContain(
    `version="${packageVersion()}"`,
  );
});

test("Solution.xml behind package.json: `npm run stamp-version`", () => {
  edit("solution/src/Other/Solution.xml", (text) =>
    text.replace(/<Version>[^<]*<\/Version>/, "<Version>0.9.0.0</Version>"),
  );
  expect(followAdvice(PACK)).toEqual([expect.stringMatching(/says version 0\.9\.0\.0.*npm run stamp-version/)]);
});

test("a control build that fails makes `npm run build:control` fail (pcf-scripts itself exits 0)", () => {
  const resx = "pcf/LinkedEnvironment/strings/LinkedEnvironment.1031.resx";
  const kept = readFileSync(inCopy(resx));
  rmSync(inCopy(resx));
  try {
    const stock = run(["npx", "pcf-scripts", "build", "--buildMode", "production"]);
    expect([stock.status, stock.output]).toEqual([0, expect.stringContaining("[pcf-1011]")]);
    const ours = run(["npm", "run", "build:control"]);
    expect([ours.status, complaint(ours)]).toEqual([1, expect.stringContaining("build:control failed")]);
  } finally {
    writeFileSync(inCopy(resx), kept); // the next case builds the control again
  }
});

test.each([
  ["the control was not built", () => rmSync(inCopy("out/controls"), { recursive: true })],
  [
    "a resx the manifest no longer names is left in the build output",
    () => writeFileSync(inCopy("out/controls/LinkedEnvironment/strings/LinkedEnvironment.9999.resx"), "<root/>"),
  ],
  [
    "the control's bundle is not a file",
    () => {
      rmSync(inCopy("out/controls/LinkedEnvironment/bundle.js"));
      mkdirSync(inCopy("out/controls/LinkedEnvironment/bundle.js"));
    },
  ],
  [
    "the control's bundle is a development build",
    () => edit("out/controls/LinkedEnvironment/bundle.js", (text) => `${text}\n//# sourceURL=webpack://pcf/./index.ts`),
  ],
  ["the form script was not built", () => rmSync(inCopy("out/webresources/form.js"))],
  [
    "the form script is not a file",
    () => {
      rmSync(inCopy("out/webresources/form.js"));
      mkdirSync(inCopy("out/webresources/form.js"));
    },
  ],
  ["a RESX web resource was not built", () => rmSync(inCopy("out/webresources/strings/FormScript.1031.resx"))],
])("%s: the build command it names", (_label, breakIt) => {
  breakIt();
  const followed = followAdvice(PACK);
  expect(followed).toHaveLength(1);
  expect(followed[0]).toMatch(/run `npm run build:(control|form)`/);
});

test("an alternative a message offers, `npm run build`, runs the named build step too", () => {
  const scripts = (JSON.parse(readFileSync(inCopy("package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts;
  for (const step of ["npm run build:control", "npm run build:form", "npm run build:solution"]) {
    expect(scripts.build).toContain(step);
  }
});

schemaTest("the schema folder is not where the build looks: set FINOPS_SCHEMAS", () => {
  const followed = followAdvice(PACK, { env: { ...baseEnv, FINOPS_SCHEMAS: inCopy("no-schemas-here") } });
  expect(followed).toEqual([expect.stringMatching(/set FINOPS_SCHEMAS/)]);
});

schemaTest("xmllint is not installed: apt-get install libxml2-utils", () => {
  const followed = followAdvice(PACK, { env: { ...baseEnv, PATH: pathWithoutXmllint() } });
  expect(followed).toEqual([expect.stringMatching(/xmllint not found \(Debian: apt-get install libxml2-utils\)/)]);
});

test("Solution.xml's publisher prefix differs from publisher.json: the warning's `--sync-source` clears it", () => {
  edit("solution/src/Other/Solution.xml", (text) =>
    text.replace(/<CustomizationPrefix>[^<]*</, "<CustomizationPrefix>abc<"),
  );
  const followed = followAdvice(PACK, { untilQuiet: true });
  expect(followed).toEqual([expect.stringMatching(/publisher prefix abc.*npm run build:solution -- --sync-source/)]);
  expect(readFileSync(inCopy("solution/src/Other/Solution.xml"), "utf8")).not.toContain("<CustomizationPrefix>abc<");
});

test("a RESX file edited by hand: `npm run strings`", () => {
  edit("webresources/strings/FormScript.1031.resx", (text) => text.replace("</root>", "<!-- edited --></root>"));
  const followed = followAdvice(STRINGS_CHECK);
  expect(followed).toEqual([expect.stringMatching(/run `npm run strings`/)]);
});
