#!/usr/bin/env node
// `finops-link`: runs the bundle `npm run build` writes (build:cli); a clear line when it has not been built yet.
import { existsSync } from "node:fs";

const entry = new URL("../out/cli/finops-link.mjs", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("finops-link: not built yet: run npm run build (or npm run build:cli) in the repository\n");
  process.exit(2);
}
await import(entry.href);
