import { spawn } from "node:child_process";
import { join } from "node:path";
import { benchTenant } from "../../demo/emulator/tenants";
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
}

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
    const { total: _total, retried, ...states } = summary;
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
    };
  } finally {
    await emulator.close();
  }
}
