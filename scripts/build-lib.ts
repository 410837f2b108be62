/**
 * `npm run build:lib`: the library the npm package exports (`import { getIntegrationDetails } from "finops-link"`).
 * lib/index.ts -> out/lib/index.mjs, one ES module (ES2020, not minified: consumers' bundlers minify and shake it,
 * package.json says `sideEffects: false`), and out/lib/index.d.mts, its declarations in one file (dts-bundle-generator),
 * so TypeScript's node16 and bundler resolution both read them without extension rewriting. Fails when the bundle
 * imports anything (a Node built-in, React, a package): the library must run in a browser bundle and in Node as is.
 */
import { build } from "esbuild";
import { generateDtsBundle } from "dts-bundle-generator";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
export const LIB_DIR = join(root, "out", "lib");
export const LIB_ENTRY = join(LIB_DIR, "index.mjs");
export const LIB_TYPES = join(LIB_DIR, "index.d.mts");

export async function buildLib(): Promise<void> {
  rmSync(LIB_DIR, { recursive: true, force: true });
  mkdirSync(LIB_DIR, { recursive: true });
  const result = await build({
    entryPoints: [join(root, "lib", "index.ts")],
    outfile: LIB_ENTRY,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2020",
    minify: false,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  if (imports.length > 0)
    throw new Error(`out/lib/index.mjs imports ${imports.join(", ")}: the library must import nothing (lib/index.ts)`);
  const [types] = generateDtsBundle([{ filePath: join(root, "lib", "index.ts"), output: { noBanner: true } }], {
    preferredConfigPath: join(root, "tsconfig.lib.json"),
  });
  writeFileSync(LIB_TYPES, types);
}

if (require.main === module)
  buildLib().catch((error: unknown) => {
    process.stderr.write(`build:lib: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
