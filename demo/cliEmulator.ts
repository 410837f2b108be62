import { parseArgs } from "node:util";
import { launch, parsePort } from "./launch";
import { DEFAULT_TENANT } from "./emulator/tenants";
import { EMULATOR_CLIENT_SECRET, EMULATOR_TOKEN, startCliEmulator } from "./server/cli";

/** `npm run emulator:cli`: the emulated tenant for trying `finops-link` by hand (the form demo is `npm start`). */
async function main(): Promise<{ close(): Promise<void> }> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "5179" } } });
  const port = parsePort(values.port);
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
  return emulator;
}

launch(main);
