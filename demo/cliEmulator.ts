import { parseArgs } from "node:util";
import type { TenantCapacitySpec } from "./server/cli";
import { launch, parsePort } from "./launch";
import { DEFAULT_TENANT } from "./emulator/tenants";
import {
  EMULATOR_CLIENT_SECRET,
  EMULATOR_TOKEN,
  OVER_CAPACITY,
  ROOMY_CAPACITY,
  startCliEmulator,
  TIGHT_CAPACITY,
} from "./server/cli";

/** `--capacity room|tight|over|forbidden`: the tenant capacity the licensing API answers with. */
const CAPACITIES: Record<string, TenantCapacitySpec | "forbidden"> = {
  room: ROOMY_CAPACITY,
  tight: TIGHT_CAPACITY,
  over: OVER_CAPACITY,
  forbidden: "forbidden",
};

/** `npm run emulator:cli`: the emulated tenant for trying `finops-link` by hand (the form demo is `npm start`). */
async function main(): Promise<{ close(): Promise<void> }> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "5179" }, capacity: { type: "string", default: "room" } },
  });
  const port = parsePort(values.port);
  const tenantCapacity = CAPACITIES[values.capacity];
  if (tenantCapacity === undefined) throw new Error(`--capacity is one of ${Object.keys(CAPACITIES).join(", ")}`);
  const emulator = await startCliEmulator({ environments: DEFAULT_TENANT, port, tenantCapacity });
  console.log(`Emulated tenant on ${emulator.origin}`);
  for (const { spec } of emulator.tenant.all())
    console.log(
      `  ${spec.name.padEnd(14)} ${spec.withoutDataverse === true ? "(no Dataverse)" : emulator.envUrl(spec.name)}`,
    );
  console.log(`  admin API     ${emulator.adminApi}`);
  console.log(`  Power Platform API ${emulator.powerPlatformApi} (tenant capacity: ${values.capacity})`);
  console.log(
    `  sign-in       ${emulator.authority} (client secret "${EMULATOR_CLIENT_SECRET}", or --access-token ${EMULATOR_TOKEN})`,
  );
  console.log(
    `Try: npx finops-link check --all --parts --admin-api ${emulator.adminApi} --power-platform-api ${emulator.powerPlatformApi} --access-token ${EMULATOR_TOKEN}`,
  );
  return emulator;
}

launch(main);
