/**
 * Bundles the form script: webresources/index.ts -> out/webresources/form.js, ONE plain minified IIFE (no module
 * loader at run time) that defines `FinOpsLink.Form`. Its sourcemap goes to out/sourcemaps/ (for debugging, never
 * shipped: the packer takes out/webresources/, and the script carries no sourceMappingURL comment).
 * Its words are not in it: the committed webresources/strings/FormScript.<lcid>.resx are copied to
 * out/webresources/strings/, which the packer ships as RESX web resources (only English is built in, as the fallback).
 * Run: `npm run build:form` (tsx webresources/build.ts). Prints raw and gzip -9 sizes.
 */
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

// CommonJS (no "type": "module" in package.json): tsx and ts-jest both give __dirname.
const root = resolve(__dirname, "..");
export const FORM_SCRIPT = join(root, "out", "webresources", "form.js");
const STRINGS_SOURCE = join(root, "webresources", "strings");
const SOURCEMAPS = join(root, "out", "sourcemaps");

/**
 * `var FinOpsLink` at the top is how Dataverse form libraries declare a namespace: it keeps an existing FinOpsLink
 * object (other libraries' members survive) and also lands on globalThis when a loader evaluates the script inside a function.
 */
const NAMESPACE_BANNER = "var FinOpsLink = globalThis.FinOpsLink = globalThis.FinOpsLink || {};";

export interface FormScriptSize {
  path: string;
  rawBytes: number;
  gzipBytes: number;
}

export async function buildFormScript(outfile: string = FORM_SCRIPT): Promise<FormScriptSize> {
  mkdirSync(dirname(outfile), { recursive: true });
  // Whatever stands where the script goes (a folder made by mistake, say) would fail esbuild's write.
  rmSync(outfile, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, "webresources", "index.ts")],
    outfile,
    bundle: true,
    format: "iife",
    platform: "browser",
    // The browsers model-driven apps support (pcfconfig.json's targets) run ES2020: no helpers for spread or `?.`.
    target: "es2020",
    minify: true,
    sourcemap: "external",
    legalComments: "none",
    charset: "utf8", // the translations stay readable UTF-8 instead of \u escapes (smaller too)
    banner: { js: NAMESPACE_BANNER },
    logLevel: "warning",
  });
  mkdirSync(SOURCEMAPS, { recursive: true });
  renameSync(`${outfile}.map`, join(SOURCEMAPS, `${basename(outfile)}.map`));
  const stringsOut = join(dirname(outfile), "strings");
  rmSync(stringsOut, { recursive: true, force: true });
  mkdirSync(stringsOut, { recursive: true });
  for (const name of readdirSync(STRINGS_SOURCE).filter((file) => file.endsWith(".resx"))) {
    copyFileSync(join(STRINGS_SOURCE, name), join(stringsOut, name));
  }
  const code = readFileSync(outfile);
  return { path: outfile, rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

if (require.main === module) {
  buildFormScript()
    .then(({ path, rawBytes, gzipBytes }) => console.log(`${path}: ${rawBytes} bytes raw, ${gzipBytes} bytes gzip -9`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
