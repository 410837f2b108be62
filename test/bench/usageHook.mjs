// Preloaded into the command line's child process by test/bench/cliScale.ts (NODE_OPTIONS=--import): writes the
// process's own peak RSS and CPU time to FINOPS_BENCH_USAGE when it exits (process.exit included), so the bench
// needs neither /usr/bin/time nor /proc. Bench only: never part of the package.
import { writeFileSync } from "node:fs";
import process from "node:process";

const path = process.env.FINOPS_BENCH_USAGE;
if (path) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      path,
      JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }),
    );
  });
}
