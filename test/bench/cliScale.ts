/**
 * `finops-link check --all` at tenant scale (issue 25), the built program as a child process against the emulated
 * tenant on 127.0.0.1. Part of `npm run bench` (run.ts calls cliScaleSection); alone, to iterate:
 *
 *   npx tsx test/bench/cliScale.ts [--sizes 200,2000] [--concurrency 8,32] [--memory 5000] [--tokens 1000]
 *                                  [--bin path/to/bin.mjs] [--cpu-prof dir]
 *
 * `--bin` measures another build (e.g. an older commit's, for a before/after); `--memory 0` / `--tokens 0` skip
 * those runs. Each environment answers after BENCH_DELAY_MS; every tenth answers its first link function call 429
 * with `Retry-After: 1`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { EnvironmentSpec } from "../../demo/emulator/environments";
import { BENCH_DELAY_MS, benchTenant } from "../../demo/emulator/tenants";
import { EMULATOR_CLIENT_SECRET, EMULATOR_TOKEN, startCliEmulator, type CliEmulator } from "../../demo/server/cli";

/** The admin list's page size in these runs (the admin API's own is in the hundreds). */
const PAGE_SIZE = 100;
/** The Retry-After the throttled environments ask for, in ms. */
const RETRY_AFTER_MS = 1000;

/** What the child process reported of itself at exit (test/bench/usageHook.mjs). */
interface Usage {
  maxRssKb: number;
  userUs: number;
  systemUs: number;
}

export interface ScaleRun {
  environments: number;
  concurrency: number;
  /** How the run signed in: `--access-token`, client credentials, device code. */
  signIn: string;
  wallMs: number;
  /** `finops-link --version` in the same run: the program's own start-up. */
  startupMs: number;
  /** L + N × L / C + Retry-After + L (issue 25): what the network allows. */
  boundMs: number;
  exitCode: number | null;
  peakInFlight: number;
  peakSockets: number;
  /** Dataverse requests (429 answers included), admin list pages, token endpoint requests. */
  dataverseRequests: number;
  adminPages: number;
  tokenRequests: number;
  throttled: number;
  peakRssMb: number;
  cpuMs: number;
  /** CPU time of this process (the emulator) during the run: it shares the machine's cores with the program. */
  emulatorCpuMs: number;
}

/** Every tenth environment (the 6th, 16th, …) answers its first link function call 429 with Retry-After: 1. */
export function scaleTenant(count: number): EnvironmentSpec[] {
  return benchTenant(count).map((spec) =>
    spec.throttle === undefined ? spec : { ...spec, throttle: { ...spec.throttle, of: "function" as const } },
  );
}

/** The bound of issue 25: the first page, N round trips C at a time, the last throttled one's wait and round trip. */
export function boundMs(environments: number, concurrency: number, latencyMs = BENCH_DELAY_MS): number {
  return latencyMs + (environments * latencyMs) / concurrency + RETRY_AFTER_MS + latencyMs;
}

interface ChildRun {
  code: number | null;
  wallMs: number;
  stdout: string;
  usage: Usage | undefined;
}

function runChild(bin: string, args: string[], env: NodeJS.ProcessEnv, cpuProf?: string): Promise<ChildRun> {
  const folder = mkdtempSync(join(tmpdir(), "finops-bench-"));
  const usagePath = join(folder, "usage.json");
  const hook = pathToFileURL(join(__dirname, "usageHook.mjs")).href;
  const flags = cpuProf === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", cpuProf];
  const started = process.hrtime.bigint();
  return new Promise<ChildRun>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...flags, bin, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env, NODE_OPTIONS: `--import ${hook}`, FINOPS_BENCH_USAGE: usagePath },
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let usage: Usage | undefined;
      try {
        usage = JSON.parse(readFileSync(usagePath, "utf8")) as Usage;
      } catch {
        usage = undefined;
      }
      rmSync(folder, { recursive: true, force: true });
      if (code !== 0 && code !== 1) process.stderr.write(`bench: the run exited ${code}: ${err.slice(0, 2000)}\n`);
      resolvePromise({ code, wallMs, stdout: Buffer.concat(out).toString("utf8"), usage });
    });
  });
}

type SignIn = "access-token" | "client-credentials" | "device-code";

function signInArgs(signIn: SignIn, emulator: CliEmulator, cache: string): string[] {
  switch (signIn) {
    case "access-token":
      return ["--access-token", EMULATOR_TOKEN];
    case "client-credentials":
      return [
        "--authority",
        emulator.authority,
        "--tenant",
        "contoso.example",
        "--client-id",
        "00000000-0000-0000-0000-0000000000b1",
        "--client-secret",
        EMULATOR_CLIENT_SECRET,
      ];
    case "device-code":
      return ["--authority", emulator.authority, "--device-code", "--token-cache", cache];
  }
}

/** One `check --all --json` run over `environments` emulated environments. */
export async function scaleRun(
  bin: string,
  environments: number,
  concurrency: number,
  signIn: SignIn = "access-token",
  cpuProf?: string,
): Promise<ScaleRun> {
  const emulator = await startCliEmulator({ environments: scaleTenant(environments), pageSize: PAGE_SIZE });
  const home = mkdtempSync(join(tmpdir(), "finops-bench-home-"));
  try {
    const version = await runChild(bin, ["--version"], { HOME: home });
    const args = [
      "check",
      "--all",
      "--admin-api",
      emulator.adminApi,
      ...signInArgs(signIn, emulator, join(home, "cache.json")),
      "--json",
      "--concurrency",
      String(concurrency),
    ];
    const emulatorCpu = process.cpuUsage();
    const run = await runChild(bin, args, { HOME: home }, cpuProf);
    const emulatorUsage = process.cpuUsage(emulatorCpu);
    if (run.code === 2) {
      // Some environments could not be checked: say why (a bench of failures measures nothing).
      const rows = (JSON.parse(run.stdout || "{}") as { environments?: Array<{ error: { message: string } | null }> })
        .environments;
      const why = new Set((rows ?? []).flatMap((row) => (row.error === null ? [] : [row.error.message])));
      process.stderr.write(`bench: ${signIn} run exited 2: ${[...why].slice(0, 3).join(" | ")}\n`);
    }
    const stats = emulator.stats();
    const dataverseRequests = stats.environments.reduce((sum, e) => sum + e.requests, 0);
    return {
      environments,
      concurrency,
      signIn: signIn === "access-token" ? "--access-token" : signIn.replace("-", " "),
      wallMs: run.wallMs,
      startupMs: version.wallMs,
      boundMs: boundMs(environments, concurrency),
      exitCode: run.code,
      peakInFlight: stats.peakInFlight,
      peakSockets: stats.peakSockets,
      dataverseRequests,
      adminPages: stats.adminPages,
      // The tenant's own port answers the admin list and the token endpoints (device code and token) only.
      tokenRequests: stats.requests - dataverseRequests - stats.adminPages,
      throttled: stats.throttled,
      peakRssMb: (run.usage?.maxRssKb ?? NaN) / 1024,
      cpuMs: ((run.usage?.userUs ?? NaN) + (run.usage?.systemUs ?? NaN)) / 1000,
      emulatorCpuMs: (emulatorUsage.user + emulatorUsage.system) / 1000,
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
    await emulator.close();
  }
}

export interface ScalePlan {
  bin: string;
  sizes: number[];
  concurrencies: number[];
  /** Environments of the --json memory run (0: none). */
  memory: number;
  /** Environments of the sign-in runs (0: none). */
  tokens: number;
  cpuProf?: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the plan and writes its section of BENCHMARKS.md through `out`. */
export async function cliScaleSection(plan: ScalePlan, out: (line?: string) => void): Promise<ScaleRun[]> {
  const runs: ScaleRun[] = [];
  out("## Admin command line at tenant scale: `finops-link check --all --json`");
  out();
  out(
    `The built program as a child process against the emulated tenant on 127.0.0.1 (${availableParallelism()} cores, shared with the emulator; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} at the start). Each environment answers after ${BENCH_DELAY_MS} ms; every tenth answers its first`,
  );
  out(
    "link function call 429 with `Retry-After: 1`; the admin list has 100 environments a page. Bound = L + N × L / C + 1 s + L",
  );
  out(
    "(L = 50 ms: the first page, the round trips C at a time, the last throttled environment's wait and round trip); start-up",
  );
  out(
    "is `finops-link --version` timed in the same run. Peak RSS and CPU (user + system) are the child's own (process.resourceUsage).",
  );
  out();
  out(
    "| environments | concurrency | wall | bound | wall ÷ bound | start-up | (wall − start-up) ÷ bound | peak in flight | peak RSS | CPU | CPU per environment | emulator CPU | Dataverse requests | token requests |",
  );
  out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const row = (r: ScaleRun) =>
    out(
      `| ${r.environments} | ${r.concurrency} | ${seconds(r.wallMs)} | ${seconds(r.boundMs)} | ${(r.wallMs / r.boundMs).toFixed(2)} | ${seconds(r.startupMs)} | **${((r.wallMs - r.startupMs) / r.boundMs).toFixed(2)}** | ${r.peakInFlight} | ${r.peakRssMb.toFixed(0)} MB | ${seconds(r.cpuMs)} | ${(r.cpuMs / r.environments).toFixed(2)} ms | ${seconds(r.emulatorCpuMs)} | ${r.dataverseRequests} | ${r.tokenRequests} |`,
    );
  for (const size of plan.sizes)
    for (const concurrency of plan.concurrencies) {
      const run = await scaleRun(plan.bin, size, concurrency, "access-token", plan.cpuProf);
      runs.push(run);
      row(run);
    }
  if (plan.memory > 0) {
    out();
    out(`Memory: ${plan.memory} environments, \`--json\`, concurrency 32:`);
    out();
    const run = await scaleRun(plan.bin, plan.memory, 32);
    runs.push(run);
    out(
      `- peak RSS **${run.peakRssMb.toFixed(0)} MB** (goal: under 300 MB); wall ${seconds(run.wallMs)}, bound ${seconds(run.boundMs)}, CPU ${seconds(run.cpuMs)}; exit code ${run.exitCode}`,
    );
  }
  if (plan.tokens > 0) {
    out();
    out(`Sign-in: ${plan.tokens} environments at concurrency 32, requests to the emulated token endpoint:`);
    out();
    out("| sign-in | token requests | wall | (wall − start-up) ÷ bound | CPU | peak RSS | exit code |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const signIn of ["client-credentials", "device-code"] as const) {
      const run = await scaleRun(plan.bin, plan.tokens, 32, signIn);
      runs.push(run);
      out(
        `| ${run.signIn} | ${run.tokenRequests} | ${seconds(run.wallMs)} | ${((run.wallMs - run.startupMs) / run.boundMs).toFixed(2)} | ${seconds(run.cpuMs)} | ${run.peakRssMb.toFixed(0)} MB | ${run.exitCode} |`,
      );
    }
  }
  return runs;
}

/** `npm run bench`'s plan: 200 and 2,000 environments at 8 and 32, the 5,000-environment memory run, sign-ins. */
export function defaultPlan(root: string): ScalePlan {
  return {
    bin: join(root, "cli", "bin.mjs"),
    sizes: [200, 2000],
    concurrencies: [8, 32],
    memory: 5000,
    tokens: 1000,
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      concurrency: { type: "string" },
      memory: { type: "string" },
      tokens: { type: "string" },
      bin: { type: "string" },
      "cpu-prof": { type: "string" },
    },
  });
  const numbers = (text: string) =>
    text
      .split(",")
      .filter((n) => n.trim() !== "")
      .map((n) => Number(n.trim()));
  const plan = defaultPlan(resolve(__dirname, "..", ".."));
  if (values.sizes !== undefined) plan.sizes = numbers(values.sizes);
  if (values.concurrency !== undefined) plan.concurrencies = numbers(values.concurrency);
  if (values.memory !== undefined) plan.memory = Number(values.memory);
  if (values.tokens !== undefined) plan.tokens = Number(values.tokens);
  if (values.bin !== undefined) plan.bin = resolve(values.bin);
  if (values["cpu-prof"] !== undefined) plan.cpuProf = resolve(values["cpu-prof"]);
  cliScaleSection(plan, (line = "") => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
