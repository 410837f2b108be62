import { parseArgs } from "node:util";
import { DEFAULT_TENANT } from "./emulator/tenants";
import { EMULATOR_CLIENT_SECRET, EMULATOR_TOKEN, startCliEmulator } from "./server/cli";

/** `npm run emulator:cli`: the emulated tenant for trying `finops-link` by hand (the form demo is `npm start`). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "5179" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port}`);
  const emulator = await startCliEmulator({ environments: DEFAULT_TENANT, port });
  console.log(`Emulated tenant on ${emulator.origin}`);
  for (const { spec } of emulator.tenant.all())
    console.log(
      `  ${spec.name.padEnd(14)} ${spec.withoutDataverse === true ? "(no Dataverse)" : emulator.envUrl(spec.name)}`,
    );
  console.log(`  admin API     ${emulator.adminApi}`);
  console.log(
    `  sign-in       ${emulator.authority} (client secret "${EMULATOR_CLIENT_SECRET}", or --access-token ${EMULATOR_TOKEN})`,
  );
  console.log(`Try: npx finops-link check --all --admin-api ${emulator.adminApi} --access-token ${EMULATOR_TOKEN}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
