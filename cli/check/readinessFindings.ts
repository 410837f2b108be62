import { databaseMB } from "./adminReadiness";
import { hostOf, type FindingCode } from "./findings";
import type { EnvironmentReport } from "./report";
import { isCloudHosted, setupFailed } from "./setupState";
import {
  DATAVERSE_TYPES,
  FINOPS_TYPES,
  freeWords,
  lineOf,
  sizeWords,
  type TenantCapacityLine,
  type TenantCapacityReport,
} from "./tenantCapacity";

/** Microsoft's "Enable Power Platform integration": setup needs at least 1 GB of free Dataverse database capacity. */
export const SETUP_NEEDS_MB = 1024;

type Add = (code: FindingCode, reports: EnvironmentReport[], message: string, nextStep?: string) => void;

/** `812 MB free of 10.0 GB (9.2 GB used)`, `1024 MB over of 10.0 GB (11.0 GB used)`. */
function lineWords(line: TenantCapacityLine): string {
  const free = line.freeMB === null ? "? free" : freeWords(line.freeMB);
  const total = line.totalMB === null ? "?" : sizeWords(line.totalMB);
  const used = line.actualMB === null ? "?" : sizeWords(line.actualMB);
  return `${free} (${used} used of ${total})`;
}

/** An F&O environment waiting for its Dataverse: the initial environment (no Dataverse, an F&O link), or a failed setup. */
export function waitsForSetup(e: EnvironmentReport): boolean {
  if (!e.adminCenter.compared) return false;
  return setupFailed(e.adminCenter) || (e.state === "noDataverse" && e.adminCenter.linkedApp !== null);
}

/**
 * The readiness findings (docs/link-audit.md): a setup that failed or did not finish, a cloud-hosted F&O environment
 * that is not linked, and the tenant's capacity (short for a setup, over its total, F&O storage over). Pure.
 */
export function readinessFindings(
  environments: ReadonlyArray<EnvironmentReport>,
  tenant: TenantCapacityReport | null,
  add: Add,
): void {
  const database = lineOf(tenant, "Database");
  const short = database?.freeMB != null && database.freeMB < SETUP_NEEDS_MB;
  const waiting = environments.filter(waitsForSetup);
  if (short && waiting.length > 0)
    add(
      "capacityShort",
      waiting,
      `the tenant's Dataverse database capacity is ${lineWords(database)}; ${waiting.map((e) => e.name).join(", ")} ${waiting.length === 1 ? "waits" : "wait"} for setup, which needs at least 1 GB free: setup will fail until capacity is freed or added`,
    );
  for (const e of environments) {
    if (!e.adminCenter.compared || !setupFailed(e.adminCenter)) continue;
    const figures = short ? `; the tenant's database capacity is ${lineWords(database)} (setup needs 1 GB free)` : "";
    const used = databaseMB(e.adminCenter.capacity);
    add(
      "setupFailed",
      [e],
      `the Power Platform integration setup of ${e.name} failed (admin center: ${e.adminCenter.provisioningState})${figures}${used === null ? "" : `; ${e.name} uses ${sizeWords(used)} of database`}`,
    );
  }
  for (const e of environments) {
    if (!e.adminCenter.compared || e.state !== "notLinked" || setupFailed(e.adminCenter)) continue;
    const app = e.adminCenter.linkedApp;
    if (app === null) continue;
    const where = hostOf(app.url) ?? app.id ?? "an F&O environment";
    if (isCloudHosted(app.url))
      add(
        "cloudHostedNotLinked",
        [e],
        `the admin center shows ${e.name} linked to the cloud-hosted development environment ${where}; Dataverse says it is not linked`,
      );
    else
      add(
        "setupIncomplete",
        [e],
        `the admin center shows ${e.name} linked to ${where} and its Dataverse is ready, but Dataverse says it is not linked: the setup did not finish`,
      );
  }
  if (tenant === null || !tenant.checked) return;
  const over = (types: ReadonlyArray<string>) =>
    types
      .map((type) => lineOf(tenant, type))
      .filter((line): line is TenantCapacityLine => line?.freeMB != null && line.freeMB < 0);
  const dataverseOver = over(DATAVERSE_TYPES);
  if (dataverseOver.length > 0)
    add(
      "capacityOver",
      [],
      `the tenant uses more Dataverse capacity than it has: ${dataverseOver.map((l) => `${l.type} ${sizeWords(l.actualMB!)} of ${sizeWords(l.totalMB!)}`).join(", ")}`,
    );
  const finOpsOver = over(FINOPS_TYPES);
  if (finOpsOver.length > 0)
    add(
      "finOpsStorageOver",
      [],
      `the tenant uses more finance and operations storage than it has: ${finOpsOver.map((l) => `${l.type} ${sizeWords(l.actualMB!)} of ${sizeWords(l.totalMB!)}`).join(", ")}`,
    );
}
