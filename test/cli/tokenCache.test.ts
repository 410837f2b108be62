/**
 * The device-code sign-in's token cache file, the one place a token is written: never through a symbolic link, a
 * folder closed to the user, a corrupt cache said in one line and replaced. The built program against the hostile
 * test server's token endpoint.
 */
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireBuiltCli, runCli } from "./support/cli";
import { deviceCodeTenant } from "./support/deviceCodeTenant";

jest.setTimeout(60_000);
requireBuiltCli();

const tenant = deviceCodeTenant();
const PROMPT = "To sign in, enter the code HOSTILE-1.\n";

it("a cache path that is a symbolic link is refused; the file it points to is neither read, closed nor replaced", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const victim = join(dir, "victim.txt");
  writeFileSync(victim, "someone else's file\n");
  chmodSync(victim, 0o644);
  const cache = join(dir, "msal-cache.json");
  symlinkSync(victim, cache);
  const run = await runCli(tenant.check(cache));
  expect(run.code).toBe(2);
  expect(JSON.parse(run.stdout)).toMatchObject({
    environments: [
      {
        state: "failed", // a local refusal, never "sign-in refused" (Entra)
        error: { message: `the token cache ${cache} is a symbolic link: refused (--token-cache)` },
      },
    ],
  });
  expect(readFileSync(victim, "utf8")).toBe("someone else's file\n");
  expect(statSync(victim).mode & 0o777).toBe(0o644);
  expect(lstatSync(cache).isSymbolicLink()).toBe(true);
});

it("a corrupt cache: one line naming the file (never its bytes), a fresh sign-in, and the cache replaced", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const cache = join(dir, "msal-cache.json");
  writeFileSync(cache, "{ this is not JSON: SECRET-LOOKING-BYTES", { mode: 0o600 });
  const run = await runCli(tenant.check(cache));
  expect(run.code).toBe(0);
  // One prompt: the admin API's token comes silently from the account that signed in for Dataverse.
  expect(run.stderr).toBe(
    `finops-link: the token cache ${cache} is not readable (corrupt): signing in afresh\n${PROMPT}`,
  );
  expect(JSON.parse(run.stdout)).toMatchObject({
    environments: [{ state: "linked", adminCenter: { compared: true } }],
  });
  expect(run.stdout + run.stderr).not.toContain("SECRET-LOOKING-BYTES");
  expect(() => JSON.parse(readFileSync(cache, "utf8")) as unknown).not.toThrow();
  // The next run signs in silently from the new cache.
  const next = await runCli(tenant.check(cache));
  expect(next.code).toBe(0);
  expect(next.stderr).toBe("");
});

it("the cache folder, ours but open to others, is closed to 0700; the file is 0600; no temporary file is left", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const folder = join(dir, "shared");
  mkdirSync(folder);
  chmodSync(folder, 0o777);
  const cache = join(folder, "msal-cache.json");
  const run = await runCli(tenant.check(cache));
  expect(run.code).toBe(0);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  expect(statSync(cache).mode & 0o777).toBe(0o600);
  expect(readdirSync(folder)).toEqual(["msal-cache.json"]);
});

it("a cache in a shared folder others may write to (/tmp) is refused, and nothing is written there", async () => {
  const cache = join(tmpdir(), `finops-link-shared-${process.pid}-${Date.now()}.json`);
  const run = await runCli(tenant.check(cache));
  expect(run.code).toBe(2);
  expect(JSON.parse(run.stdout)).toMatchObject({
    environments: [
      {
        error: {
          message: `the token cache ${cache} is in ${tmpdir()}, a shared folder others may write to: refused (--token-cache)`,
        },
      },
    ],
  });
  expect(() => statSync(cache)).toThrow();
  expect(statSync(tmpdir()).mode & 0o7777).toBe(0o1777);
});

/** The uid and gid of nobody: another user's, on any Linux. */
const NOBODY = 65534;
// Giving a file to another user needs root, as CI runs (.ci/run); elsewhere these tests skip and say so, in CI
// (CI=true) a run without root fails instead of skipping.
const canChown = process.getuid?.() === 0 || process.env.CI === "true";
if (!canChown)
  console.warn("Token cache ownership tests skipped here: they need root to give a folder to another user");

(canChown ? describe : describe.skip)("another user's folder or file (as root: chown to nobody)", () => {
  it("a folder of another user's that others may write to is refused, and nothing is written there", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "finops-cache-")), "theirs");
    mkdirSync(folder);
    chownSync(folder, NOBODY, NOBODY);
    chmodSync(folder, 0o777);
    const cache = join(folder, "msal-cache.json");
    const run = await runCli(tenant.check(cache));
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      environments: [
        {
          error: {
            message: `the token cache ${cache} is in ${folder}, a folder of another user's that others may write to: refused (--token-cache)`,
          },
        },
      ],
    });
    expect(readdirSync(folder)).toEqual([]);
    expect(statSync(folder).mode & 0o777).toBe(0o777); // not ours to close
  });

  it("a cache file of another user's is refused: neither read nor replaced", async () => {
    const folder = mkdtempSync(join(tmpdir(), "finops-cache-"));
    const cache = join(folder, "msal-cache.json");
    writeFileSync(cache, "{}", { mode: 0o600 });
    chownSync(cache, NOBODY, NOBODY);
    const run = await runCli(tenant.check(cache));
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      environments: [
        { error: { message: `the token cache ${cache} belongs to another user: refused (--token-cache)` } },
      ],
    });
    expect(statSync(cache).uid).toBe(NOBODY);
    expect(readFileSync(cache, "utf8")).toBe("{}");
    expect(readdirSync(folder)).toEqual(["msal-cache.json"]);
  });
});

it("each write goes through a new temporary file with 128 random bits in its name, renamed over the cache", async () => {
  const folder = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const cache = join(folder, "msal-cache.json");
  const temporaryNames: Array<Set<string>> = [];
  for (const _run of [1, 2]) {
    rmSync(cache, { force: true }); // each run signs in and writes the cache afresh
    const seen = new Set<string>();
    // inotify reports each name created in the folder, however briefly it lived.
    const watcher = watch(folder, (_event, name) => {
      if (name && name.toString() !== "msal-cache.json") seen.add(name.toString());
    });
    try {
      expect((await runCli(tenant.check(cache))).code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last events reach the watcher
    } finally {
      watcher.close();
    }
    temporaryNames.push(seen);
  }
  const [first, second] = temporaryNames;
  for (const names of temporaryNames) {
    expect(names.size).toBeGreaterThanOrEqual(1);
    for (const name of names) expect(name).toMatch(/^\.msal-cache\.json\.[0-9a-f]{32}\.tmp$/);
  }
  expect([...first].filter((name) => second.has(name))).toEqual([]); // the second run never reuses a name
  expect(readdirSync(folder)).toEqual(["msal-cache.json"]);
});
