import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureBuilt, unmanagedZipPath } from "./build/ensureBuilt";
import { launch, parsePort } from "./launch";
import { SCENARIOS } from "./emulator/scenarios";
import { startDemoServer } from "./server/server";

/** `npm start`: build the solution if needed, serve the emulated Dataverse and the form page, print the URL. */
const USAGE = `Usage: npm start -- [--port N] [--no-build]
  --port N     port on 127.0.0.1 (default: $PORT or 5178; 0 picks a free one)
  --no-build   serve whatever solution/bin holds, even if older than the sources`;

async function main(): Promise<{ close(): Promise<void> } | undefined> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return undefined;
  }
  const port = parsePort(values.port ?? process.env.PORT ?? "5178");
  const root = resolve(__dirname, "..");
  if (!values["no-build"]) ensureBuilt(root);
  const server = await startDemoServer({ port, root, zipPath: unmanagedZipPath(root) });
  console.log(`FinOps Link demo: ${server.url}`);
  console.log(`  scenarios: ${SCENARIOS.join(", ")} (e.g. ${server.url}?scenario=notLinked&lang=1025&theme=dark)`);
  console.log(
    `  emulator:  ${server.url}api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails, requests at ${server.url}__emulator/stats`,
  );
  return server;
}

launch(main);
