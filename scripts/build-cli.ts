/**
 * `npm run build:cli`: cli/main.ts -> out/cli/finops-link.mjs, ONE file with every dependency inside (esbuild), so
 * the npm package declares no runtime dependency: it installs with no network and no dependency tree, and starts in
 * about half the time the same code takes loading ~20 packages from node_modules (docs/development.md, "The npm
 * package", has the figures). What it bundles is written down twice, from esbuild's metafile:
 * - out/cli/THIRD-PARTY-NOTICES.txt (shipped): each bundled package's name, version, licence and licence text, as
 *   their licences ask of copies;
 * - out/cli/bundled.json (not shipped): `[{ name, version, license }]`, which `npm run release` adds to the SBOM as
 *   components, so a scanner still sees every bundled package and version.
 */
import { build, type Metafile } from "esbuild";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const OUT = join(root, "out", "cli");
export const CLI_BUNDLE = join(OUT, "finops-link.mjs");
export const CLI_NOTICES = join(OUT, "THIRD-PARTY-NOTICES.txt");
export const CLI_BUNDLED = join(OUT, "bundled.json");

/** CommonJS packages in an ES module bundle call require() for Node's built-ins: give them Node's own. */
const REQUIRE_BANNER =
  'import { createRequire as __finopsLinkCreateRequire } from "node:module"; const require = __finopsLinkCreateRequire(import.meta.url);';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** Folder of the package, relative to the repository root. */
  dir: string;
}

/** The packages whose files esbuild put into the bundle, from the metafile's inputs (nested copies included). */
export function bundledPackages(metafile: Metafile): BundledPackage[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match !== null) dirs.add(match[1]);
  }
  return [...dirs]
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
        name: string;
        version: string;
        license?: string;
      };
      return { name: manifest.name, version: manifest.version, license: manifest.license ?? "UNKNOWN", dir };
    })
    .sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name)));
}

function licenceText(dir: string): string | undefined {
  const file = readdirSync(join(root, dir)).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  return file === undefined ? undefined : readFileSync(join(root, dir, file), "utf8").trim();
}

function notices(packages: BundledPackage[]): string {
  const parts = packages.map((p) => {
    const text = licenceText(p.dir) ?? `(${p.name} ships no licence file; its package.json says ${p.license})`;
    return `${p.name} ${p.version} (${p.license})\n${"-".repeat(60)}\n${text}\n`;
  });
  return `finops-link's command line (out/cli/finops-link.mjs) bundles these packages:\n\n${parts.join("\n")}`;
}

export async function buildCli(): Promise<BundledPackage[]> {
  mkdirSync(OUT, { recursive: true });
  for (const file of [CLI_BUNDLE, CLI_NOTICES, CLI_BUNDLED]) rmSync(file, { force: true });
  const result = await build({
    entryPoints: [join(root, "cli", "main.ts")],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: { js: REQUIRE_BANNER },
    legalComments: "none", // the licences are in THIRD-PARTY-NOTICES.txt, whole
    metafile: true,
    logLevel: "warning",
  });
  const outside = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports.map((i) => i.path))
    .filter((path) => !path.startsWith("node:") && !isBuiltin(path));
  if (outside.length > 0)
    throw new Error(
      `the CLI bundle still imports ${[...new Set(outside)].join(", ")}: bundle it (scripts/build-cli.ts)`,
    );
  const packages = bundledPackages(result.metafile);
  writeFileSync(CLI_NOTICES, notices(packages));
  writeFileSync(
    CLI_BUNDLED,
    `${JSON.stringify(
      packages.map(({ name, version, license }) => ({ name, version, license })),
      null,
      2,
    )}\n`,
  );
  return packages;
}

function isBuiltin(path: string): boolean {
  return builtinModules.includes(path);
}

if (require.main === module)
  buildCli().catch((error: unknown) => {
    process.stderr.write(`build:cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
