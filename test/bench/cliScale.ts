import { spawn } from "node:child_process";
import { join } from "node:path";
import { BENCH_DELAY_MS, benchTenant } from "../../demo/emulator/tenants";
import { EMULATOR_TOKEN, startCliEmulator } from "../../demo/server/cli";

export interface CliScaleFigures {
  environments: number;
  wallMs: number;
  exitCode: number | null;
  peakSockets: number;
  peakInFlight: number;
  connections: number;
  throttled: number;
  retried: number;
  states: Record<string, number>;
  /** The concurrency the run used (the CLI's default). */
  concurrency: number;
  /** Dataverse requests per checked environment, 429 answers left out (the link and the solution row). */
  requestsPerEnvironment: number;
  /** One environment's answer time with no 429: its requests one after the other, each answered after the delay. */
  perEnvironmentMs: number;
  /** environments ÷ concurrency × the per-environment answer time: no run can be faster. */
  lowerBoundMs: number;
  /** wallMs ÷ lowerBoundMs. */
  ratio: number;
  /** The same bound with the 429s' Retry-After waits spread over the slots as well. */
  lowerBoundWithWaitsMs: number;
}

/** The CLI's default --concurrency (cli/main.ts). */
const CONCURRENCY = 8;

/**
 * `finops-link check --all` over `count` emulated environments with the default concurrency, as a child process:
 * wall time (process start to exit), peak open sockets and 429s as the emulator saw them, retries as the CLI counted.
 */
export async function cliScale(root: string, count: number): Promise<CliScaleFigures> {
  const emulator = await startCliEmulator({ environments: benchTenant(count), pageSize: 50 });
  try {
    const started = process.hrtime.bigint();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          join(root, "cli", "bin.mjs"),
          "check",
          "--all",
          "--admin-api",
          emulator.adminApi,
          "--access-token",
          EMULATOR_TOKEN,
          "--json",
        ],
        { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
      );
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
      child.on("error", reject);
      child.on("close", (exitCode) => resolve({ code: exitCode, stdout: out }));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const { summary } = JSON.parse(stdout) as { summary: Record<string, number> };
    const stats = emulator.stats();
    const { total: _total, retried, findings: _findings, ...states } = summary as Record<string, number>;
    const checked = count; // every bench environment has Dataverse and is enabled
    const dataverseRequests = stats.environments.reduce((sum, e) => sum + e.requests, 0);
    const requestsPerEnvironment = (dataverseRequests - stats.throttled) / checked;
    const perEnvironmentMs = requestsPerEnvironment * BENCH_DELAY_MS;
    const lowerBoundMs = (count / CONCURRENCY) * perEnvironmentMs;
    // Each 429 costs the delay of its answer and the Retry-After of 1 s before the request is sent again.
    const lowerBoundWithWaitsMs = lowerBoundMs + (stats.throttled * (BENCH_DELAY_MS + 1000)) / CONCURRENCY;
    return {
      environments: count,
      wallMs,
      exitCode: code,
      peakSockets: stats.peakSockets,
      peakInFlight: stats.peakInFlight,
      connections: stats.connections,
      throttled: stats.throttled,
      retried,
      states,
      concurrency: CONCURRENCY,
      requestsPerEnvironment,
      perEnvironmentMs,
      lowerBoundMs,
      ratio: wallMs / lowerBoundMs,
      lowerBoundWithWaitsMs,
    };
  } finally {
    await emulator.close();
  }
}
