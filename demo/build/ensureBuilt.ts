import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { zipNames } from "../../core/zipNames";

/** The solution's unique name, as the packer reads it from the solution source. */
function solutionUniqueName(root: string): string {
  const solutionXml = readFileSync(join(root, "solution", "src", "Other", "Solution.xml"), "utf8");
  const name = /<SolutionManifest>\s*<UniqueName>([^<]+)<\/UniqueName>/.exec(solutionXml)?.[1];
  if (!name) throw new Error("solution/src/Other/Solution.xml has no <SolutionManifest><UniqueName>");
  return name;
}

/** Where `npm run build:solution` writes the zips for the version in package.json. */
export function zipPaths(root: string): { unmanaged: string; managed: string } {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const names = zipNames(solutionUniqueName(root), version);
  return {
    unmanaged: join(root, "solution", "bin", names.unmanaged),
    managed: join(root, "solution", "bin", names.managed),
  };
}

export function unmanagedZipPath(root: string): string {
  return zipPaths(root).unmanaged;
}

const SOURCE_DIRS = ["core", "pcf", "webresources", "solution"];
const SKIP = new Set(["node_modules", "bin", "generated", "obj"]);

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (!SKIP.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the zip needs building, or undefined when it is newer than every source it is built from. */
export function staleReason(root: string): string | undefined {
  const zip = unmanagedZipPath(root);
  const zipTime = statSync(zip, { throwIfNoEntry: false })?.mtimeMs;
  if (zipTime === undefined) return `${zip} does not exist`;
  const newest = Math.max(
    newestMtime(join(root, "package.json")),
    ...SOURCE_DIRS.map((d) => newestMtime(join(root, d))),
  );
  return newest > zipTime ? "sources changed since the last build" : undefined;
}

/** Runs `npm run build` when the zip is missing or older than the sources; throws when the build fails. */
export function ensureBuilt(root: string, log: (line: string) => void = console.log): void {
  const reason = staleReason(root);
  if (!reason) return;
  log(`Building the solution (${reason}): npm run build`);
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}
