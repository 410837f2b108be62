/**
 * `npm run build:control`: the stock pcf-scripts production build of the control into out/controls/, as
 * `pcf-scripts rebuild --buildMode production`, which empties out/controls first (so a stale or broken output, e.g.
 * a folder where bundle.js belongs or a resx the manifest no longer names, never survives a build).
 *
 * pcf-scripts exits 0 even when its build failed (node_modules/pcf-scripts/bin/pcf-scripts.js sets the exit code from
 * whether the task runner threw, not from the tasks: "[build] Failed", "[pcf-1035] [Error] Build failed: EISDIR…")
 * and when a resx the manifest names is missing ("[pcf-1011] [Error]"). So this passes its output through and exits 1
 * when that output reports an error, so `npm run build` stops there instead of packing an old control. Then it drops
 * the first-line pointer to bundle.js.LICENSE.txt when that file holds only webpack's module-path banner (below).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const PCF_SCRIPTS = join(root, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");
// What pcf-scripts prints for a failed task or an error diagnostic (after its ANSI colours are removed).
const REPORTED_FAILURE = /\[(?:re)?build\] Failed|\[pcf-\d+\] \[Error\]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const OUT = join(root, "out", "controls", "LinkedEnvironment");
const BANNER = "/*! For license information please see bundle.js.LICENSE.txt */\n";
// The only comments webpack writes there when the bundle holds no licence: the concatenated module's path, boxed.
const PATH_BANNER = /^\s*\/\*!\*+!\*\\\s*!\*\*\* [^\n]* \*\*\*!\s*\\\*+\/\s*$/;

/**
 * Terser moves `/*!` comments into bundle.js.LICENSE.txt and leaves a first line pointing there. The solution ships
 * bundle.js alone, and webpack's `/*!` module-path banner is no licence: when that banner is all the file holds,
 * the pointer and the file go (about 50 bytes gzip of a 12 KB budget). A real licence comment keeps both.
 * Returns the bundle to write, or undefined to leave it as it is.
 */
export function withoutPathOnlyLicenseBanner(bundle: string, licenseText: string | undefined): string | undefined {
  if (licenseText === undefined || !bundle.startsWith(BANNER)) return undefined;
  return PATH_BANNER.test(licenseText) ? bundle.slice(BANNER.length) : undefined;
}

function dropPathOnlyLicenseBanner(): void {
  const bundlePath = join(OUT, "bundle.js");
  const licensePath = join(OUT, "bundle.js.LICENSE.txt");
  if (!existsSync(bundlePath) || !existsSync(licensePath)) return;
  const trimmed = withoutPathOnlyLicenseBanner(readFileSync(bundlePath, "utf8"), readFileSync(licensePath, "utf8"));
  if (trimmed === undefined) return;
  writeFileSync(bundlePath, trimmed);
  rmSync(licensePath);
}

/** Runs the build, echoing its output; resolves with the exit code this step should have. */
export function buildControl(): Promise<number> {
  return new Promise((done) => {
    let log = "";
    const child = spawn(process.execPath, [PCF_SCRIPTS, "rebuild", "--buildMode", "production"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const echo = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      log += chunk.toString("utf8");
      target.write(chunk);
    };
    child.stdout.on("data", echo(process.stdout));
    child.stderr.on("data", echo(process.stderr));
    child.on("error", (error) => {
      console.error(`build:control failed: could not run pcf-scripts: ${error.message}`);
      done(1);
    });
    child.on("close", (code) => {
      if (code !== 0) return done(code ?? 1);
      if (REPORTED_FAILURE.test(log.replace(ANSI, ""))) {
        console.error("build:control failed: pcf-scripts reported the error above (it exits 0 even then)");
        return done(1);
      }
      dropPathOnlyLicenseBanner();
      done(0);
    });
  });
}

if (require.main === module) {
  void buildControl().then((code) => {
    process.exitCode = code;
  });
}
