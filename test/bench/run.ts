import { readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { unmanagedZipPath, zipPaths } from "../../demo/build/ensureBuilt";
import { BASELINE, bundleGrowth } from "./baseline";
import { cliScaleSection, defaultPlan } from "./cliScale";
import { packageBench } from "./package";
import { readSolution } from "../../demo/package/readSolution";
import { ROOT, startHarness, type FormQuery } from "../e2e/support/demo";
import {
  downloadsPerLanguage,
  median,
  percentile,
  recordLinkLoad,
  requestsPerPage,
  responseToPaint,
  shippedSizes,
  timeBuild,
  type PaintSample,
  type RecordLinkLoad,
} from "./measure";

/**
 * `npm run bench`: numbers for the built artifacts, printed and written to BENCHMARKS.md.
 *   --skip-build   measure what solution/bin holds, without timing `npm run build`
 *   --loads N      page loads for the render-time median (default 20)
 *   --no-write     print only
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "skip-build": { type: "boolean", default: false },
      loads: { type: "string", default: "20" },
      "no-write": { type: "boolean", default: false },
    },
  });
  const loads = Number(values.loads);
  if (!Number.isInteger(loads) || loads < 1) throw new Error(`--loads must be a positive integer, not ${values.loads}`);
  const lines: string[] = [];
  const out = (line = "") => {
    lines.push(line);
    console.log(line);
  };

  const loadBefore = loadavg();
  const buildMs = values["skip-build"] ? undefined : timeBuild(ROOT);
  const solution = readSolution(unmanagedZipPath(ROOT));
  const harness = await startHarness();
  try {
    out("## Machine");
    out();
    out(`- CPUs: ${availableParallelism()} (nproc) × ${cpus()[0]?.model ?? "unknown"}`);
    out(`- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
    out(
      `- Node ${process.version}; Chromium ${harness.browser.version()} (headless, ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"})`,
    );
    out(
      `- Load average (1, 5, 15 min) when the bench started: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; after the build: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")} (other work on the machine inflates the times)`,
    );
    out(
      `- Package version ${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}, measured ${new Date().toISOString()}`,
    );
    out();
    const sizes = shippedSizes(solution);
    out(`## Bundle sizes and growth since ${BASELINE.version} (commit ${BASELINE.commit})`);
    out();
    out(`| bundle | raw bytes | gzip -9 bytes | raw since ${BASELINE.version} | gzip -9 since ${BASELINE.version} |`);
    out("| --- | ---: | ---: | ---: | ---: |");
    for (const row of bundleGrowth(sizes))
      out(`| ${row.label} | ${row.raw} | ${row.gzip9} | ${row.rawGrowth} | ${row.gzipGrowth} |`);
    out();
    out("## Shipped artifacts (from the unmanaged zip)");
    out();
    out("| file | raw bytes | gzip -9 bytes |");
    out("| --- | ---: | ---: |");
    for (const size of sizes) out(`| ${size.name} | ${size.raw} | ${size.gzip9} |`);
    out();
    const zips = zipPaths(ROOT);
    out(
      `Solution zips: unmanaged ${statSync(zips.unmanaged).size} bytes, managed ${statSync(zips.managed).size} bytes.`,
    );
    out();
    out("## What one form-script user downloads (form.js + the RESX web resource in their language, gzip -9)");
    out();
    out("| language | form.js | its RESX | total |");
    out("| --- | ---: | ---: | ---: |");
    for (const row of downloadsPerLanguage(solution, "fol_/finopslink/form.js").sort((a, b) => a.lcid - b.lcid))
      out(`| ${row.lcid} | ${row.script} | ${row.resx} | ${row.script + row.resx} |`);
    out();
    out("## API requests per page (fresh tab, linked)");
    out();
    out("| form | requests |");
    out("| --- | ---: |");
    out(`| 1 control + form script | ${await requestsPerPage(harness, 1, true)} |`);
    out(`| 3 controls + form script | ${await requestsPerPage(harness, 3, true)} |`);
    out();
    const summary = (values: number[]) =>
      `median ${median(values).toFixed(1)} ms; p90 ${percentile(values, 90).toFixed(1)} ms; min ${Math.min(...values).toFixed(1)} ms; max ${Math.max(...values).toFixed(1)} ms`;
    out(`## Record link per form load (account form, recordLink=matchRow, 1 control, fresh tab, ${loads} loads each)`);
    out();
    out("The record's reads wait for the link check to name an environment: none where Dataverse is not linked.");
    out();
    out("| link check answers | API requests | navigation start -> record link in the DOM |");
    out("| --- | ---: | --- |");
    for (const scenario of ["linked", "notLinked"] as const) {
      const samples: RecordLinkLoad[] = [];
      for (let i = 0; i < loads; i++) samples.push(await recordLinkLoad(harness, scenario));
      const counts = [...new Set(samples.map((s) => s.requests))].join(" or ");
      const shown = samples.flatMap((s) => (s.shownAt === undefined ? [] : [s.shownAt]));
      out(`| ${scenario} | ${counts} | ${shown.length > 0 ? summary(shown) : "not shown"} |`);
    }
    out();
    out(`## Emulator response to values painted (1 control, ${loads} loads each, a fresh tab per load)`);
    out();
    out(
      "Start: the API response's `responseEnd` (resource timing). End: the environment id's text appearing in the DOM",
    );
    out("(MutationObserver), then the next animation frame (painted). Both in the page's clock.");
    out();
    out("| answer | response -> in the DOM | response -> painted |");
    out("| --- | --- | --- |");
    const runs: Array<[string, FormQuery]> = [
      ["immediate (the page is still starting up when it arrives)", { controls: 1, script: false }],
      ["after 1 s (the page is idle when it arrives)", { controls: 1, script: false, scenario: "slow", delay: 1000 }],
    ];
    for (const [label, query] of runs) {
      const samples: PaintSample[] = [];
      for (let i = 0; i < loads; i++) samples.push(await responseToPaint(harness, query));
      out(`| ${label} | ${summary(samples.map((s) => s.inDom))} | ${summary(samples.map((s) => s.painted))} |`);
    }
    out();
    out("## Build");
    out();
    out(
      buildMs === undefined
        ? "- `npm run build`: not timed (--skip-build)"
        : `- \`npm run build\` wall time: ${(buildMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await harness.close();
  }

  out();
  await cliScaleSection(defaultPlan(ROOT), out); // alone: npx tsx test/bench/cliScale.ts (docs/development.md)

  await packageBench(out);

  if (!values["no-write"]) {
    const header =
      "# Benchmarks\n\nWritten by `npm run bench` (test/bench/run.ts); rerun it to refresh. Numbers come from the built solution zip running in real Chromium against the demo's emulated Dataverse.\n\n";
    // Formatted as `npm test`'s format check expects, so a refreshed BENCHMARKS.md never fails it.
    const file = join(ROOT, "BENCHMARKS.md");
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(`${header}${lines.join("\n")}\n`, { ...options, filepath: file }));
    console.log("\nWrote BENCHMARKS.md");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
