import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { zipNames } from "../../core/zipNames";
import { UsageError } from "../failures";

/** The solution's unique name: the packer names the zips after it (solution/src/Other/Solution.xml). */
export const UNIQUE_NAME = "FinOpsLink";

/** Both zips of this version, where they sit in the package (and in a built checkout): `<root>/solution/bin/`. */
export interface PackagedZips {
  version: string;
  unmanaged: string;
  managed: string;
}

/**
 * The zips that ship with this `finops-link`: the npm package holds `solution/bin/FinOpsLink_<version>.zip` and
 * `..._managed.zip` of its own version (package.json `files`), exactly where `npm run build` writes them in a checkout,
 * so one path serves both. `root` is the package (or checkout) root, the folder with package.json.
 */
export function packagedZips(root: string): PackagedZips {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const names = zipNames(UNIQUE_NAME, version);
  return {
    version,
    unmanaged: join(root, "solution", "bin", names.unmanaged),
    managed: join(root, "solution", "bin", names.managed),
  };
}

/**
 * A checkout has the sources next to the build (cli/main.ts); an installed package ships only the build. The missing-
 * file messages differ: a developer builds, an admin reinstalls.
 */
export function isCheckout(root: string): boolean {
  return existsSync(join(root, "cli", "main.ts"));
}

/** The one path of a packaged zip, or a usage error that says what to do where this program runs. */
export function packagedZip(root: string, managed: boolean): string {
  const zips = packagedZips(root);
  const path = managed ? zips.managed : zips.unmanaged;
  if (existsSync(path)) return path;
  throw new UsageError(
    isCheckout(root)
      ? `${path} does not exist: run npm run build in this checkout, or pass --zip <path>`
      : `${path} is missing from this finops-link ${zips.version} install: reinstall it (npm install -g finops-link@${zips.version}), or pass --zip <path>`,
  );
}
