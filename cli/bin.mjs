#!/usr/bin/env node
// `finops-link`: runs the bundle in out/cli/ (`npm run build:cli` writes it; the npm package ships it built).
import { existsSync } from "node:fs";

const entry = new URL("../out/cli/finops-link.mjs", import.meta.url);
if (!existsSync(entry)) {
  // A checkout has the sources next to this file; an installed package has only the build, so something removed it.
  const checkout = existsSync(new URL("./main.ts", import.meta.url));
  process.stderr.write(
    checkout
      ? "finops-link: not built yet: run npm run build (or npm run build:cli) in the repository\n"
      : "finops-link: this install is incomplete (out/cli/finops-link.mjs is missing): reinstall finops-link\n",
  );
  process.exit(2);
}
await import(entry.href);
