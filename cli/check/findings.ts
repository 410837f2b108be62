import { normaliseHost } from "../../core/inputs";
import { ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL } from "../../core/record";
import type { AdminCenterView } from "./adminView";
import { PENDING_UPGRADE_NEXT_STEP, pendingUpgrades } from "./pendingUpgrade";
import { readinessFindings } from "./readinessFindings";
import type { EnvironmentReport } from "./report";
import { busy, setupFailed, setupInProgress } from "./setupState";
import type { TenantCapacityReport } from "./tenantCapacity";

/**
 * The link audit's rules (docs/link-audit.md): Dataverse's own answer against the admin center's view and against
 * the rules Microsoft states (one F&O environment per Dataverse environment, production with production, one tenant).
 * Pure: reports in, findings out.
 */
export const FINDING_CODES = [
  "sharedFinOpsEnvironment",
  "tenantMismatch",
  "capacityShort",
  "setupFailed",
  "adminCenterMismatch",
  "pairingMismatch",
  "setupIncomplete",
  "cloudHostedNotLinked",
  "capacityOver",
  "finOpsStorageOver",
  "recordLinkTableMissing",
  "pendingUpgrade",
  "disabled",
  "adminMode",
  "setupInProgress",
  "busy",
  "notReady",
  "noDataverse",
  "unified",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The names of every environment involved; none for a finding about the tenant (capacity). */
  environments: string[];
  /** One line of words: what is wrong, with the values compared. */
  message: string;
  /** What an admin does next. */
  nextStep: string;
}

/** Each code's severity: a finding at or above `--fail-on` (default warning) makes the exit code 1. */
export const SEVERITY: Record<FindingCode, Severity> = {
  sharedFinOpsEnvironment: "error",
  tenantMismatch: "error",
  capacityShort: "error",
  setupFailed: "error",
  adminCenterMismatch: "warning",
  pairingMismatch: "warning",
  setupIncomplete: "warning",
  cloudHostedNotLinked: "warning",
  capacityOver: "warning",
  finOpsStorageOver: "warning",
  recordLinkTableMissing: "warning",
  pendingUpgrade: "warning",
  disabled: "info",
  adminMode: "info",
  setupInProgress: "info",
  busy: "info",
  notReady: "info",
  noDataverse: "info",
  unified: "info",
};

export const NEXT_STEP: Record<FindingCode, string> = {
  sharedFinOpsEnvironment:
    "The link is one to one: find the copy or restore that kept another environment's link, unlink it (Lifecycle Services, Power Platform integration) and link it to its own F&O environment.",
  tenantMismatch:
    "Cross-tenant links are unsupported: link the environment to an F&O environment of its own Microsoft Entra tenant.",
  adminCenterMismatch:
    "Dataverse's answer is what apps use: if it names the wrong F&O environment, unlink and link again; if the admin center lags after a copy or refresh, check again later.",
  pairingMismatch:
    "Link production with production and sandboxes with sandboxes: link the right pair in Lifecycle Services (or change the environment type).",
  capacityShort:
    "Free or add Dataverse database capacity until at least 1 GB is free (adding Dataverse often takes 3 GB or more; add-on sandboxes bring none), then start the setup again or Resume it in Lifecycle Services.",
  setupFailed:
    "Fix licensing or capacity (the admin center's Capacity page), then Resume the Power Platform integration setup in Lifecycle Services.",
  setupIncomplete:
    "The setup did not finish: Resume the Power Platform integration in Lifecycle Services (environment details), then check again.",
  cloudHostedNotLinked:
    "A cloud-hosted development environment can be linked only while it is deployed: start it in Lifecycle Services (or redeploy it), then Resume the setup there.",
  capacityOver:
    "Free capacity (delete unused environments, data, logs) or buy more: Microsoft may restrict or suspend service for a tenant over its capacity, and new setups fail.",
  finOpsStorageOver:
    "Free finance and operations storage (clean up F&O data, remove unused sandboxes) or buy more F&O capacity (admin center, Capacity, Finance and operations).",
  recordLinkTableMissing: `Make the virtual table visible in Dataverse (Microsoft's article on enabling the virtual tables: ${ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL}), or point the form's record link at a virtual table that exists.`,
  disabled: "Enable the environment in the Power Platform admin center to check it.",
  adminMode: "Turn off administration mode (admin center, environment settings) or check again after the maintenance.",
  setupInProgress:
    "Dataverse is being added to the F&O environment (Enable Power Platform integration): check again when the setup has finished.",
  busy: "An operation (copy, restore, update) is running on the environment: check again when it has finished.",
  notReady: "The environment is being provisioned or changed: check again when its state is Ready.",
  noDataverse:
    "This is the initial environment created for an F&O environment: add Dataverse with Microsoft's Enable Power Platform integration (Lifecycle Services), then check again.",
  unified: "Nothing to do: F&O runs inside Power Platform here; manage both in the Power Platform admin center.",
  pendingUpgrade: PENDING_UPGRADE_NEXT_STEP,
};

/**
 * Why an environment the admin center lists is not asked: disabled, admin mode, its F&O setup in progress, an
 * operation running, not ready (in that order).
 */
export function notCheckedReason(
  view: AdminCenterView,
): "disabled" | "adminMode" | "setupInProgress" | "busy" | "notReady" | null {
  if (view.runtimeState?.toLowerCase() === "disabled") return "disabled";
  if (view.runtimeState?.toLowerCase() === "adminmode") return "adminMode";
  if (setupInProgress(view)) return "setupInProgress";
  if (busy(view)) return "busy";
  if (view.instanceState !== null && view.instanceState.toLowerCase() === "notready") return "notReady";
  return null;
}

/** What an F&O host is: `*.sandbox.operations…` a sandbox, cloud-hosted development hosts development. */
export function finOpsKind(url: string): "production" | "sandbox" | "development" | "unknown" {
  let host: string;
  try {
    host = normaliseHost(new URL(url).hostname);
  } catch {
    return "unknown";
  }
  if (/\.sandbox\.operations\./.test(host)) return "sandbox";
  if (/\.(cloudax|axcloud)\.dynamics\.com$/.test(host)) return "development";
  if (/\.operations\./.test(host)) return "production";
  return "unknown";
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** A URL's host (and port) as DNS compares it (core/inputs.ts normaliseHost: `Contoso.Operations.dynamics.com.`). */
export function hostOf(url: string | null | undefined): string | null {
  if (typeof url !== "string") return null;
  try {
    const { hostname, port } = new URL(url);
    return `${normaliseHost(hostname)}${port === "" ? "" : `:${port}`}`;
  } catch {
    return null;
  }
}

const NOT_CHECKED_WORDS = {
  disabled: "disabled in the admin center: not checked",
  adminMode: "in administration mode: not checked",
  setupInProgress: "having Dataverse added (admin center: LinkedDatabaseProvisioning): not checked yet",
  busy: "busy with an operation (admin center: management state Running): checked later",
  notReady: "not ready (being provisioned or changed): not checked",
} as const;

/**
 * Every finding of a run, each once, in the order of FINDING_CODES, then of the environments. A shared F&O
 * environment is one finding naming every environment that answered with it. Also sets each report's `findings`
 * to the codes that involve it.
 */
export function findingsFor(
  environments: ReadonlyArray<EnvironmentReport>,
  tenant: TenantCapacityReport | null = null,
): Finding[] {
  const found: Finding[] = [];
  const involved = new Map<EnvironmentReport, Set<FindingCode>>();
  const add = (code: FindingCode, reports: EnvironmentReport[], message: string, nextStep = NEXT_STEP[code]) => {
    for (const report of reports) involved.set(report, (involved.get(report) ?? new Set()).add(code));
    found.push({ code, severity: SEVERITY[code], environments: reports.map((r) => r.name), message, nextStep });
  };

  const byFinOps = new Map<string, EnvironmentReport[]>();
  for (const e of environments) {
    if (e.state !== "linked" || e.financeAndOperations === null) continue;
    const key = e.financeAndOperations.environmentId.toLowerCase();
    byFinOps.set(key, [...(byFinOps.get(key) ?? []), e]);
  }
  for (const group of byFinOps.values()) {
    if (group.length < 2) continue;
    const fno = group[0].financeAndOperations!;
    add(
      "sharedFinOpsEnvironment",
      group,
      `${group.map((e) => e.name).join(", ")} answer with the same F&O environment ${fno.environmentId} (${hostOf(fno.url) ?? fno.url}); one of them is a stale copy or restore`,
    );
  }

  for (const e of environments) {
    const admin = e.adminCenter.compared ? e.adminCenter : null;
    const fno = e.state === "linked" ? e.financeAndOperations : null;
    if (fno !== null && admin?.tenantId != null && !same(fno.tenantId, admin.tenantId))
      add(
        "tenantMismatch",
        [e],
        `${e.name} is in tenant ${admin.tenantId} but its F&O environment answers from tenant ${fno.tenantId}`,
      );
  }
  for (const e of environments) {
    if (!e.adminCenter.compared || (e.state !== "linked" && e.state !== "notLinked")) continue;
    const app = e.adminCenter.linkedApp;
    const fno = e.state === "linked" ? e.financeAndOperations : null;
    if (fno !== null && app === null)
      add(
        "adminCenterMismatch",
        [e],
        `Dataverse says ${e.name} is linked to ${hostOf(fno.url) ?? fno.url}; the admin center shows no F&O link`,
      );
    // The admin center shows a link Dataverse does not have: a setup that did not finish (readinessFindings).
    else if (fno !== null && app !== null) {
      const differs = app.id !== null ? !same(app.id, fno.environmentId) : hostOf(app.url) !== hostOf(fno.url);
      if (differs)
        add(
          "adminCenterMismatch",
          [e],
          `the admin center names F&O ${hostOf(app.url) ?? "?"} (${app.id ?? "no id"}), Dataverse names ${hostOf(fno.url) ?? fno.url} (${fno.environmentId})`,
        );
    }
  }
  for (const e of environments) {
    const admin = e.adminCenter.compared ? e.adminCenter : null;
    const fno = e.state === "linked" ? e.financeAndOperations : null;
    if (fno === null || admin === null || admin.sku === null || admin.linkedApp?.type === "Internal") continue;
    const kind = finOpsKind(fno.url);
    const sku = admin.sku.toLowerCase();
    const production = sku === "production";
    const nonProduction = sku === "sandbox" || sku === "developer" || sku === "trial";
    if ((production && (kind === "sandbox" || kind === "development")) || (nonProduction && kind === "production"))
      add(
        "pairingMismatch",
        [e],
        `${e.name} is a ${admin.sku} environment linked to the ${kind} F&O environment ${hostOf(fno.url) ?? fno.url}`,
      );
  }
  for (const code of ["disabled", "adminMode", "setupInProgress", "busy", "notReady"] as const)
    for (const e of environments)
      if (e.state === "notChecked" && e.adminCenter.compared && notCheckedReason(e.adminCenter) === code)
        add(code, [e], `${e.name} is ${NOT_CHECKED_WORDS[code]}`);
  for (const e of environments) {
    const app = e.adminCenter.compared ? e.adminCenter.linkedApp : null;
    if (e.state === "noDataverse" && app !== null && !(e.adminCenter.compared && setupFailed(e.adminCenter)))
      add(
        "noDataverse",
        [e],
        `${e.name} has an F&O link (${hostOf(app.url) ?? app.id ?? "?"}) but no Dataverse database`,
      );
  }
  for (const e of environments) {
    const app = e.adminCenter.compared ? e.adminCenter.linkedApp : null;
    const fno = e.state === "linked" ? e.financeAndOperations : null;
    if (app?.type === "Internal" || fno?.extra.IsUnifiedDatabase === true)
      add(
        "unified",
        [e],
        `${e.name} is a unified environment: Dataverse ${e.url ?? "-"}, F&O ${fno?.url ?? app?.url ?? "-"}`,
      );
  }
  readinessFindings(environments, tenant, add);
  for (const [e, message] of pendingUpgrades(environments)) add("pendingUpgrade", [e], message);
  for (const e of environments) e.findings = FINDING_CODES.filter((code) => involved.get(e)?.has(code) === true);
  const order = (f: Finding) => FINDING_CODES.indexOf(f.code);
  return found.sort((a, b) => order(a) - order(b));
}
