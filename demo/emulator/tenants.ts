import { createHash } from "node:crypto";
import { TENANT } from "../../test/fixtures/dataverse";
import type { EnvironmentSpec } from "./environments";
import type { Scenario } from "./scenarios";

/** The tenant every environment belongs to unless its spec says otherwise (the fixtures' tenant). */
export const HOME_TENANT = TENANT;
/** The tenant of the cross-tenant answer in the default tenant. */
export const OTHER_TENANT = "0f0e0d0c-0b0a-4909-8807-060504030201";

/** A stable GUID from a text: each emulated F&O environment gets an id of its own. */
export function guidOf(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The F&O environment a linked environment names: its spec's `finOps`, else one of its own (`<name>.operations…`). */
export function finOpsOf(
  spec: EnvironmentSpec,
): { Url: string; TenantId: string; Id: string } & Record<string, unknown> {
  return {
    Url: `https://${spec.name}.operations.dynamics.com`,
    TenantId: HOME_TENANT,
    Id: guidOf(`fno:${spec.name}`),
    ...spec.finOps,
  };
}

/** What the admin center shows as the F&O link: the spec's `linkedApp`, else what Dataverse answers. */
export function linkedAppOf(spec: EnvironmentSpec): { type: "Linked" | "Internal"; id: string; url: string } | null {
  if (spec.linkedApp !== undefined) return spec.linkedApp;
  if (spec.link !== "linked") return null;
  const fno = finOpsOf(spec);
  return { type: fno.IsUnifiedDatabase === true ? "Internal" : "Linked", id: fno.Id, url: fno.Url };
}

const testFno = {
  Url: "https://contoso-test.sandbox.operations.dynamics.com",
  Id: guidOf("fno:contoso-test"),
};
const northwindFno = { Url: "https://northwind.operations.dynamics.com", Id: guidOf("fno:northwind") };

/** The virtual table solutions' versions where they are installed. */
const VIRTUAL_TABLES = { veSupport: "9.0.2.1", erpCatalog: "1.0.0.14" };

/**
 * The tenant the emulator serves by default (`npm run emulator:cli`, the HTML report's screenshot, the link-audit
 * tests): one environment of every kind the audit reports (docs/link-audit.md), each finding exactly once (the
 * capacity findings with the over-capacity tenant, demo/server/cli/readiness.ts). Installed parts: contoso-prod has
 * the virtual tables (Customers V3 among them), dual-write and an enforced CSP; contoso-test neither virtual tables
 * nor dual-write, and a report-only CSP (its Account form's record link reads a table it lacks); contoso-dev a
 * strict CSP; the others none of them, CSP off.
 */
export const DEFAULT_TENANT: EnvironmentSpec[] = [
  {
    name: "contoso-prod",
    link: "linked",
    solution: { version: "1.0.0.0", managed: true },
    forms: [
      { name: "Account", table: "account", uses: ["control", "script"], recordTable: "mserp_custcustomerv3entity" },
    ],
    capacity: { database: 4_300, file: 2_100, log: 300 },
    parts: { virtualTables: VIRTUAL_TABLES, dualWrite: true, tables: ["mserp_custcustomerv3entity"] },
    csp: "enforced",
  },
  {
    name: "contoso-test",
    sku: "Sandbox",
    link: "linked",
    finOps: testFno,
    solution: { version: "0.9.0.0", managed: true },
    forms: [{ name: "Account", table: "account", uses: ["script"], recordTable: "mserp_custcustomerv3entity" }],
    parts: { virtualTables: null, dualWrite: false },
    csp: "reportOnly",
  },
  // A copy of contoso-test (copied with its link): Dataverse answers with contoso-test's F&O environment.
  {
    name: "contoso-test-copy",
    sku: "Sandbox",
    link: "linked",
    finOps: testFno,
    solution: { version: "0.9.0.0", managed: true },
  },
  {
    name: "contoso-dev",
    sku: "Developer",
    link: "notLinked",
    solution: { version: "1.0.0.0", managed: false },
    csp: "strict",
  },
  // Production Dataverse linked to a sandbox F&O environment.
  {
    name: "fabrikam-prod",
    link: "linked",
    finOps: { Url: "https://fabrikam-uat.sandbox.operations.dynamics.com" },
    solution: null,
  },
  // The admin center names another F&O environment than Dataverse does (a relink the admin center has not seen).
  {
    name: "northwind",
    link: "linked",
    finOps: northwindFno,
    linkedApp: {
      type: "Linked",
      id: guidOf("fno:northwind-old"),
      url: "https://northwind-old.operations.dynamics.com",
    },
    solution: null,
  },
  // F&O answers from another Microsoft Entra tenant.
  { name: "woodgrove", link: "linked", finOps: { TenantId: OTHER_TENANT }, solution: null },
  {
    name: "busy",
    link: "linked",
    solution: null,
    throttle: { status: 429, times: 1, retryAfterSeconds: 1 },
  },
  { name: "restricted", link: "forbidden", solution: null },
  { name: "teams-sales", sku: "Teams", runtimeState: "Disabled", link: "linked", linkedApp: null },
  { name: "maintenance", sku: "Sandbox", runtimeState: "AdminMode", link: "linked", linkedApp: null },
  { name: "provisioning", sku: "Sandbox", instanceState: "NotReady", link: "notLinked" },
  // The initial environment Lifecycle Services created for an F&O environment: no Dataverse yet.
  {
    name: "adventure-works",
    sku: "Sandbox",
    link: "notLinked",
    withoutDataverse: true,
    linkedApp: {
      type: "Linked",
      id: guidOf("fno:adventure-works"),
      url: "https://adventure-works.sandbox.operations.dynamics.com",
    },
  },
  {
    name: "litware",
    link: "linked",
    finOps: { Url: "https://litware.operations.dynamics.com", IsUnifiedDatabase: true },
    solution: { version: "1.0.0.0", managed: true },
  },
  // Dataverse being added to an F&O environment right now (Enable Power Platform integration).
  {
    name: "alpine-ski",
    sku: "Sandbox",
    link: "notLinked",
    provisioningState: "LinkedDatabaseProvisioning",
    instanceState: "NotReady",
    linkedApp: {
      type: "Linked",
      id: guidOf("fno:alpine-ski"),
      url: "https://alpine-ski.sandbox.operations.dynamics.com",
    },
  },
  // The setup failed before Dataverse existed (licensing or capacity): Resume in Lifecycle Services.
  {
    name: "tailspin",
    link: "notLinked",
    withoutDataverse: true,
    sku: "Production",
    provisioningState: "LinkedDatabaseFailed",
    linkedApp: { type: "Linked", id: guidOf("fno:tailspin"), url: "https://tailspin.operations.dynamics.com" },
  },
  // The admin center shows the F&O link, Dataverse is ready, but the function says not linked: setup not finished.
  {
    name: "adatum",
    sku: "Sandbox",
    link: "notLinked",
    linkedApp: { type: "Linked", id: guidOf("fno:adatum"), url: "https://adatum-uat.sandbox.operations.dynamics.com" },
  },
  // A cloud-hosted development F&O environment (stopped): linkable only while deployed.
  {
    name: "contoso-onebox",
    sku: "Developer",
    link: "notLinked",
    linkedApp: { type: "Linked", id: guidOf("fno:contoso-onebox"), url: "https://contosodev42a7.cloudax.dynamics.com" },
  },
  // A copy into this environment is running: checked later.
  { name: "fourth-coffee", sku: "Sandbox", link: "linked", managementState: "Running" },
];

/**
 * Environments for `npm run bench`: each answers after 50 ms (a nearby Dataverse), mostly linked (each to its own F&O
 * environment), some not linked, every tenth throttled once with 429.
 */
export function benchTenant(count: number): EnvironmentSpec[] {
  return Array.from({ length: count }, (_, i): EnvironmentSpec => {
    const name = `env-${String(i + 1).padStart(3, "0")}`;
    const link: Scenario = i % 7 === 3 ? "notLinked" : "linked";
    const solution = i % 3 === 0 ? null : { version: "1.0.0.0", managed: true };
    const spec: EnvironmentSpec = { name, link, solution, delayMs: BENCH_DELAY_MS };
    return i % 10 === 5 ? { ...spec, throttle: { status: 429, times: 1, retryAfterSeconds: 1 } } : spec;
  });
}

/** Per-environment delay of the bench tenant, in ms: the bench's lower bound is computed from it. */
export const BENCH_DELAY_MS = 50;
