import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "cli", "bin.mjs");
const PRELOAD = join(__dirname, "loopbackOnly.cjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Fails the file early with one clear line when the bundle is missing (the tests run the real built program). */
export function requireBuiltCli(): void {
  if (!existsSync(join(ROOT, "out", "cli", "finops-link.mjs")))
    throw new Error("out/cli/finops-link.mjs is missing: the CLI tests run the built program; run npm run build:cli");
}

/**
 * Runs `finops-link <args>` as a child process, the way an admin does (the bin shim, then the bundle), with nothing
 * but loopback reachable. The environment is clean of the sign-in variables unless the test passes them.
 */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Sends SIGINT (Ctrl-C) once stderr matches. */
    interruptWhen?: RegExp;
  } = {},
): Promise<CliRun> {
  const started = Date.now();
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG"])
    if (process.env[key] !== undefined) env[key] = process.env[key]!;
  Object.assign(env, { NODE_OPTIONS: `--require ${PRELOAD}` }, options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    let interrupted = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (!interrupted && options.interruptWhen?.test(stderr) === true) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      // Every test stays on loopback: a request that went elsewhere (e.g. to the cloud's real admin API, because a
      // test forgot --admin-api or --no-admin-center) fails the test that made it, asserted or not.
      const escapes = stderr.split("\n").filter((line) => line.startsWith("LOOPBACK VIOLATION"));
      if (escapes.length > 0)
        reject(new Error(`finops-link ${args.join(" ")} reached beyond loopback:\n${escapes.join("\n")}`));
      else resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The bad-input contract: one `finops-link:` line (and the usage), never a stack frame, never a loopback escape. */
export function expectOneClearLine(run: CliRun, pattern: RegExp): void {
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^finops-link: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines.filter((l) => l.startsWith("finops-link:"))).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at\s/m);
  expect(run.stderr).not.toMatch(/LOOPBACK VIOLATION/);
}
