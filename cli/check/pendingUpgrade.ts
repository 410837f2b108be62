import type { EnvironmentReport } from "./report";
import { HOLDING_NAME, SOLUTION_NAME } from "./solutionRow";

/**
 * The `pendingUpgrade` finding's next step: a staged upgrade (the holding solution FinOpsLink_Upgrade) blocks every
 * later import of FinOpsLink until it is applied or deleted (docs/troubleshooting.md, "Holding solution").
 */
export const PENDING_UPGRADE_NEXT_STEP = `Apply the staged upgrade: finops-link import --env <url> --zip <the managed zip of the staged version> (or Apply Solution Upgrade on ${SOLUTION_NAME} in make.powerapps.com > Solutions); or remove it: pac solution delete --solution-name ${HOLDING_NAME}.`;

/** Environments holding FinOpsLink_Upgrade, each with the finding's words (the versions installed and staged). */
export function pendingUpgrades(environments: ReadonlyArray<EnvironmentReport>): Array<[EnvironmentReport, string]> {
  const found: Array<[EnvironmentReport, string]> = [];
  for (const e of environments) {
    const holding = e.solution?.holding;
    if (holding === undefined || holding === null) continue;
    const installed =
      e.solution?.installed === true ? `${SOLUTION_NAME} ${e.solution.version ?? "?"}` : "no FinOpsLink";
    found.push([
      e,
      `${e.name} holds ${HOLDING_NAME} ${holding.version ?? "?"}, an upgrade staged and never applied (installed: ${installed}); every import of ${SOLUTION_NAME} fails until it is applied or removed`,
    ]);
  }
  return found;
}
