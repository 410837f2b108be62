import { join } from "node:path";
import { build } from "esbuild";

/** The host page's own scripts, bundled from demo/host at start-up (they reference platform libraries as globals). */
export async function buildHostBundles(root: string): Promise<{ host: string; frame: string }> {
  const result = await build({
    entryPoints: { host: join(root, "demo/host/host.ts"), frame: join(root, "demo/host/frame.ts") },
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    write: false,
    outdir: "out/demo/assets",
    logLevel: "silent",
  });
  const byName = (name: string) => result.outputFiles.find((f) => f.path.endsWith(`${name}.js`))!.text;
  return { host: byName("host"), frame: byName("frame") };
}
