/**
 * `npm run stamp-version`, also run by npm's `version` lifecycle (`npm version 1.2.0`): copies package.json's version
 * into pcf/LinkedEnvironment/ControlManifest.Input.xml (x.y.z) and solution/src/Other/Solution.xml (x.y.z.0).
 * The only writer of those version fields (see scripts/version.ts for the policy).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stampSolutionXmlVersion, syncManifestVersion } from "./version";

const root = resolve(__dirname, "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const targets: Array<[string, (text: string) => string]> = [
  ["pcf/LinkedEnvironment/ControlManifest.Input.xml", (text) => syncManifestVersion(text, version)],
  ["solution/src/Other/Solution.xml", (text) => stampSolutionXmlVersion(text, version)],
];
for (const [path, stamp] of targets) {
  const before = readFileSync(join(root, path), "utf8");
  const after = stamp(before);
  if (after !== before) writeFileSync(join(root, path), after, "utf8");
  console.log(`${path}: ${after === before ? "already" : "now"} ${version}`);
}
