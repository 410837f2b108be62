/**
 * The npm package as users get it (test/package/support/packed.ts packs it once per build): packed and unpacked size,
 * installed size with its dependency tree, the number of dependencies installed, the time `npm install -g` takes from
 * the local tarball (offline), `finops-link --help` from a cold process, and what the library adds to a browser bundle
 * (esbuild, minified, gzip -9): the link check alone and every export. `npx tsx test/bench/package.ts` prints the
 * section alone; `npm run bench` adds it to BENCHMARKS.md (one call in run.ts).
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { installInto, packedTarball } from "../package/support/packed";

const INSTALLS = 3;
const HELP_RUNS = 9;
/** The goals (docs/development.md, "The npm package"). */
const GOALS = { installedBytes: 15 * 1024 * 1024, helpMs: 300, linkCheckGzip: 4 * 1024 };

export interface PackageFigures {
  packedBytes: number;
  unpackedBytes: number;
  files: number;
  installedBytes: number;
  dependencies: number;
  installMs: number;
  helpMs: number;
  /** The fastest of the runs: the cold start with the least interference from other work on the machine. */
  helpMinMs: number;
  /** `node -e 0` the same way: Node's own start, the floor of any CLI. */
  nodeMs: number;
  linkCheck: { minified: number; gzip: number };
  leanCheck: { minified: number; gzip: number };
  everyExport: { minified: number; gzip: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

/** Every package folder in an install tree (scoped ones included), at any depth. */
function packagesUnder(nodeModules: string): number {
  let count = 0;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dirs = entry.name.startsWith("@")
      ? readdirSync(join(nodeModules, entry.name)).map((name) => join(nodeModules, entry.name, name))
      : [join(nodeModules, entry.name)];
    for (const dir of dirs) {
      count += 1;
      const nested = join(dir, "node_modules");
      if (statSync(nested, { throwIfNoEntry: false })?.isDirectory() === true) count += packagesUnder(nested);
    }
  }
  return count;
}

async function libraryBytes(project: string, source: string): Promise<{ minified: number; gzip: number }> {
  const entry = join(project, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: project,
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export async function measurePackage(): Promise<PackageFigures> {
  const { tarball, list } = packedTarball();
  const work = mkdtempSync(join(tmpdir(), "finops-link-bench-"));
  try {
    const installs: number[] = [];
    let prefix = "";
    for (let i = 0; i < INSTALLS; i++) {
      prefix = join(work, `prefix-${i}`);
      installs.push(installInto(prefix, tarball));
    }
    const nodeModules = join(prefix, "lib", "node_modules");
    const bin = join(prefix, "bin", "finops-link");
    const timed = (command: string, args: string[]) => {
      const started = process.hrtime.bigint();
      const run = spawnSync(command, args, { cwd: work, stdio: "ignore" });
      if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}`);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const help: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < HELP_RUNS; i++) {
      help.push(timed(bin, ["--help"]));
      node.push(timed(process.execPath, ["-e", "0"]));
    }
    // The library as a consumer's bundler sees it: from the installed copy.
    const project = join(prefix, "lib");
    const linkCheck = await libraryBytes(
      project,
      `import { getIntegrationDetails, pcfWebApi } from "finops-link";\nexport const check = (c: { userId: string; webAPI: unknown }) => getIntegrationDetails({ orgUrl: location.origin, userId: c.userId, webApi: pcfWebApi(c.webAPI) });\n`,
    );
    const leanCheck = await libraryBytes(
      project,
      `import { askIntegrationDetails, pcfWebApi } from "finops-link";\nexport const check = (c: { webAPI: unknown }) => askIntegrationDetails({ webApi: pcfWebApi(c.webAPI) });\n`,
    );
    const everyExport = await libraryBytes(project, `export * from "finops-link";\n`);
    return {
      packedBytes: list.size,
      unpackedBytes: list.unpackedSize,
      files: list.files.length,
      installedBytes: bytesUnder(nodeModules),
      dependencies: packagesUnder(nodeModules) - 1,
      installMs: median(installs),
      helpMs: median(help),
      helpMinMs: Math.min(...help),
      nodeMs: median(node),
      linkCheck,
      leanCheck,
      everyExport,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${bytes.toLocaleString("en-US")} B (${(bytes / 1024).toFixed(1)} KB)`;
const mark = (ok: boolean) => (ok ? "within" : "**over**");

/** Measures and writes the section through `out` (one line per call). */
export async function packageBench(out: (line?: string) => void): Promise<PackageFigures> {
  const f = await measurePackage();
  out();
  out("## The npm package `finops-link`");
  out();
  out(
    `\`npm pack\` of the build, installed with \`npm install -g --offline\` into an empty prefix (median of ${INSTALLS}); \`finops-link --help\` from a cold process (median of ${HELP_RUNS}); the library bundled from the installed copy with esbuild (minified, ES2020, gzip -9).`,
  );
  out();
  out("| figure | value | goal |");
  out("| --- | ---: | --- |");
  out(`| packed (tarball) | ${kb(f.packedBytes)} | |`);
  out(`| unpacked (${f.files} files) | ${kb(f.unpackedBytes)} | |`);
  out(
    `| installed, with dependencies | ${kb(f.installedBytes)} | ≤ 15 MB: ${mark(f.installedBytes <= GOALS.installedBytes)} |`,
  );
  out(`| dependencies installed | ${f.dependencies} | |`);
  out(`| install time from the local tarball | ${f.installMs.toFixed(0)} ms | |`);
  out(
    `| \`finops-link --help\`, cold (fastest of ${HELP_RUNS}) | ${f.helpMs.toFixed(0)} ms (${f.helpMinMs.toFixed(0)} ms) | ≤ 300 ms: ${mark(f.helpMs <= GOALS.helpMs)} |`,
  );
  out(`| \`node -e 0\`, the same way (Node's own start) | ${f.nodeMs.toFixed(0)} ms | |`);
  out(
    `| library, link check alone (askIntegrationDetails: one request) | ${f.leanCheck.minified.toLocaleString("en-US")} B minified, ${f.leanCheck.gzip.toLocaleString("en-US")} B gzip | ≤ 4 KB gzip: ${mark(f.leanCheck.gzip <= GOALS.linkCheckGzip)} |`,
  );
  out(
    `| library, cached link check (getIntegrationDetails: tab cache, hand-off) | ${f.linkCheck.minified.toLocaleString("en-US")} B minified, ${f.linkCheck.gzip.toLocaleString("en-US")} B gzip | |`,
  );
  out(
    `| library, every export | ${f.everyExport.minified.toLocaleString("en-US")} B minified, ${f.everyExport.gzip.toLocaleString("en-US")} B gzip | |`,
  );
  return f;
}

if (require.main === module)
  packageBench((line = "") => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
