/**
 * Pre-step of `npm run build:control`: writes pcf/LinkedEnvironment/strings/LinkedEnvironment.<lcid>.resx from
 * core/strings and syncs the manifest's control version from package.json. The resx files are build output
 * (git-ignored): core/strings stays the one source of every user-facing word.
 *   tsx scripts/generate-resx.ts [--out <dir>]   (--out: write the resx elsewhere, e.g. for tests; manifest untouched)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LANGUAGES } from "../core/strings";
import { buildResx, resxFileName, syncManifestVersion } from "./resx";

const root = resolve(__dirname, "..");
const controlDir = join(root, "pcf", "LinkedEnvironment");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const outDir = values.out ? resolve(values.out) : join(controlDir, "strings");

mkdirSync(outDir, { recursive: true });
for (const { lcid } of LANGUAGES) {
  writeFileSync(join(outDir, resxFileName(lcid)), buildResx(lcid), "utf8");
}
console.log(`resx: ${LANGUAGES.length} languages -> ${outDir}`);

if (!values.out) {
  const manifestPath = join(controlDir, "ControlManifest.Input.xml");
  const manifest = readFileSync(manifestPath, "utf8");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const synced = syncManifestVersion(manifest, version);
  if (synced !== manifest) {
    writeFileSync(manifestPath, synced, "utf8");
    console.log(`manifest: control version -> ${version}`);
  }
}
