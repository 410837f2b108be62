/**
 * `npm run build:control`: the stock pcf-scripts production build of the control into out/controls/, as
 * `pcf-scripts rebuild --buildMode production`, which empties out/controls first (so a stale or broken output, e.g.
 * a folder where bundle.js belongs or a resx the manifest no longer names, never survives a build).
 *
 * pcf-scripts exits 0 even when its build failed (node_modules/pcf-scripts/bin/pcf-scripts.js sets the exit code from
 * whether the task runner threw, not from the tasks: "[build] Failed", "[pcf-1035] [Error] Build failed: EISDIR…")
 * and when a resx the manifest names is missing ("[pcf-1011] [Error]"). So this passes its output through and exits 1
 * when that output reports an error, so `npm run build` stops there instead of packing an old control.
 */
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const PCF_SCRIPTS = join(root, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");
// What pcf-scripts prints for a failed task or an error diagnostic (after its ANSI colours are removed).
const REPORTED_FAILURE = /\[(?:re)?build\] Failed|\[pcf-\d+\] \[Error\]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

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
      done(0);
    });
  });
}

if (require.main === module) {
  void buildControl().then((code) => {
    process.exitCode = code;
  });
}
