import type { AdminCenterView } from "./adminView";
import { PENDING_UPGRADE_NEXT_STEP, pendingUpgrades } from "./pendingUpgrade";
import type { EnvironmentReport } from "./report";

/**
 * The link audit's rules (docs/link-audit.md): Dataverse's own answer against the admin center's view and against
 * the rules Microsoft states (one F&O environment per Dataverse environment, production with production, one tenant).
 * Pure: reports in, findings out.
 */
export const FINDING_CODES = [
  "sharedFinOpsEnvironment",
  "tenantMismatch",
  "adminCenterMismatch",
  "pairingMismatch",
  "disabled",
  "adminMode",
  "notReady",
  "noDataverse",
  "unified",
  "pendingUpgrade",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The names of every environment involved. */
  environments: string[];
  /** One line of words: what is wrong, with the values compared. */
  message: string;
  /** What an admin does next. */
  nextStep: string;
}

/** Each code's severity: errors make the exit code 2, warnings 1, info never changes it. */
export const SEVERITY: Record<FindingCode, Severity> = {
  sharedFinOpsEnvironment: "error",
  tenantMismatch: "error",
  adminCenterMismatch: "warning",
  pairingMismatch: "warning",
  disabled: "info",
  adminMode: "info",
  notReady: "info",
  noDataverse: "info",
  unified: "info",
  pendingUpgrade: "warning",
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
  disabled: "Enable the environment in the Power Platform admin center to check it.",
  adminMode: "Turn off administration mode (admin center, environment settings) or check again after the maintenance.",
  notReady: "The environment is being provisioned or changed: check again when its state is Ready.",
  noDataverse:
    "This is the initial environment created for an F&O environment: add Dataverse with Microsoft's Enable Power Platform integration (Lifecycle Services), then check again.",
  unified: "Nothing to do: F&O runs inside Power Platform here; manage both in the Power Platform admin center.",
  pendingUpgrade: PENDING_UPGRADE_NEXT_STEP,
};

/** Why an environment the admin center lists is not asked: disabled, admin mode, not ready (in that order). */
export function notCheckedReason(view: AdminCenterView): "disabled" | "adminMode" | "notReady" | null {
  if (view.runtimeState?.toLowerCase() === "disabled") return "disabled";
  if (view.runtimeState?.toLowerCase() === "adminmode") return "adminMode";
  if (view.instanceState !== null && view.instanceState.toLowerCase() === "notready") return "notReady";
  return null;
}

/** What an F&O host is: `*.sandbox.operations…` a sandbox, cloud-hosted development hosts development. */
export function finOpsKind(url: string): "production" | "sandbox" | "development" | "unknown" {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
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

function hostOf(url: string | null | undefined): string | null {
  if (typeof url !== "string") return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

const NOT_CHECKED_WORDS = {
  disabled: "disabled in the admin center: not checked",
  adminMode: "in administration mode: not checked",
  notReady: "not ready (being provisioned or changed): not checked",
} as const;

/**
 * Every finding of a run, each once, in the order of FINDING_CODES, then of the environments. A shared F&O
 * environment is one finding naming every environment that answered with it. Also sets each report's `findings`
 * to the codes that involve it.
 */
export function findingsFor(environments: ReadonlyArray<EnvironmentReport>): Finding[] {
  const found: Finding[] = [];
  const involved = new Map<EnvironmentReport, Set<FindingCode>>();
  const add = (code: FindingCode, reports: EnvironmentReport[], message: string) => {
    for (const report of reports) involved.set(report, (involved.get(report) ?? new Set()).add(code));
    found.push({
      code,
      severity: SEVERITY[code],
      environments: reports.map((r) => r.name),
      message,
      nextStep: NEXT_STEP[code],
    });
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
    else if (fno === null && app !== null)
      add(
        "adminCenterMismatch",
        [e],
        `the admin center shows ${e.name} linked to ${hostOf(app.url) ?? app.id ?? "an F&O environment"}; Dataverse says it is not linked`,
      );
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
  for (const code of ["disabled", "adminMode", "notReady"] as const)
    for (const e of environments)
      if (e.state === "notChecked" && e.adminCenter.compared && notCheckedReason(e.adminCenter) === code)
        add(code, [e], `${e.name} is ${NOT_CHECKED_WORDS[code]}`);
  for (const e of environments) {
    const app = e.adminCenter.compared ? e.adminCenter.linkedApp : null;
    if (e.state === "noDataverse" && app !== null)
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
  for (const [e, message] of pendingUpgrades(environments)) add("pendingUpgrade", [e], message);
  for (const e of environments) e.findings = FINDING_CODES.filter((code) => involved.get(e)?.has(code) === true);
  const order = (f: Finding) => FINDING_CODES.indexOf(f.code);
  return found.sort((a, b) => order(a) - order(b));
}
