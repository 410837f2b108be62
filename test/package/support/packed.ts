/**
 * The npm package as users get it, built once per set of built outputs and shared by the package tests (and
 * `npm run bench`): `npm pack` of the checkout (after `npm run build`, as `prepack` would; `--ignore-scripts` here
 * so a test never rebuilds), keyed by a hash of every file the tarball holds, in os.tmpdir(); and one global-style
 * install of it into an empty prefix there, where Node's module resolution can never climb into the checkout.
 * Concurrent test files race safely: each builds in a private folder and renames it into place (the loser's copy is
 * dropped, the winner's used).
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");
const PRELOAD = join(ROOT, "test", "cli", "support", "loopbackOnly.cjs");

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackList {
  name: string;
  version: string;
  filename: string;
  /** The tarball's bytes (gzip). */
  size: number;
  /** The files' bytes, unpacked. */
  unpackedSize: number;
  files: PackedFile[];
}

/** The built outputs the package ships; a test file fails early and says how to build them when one is missing. */
export function requireBuiltPackage(): void {
  const { version } = packageJson();
  const needed = [
    "out/cli/finops-link.mjs",
    "out/cli/THIRD-PARTY-NOTICES.txt",
    "out/lib/index.mjs",
    "out/lib/index.d.mts",
    `solution/bin/FinOpsLink_${version}.zip`,
    `solution/bin/FinOpsLink_${version}_managed.zip`,
  ];
  const missing = needed.filter((path) => !existsSync(join(ROOT, path)));
  if (missing.length > 0)
    throw new Error(`${missing.join(", ")} missing: the package tests pack the built outputs; run npm run build`);
}

export function packageJson(): {
  version: string;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
} {
  return JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
}

/** Environment for npm: no user config, no update notice, no audit or fund calls, never the network. */
export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_loglevel: "error",
    ...extra,
  };
}

/** `npm pack --dry-run --json`: what the tarball would hold, without writing it. */
export function packList(): PackList {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    env: npmEnv(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return (JSON.parse(out) as PackList[])[0];
}

function keyOf(list: PackList): string {
  const hash = createHash("sha256");
  for (const file of [...list.files].sort((a, b) => a.path.localeCompare(b.path)))
    hash
      .update(file.path)
      .update("\0")
      .update(readFileSync(join(ROOT, file.path)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** Makes `folder` by filling a private temporary folder and renaming it into place; another process may win. */
function once(folder: string, fill: (temporary: string) => void): string {
  if (existsSync(folder)) return folder;
  mkdirSync(resolve(folder, ".."), { recursive: true });
  const temporary = mkdtempSync(`${folder}.tmp-`);
  try {
    fill(temporary);
    renameSync(temporary, folder);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(folder)) throw error;
  }
  return folder;
}

/** Earlier builds' tarballs and installs: left a day (another checkout may still be testing one), then removed. */
function pruneOlderThanADay(cache: string, keep: string): void {
  for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
    const path = join(cache, entry);
    if (entry !== keep && Date.now() - statSync(path).mtimeMs > 24 * 3600_000)
      rmSync(path, { recursive: true, force: true });
  }
}

export interface Packed {
  /** The tarball, `finops-link-<version>.tgz`. */
  tarball: string;
  list: PackList;
  /** The hash of the packed files (names the cache folders). */
  key: string;
}

let packed: Packed | undefined;

/** The tarball of the current built outputs: packed once per content, reused by every test file and run. */
export function packedTarball(): Packed {
  if (packed !== undefined) return packed;
  const list = packList();
  const key = keyOf(list);
  pruneOlderThanADay(join(tmpdir(), "finops-link-package"), key);
  const folder = once(join(tmpdir(), "finops-link-package", key, "tarball"), (temporary) => {
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", temporary], {
      cwd: ROOT,
      env: npmEnv(),
      stdio: "ignore",
    });
  });
  packed = { tarball: join(folder, list.filename), list, key };
  return packed;
}

/** `npm install -g --prefix <prefix> --offline <tarball>`, the way an admin installs it; returns how long it took. */
export function installInto(prefix: string, tarball: string): number {
  mkdirSync(prefix, { recursive: true });
  const started = process.hrtime.bigint();
  execFileSync("npm", ["install", "--global", "--prefix", prefix, "--cache", join(prefix, ".npm-cache"), tarball], {
    cwd: prefix,
    env: npmEnv(),
    stdio: "ignore",
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** One install of the tarball into an empty prefix in os.tmpdir(), shared like the tarball. */
export function installedPackage(): { prefix: string; bin: string; packageDir: string } {
  const { tarball, key } = packedTarball();
  const prefix = once(join(tmpdir(), "finops-link-package", key, "prefix"), (temporary) =>
    installInto(temporary, tarball),
  );
  return {
    prefix,
    bin: join(prefix, "bin", "finops-link"),
    packageDir: join(prefix, "lib", "node_modules", "finops-link"),
  };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program from the install as a child process with only loopback reachable (test/cli/support's preload), in
 * `cwd` (outside the checkout), with a PATH that finds the install's bin first.
 */
export function runInstalled(
  command: string,
  args: string[],
  options: { cwd: string; prefix?: string; timeoutMs?: number; env?: Record<string, string> },
): Promise<Run> {
  const path = [options.prefix === undefined ? undefined : join(options.prefix, "bin"), process.env.PATH]
    .filter((p) => p !== undefined)
    .join(":");
  const env: Record<string, string> = { PATH: path, NODE_OPTIONS: `--require ${PRELOAD}` };
  for (const key of ["HOME", "TMPDIR", "LANG"]) if (process.env[key] !== undefined) env[key] = process.env[key]!;
  Object.assign(env, options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (/LOOPBACK VIOLATION/.test(stderr))
        reject(new Error(`${command} ${args.join(" ")} left loopback:\n${stderr}`));
      else resolvePromise({ code, stdout, stderr });
    });
  });
}
