import type { ServerResponse } from "node:http";
import type { EnvironmentSpec } from "../../emulator/environments";
import { send } from "./replies";

/**
 * The emulated tenant's readiness answers: the licensing API's tenant capacity (Power Platform API, api-version
 * 2022-03-01-preview), each environment's `properties.capacity` in the admin list, and the Dataverse reads
 * `check --parts` and `doctor` send: the virtual table solutions, dual-write's table (EntityDefinitions) and the
 * organization's content security policy. Shapes as Microsoft documents them (docs/link-audit.md).
 */
export const LICENSING_PATH = "/ppapi/licensing/tenantCapacity";

/** The tenant's capacity in MB per type: total and actual consumption. */
export type TenantCapacitySpec = Record<
  "Database" | "File" | "Log" | "FinOpsDatabase" | "FinOpsFile",
  { total: number; actual: number }
>;

/** A tenant with room: 20 GB database, 12 GB used. */
export const ROOMY_CAPACITY: TenantCapacitySpec = {
  Database: { total: 20_480, actual: 12_288 },
  File: { total: 102_400, actual: 40_960 },
  Log: { total: 10_240, actual: 1_024 },
  FinOpsDatabase: { total: 51_200, actual: 20_480 },
  FinOpsFile: { total: 102_400, actual: 10_240 },
};
/** Under 1 GB of database free (640 MB): a setup will fail. */
export const TIGHT_CAPACITY: TenantCapacitySpec = { ...ROOMY_CAPACITY, Database: { total: 10_240, actual: 9_600 } };
/** Over: database and file consumption above their totals, F&O database storage too. */
export const OVER_CAPACITY: TenantCapacitySpec = {
  ...ROOMY_CAPACITY,
  Database: { total: 10_240, actual: 11_264 },
  File: { total: 20_480, actual: 21_000 },
  FinOpsDatabase: { total: 51_200, actual: 53_000 },
};

/**
 * `GET /licensing/tenantCapacity`: 403 for `forbidden` (an identity without the licensing API's permission), 500 for
 * `failing`, else the body (free = total − actual is left to the caller, as the real API leaves it).
 */
export function tenantCapacity(
  response: ServerResponse,
  url: URL,
  spec: TenantCapacitySpec | "forbidden" | "failing",
  tenantId: string,
): void {
  if (url.searchParams.get("api-version") !== "2022-03-01-preview")
    return send(response, 400, { error: { code: "InvalidApiVersion", message: "api-version is required." } });
  if (spec === "failing")
    return send(response, 500, { error: { code: "InternalServerError", message: "Capacity service unavailable." } });
  if (spec === "forbidden")
    return send(response, 403, {
      error: { code: "Forbidden", message: "The caller does not have the Power Platform administrator role." },
    });
  const over = (Object.values(spec) as Array<{ total: number; actual: number }>).some((c) => c.actual > c.total);
  send(response, 200, {
    tenantId,
    licenseModelType: "StorageDriven",
    tenantCapacities: Object.entries(spec).map(([capacityType, c]) => ({
      capacityType,
      capacityUnits: "MB",
      totalCapacity: c.total,
      maxCapacity: c.total,
      consumption: { actual: c.actual, rated: c.actual + 17, actualUpdatedOn: "2026-12-07T06:00:00Z" },
      status: c.actual > c.total ? "Overage" : "Available",
    })),
    capacitySummary: {
      status: over ? "Overage" : "Available",
      statusMessage: over ? "Your tenant is over capacity." : "",
      statusMessageCode: over ? "Overage" : "Available",
      finOpsStatus: spec.FinOpsDatabase.actual > spec.FinOpsDatabase.total ? "Overage" : "Available",
      finOpsStatusMessageCode: spec.FinOpsDatabase.actual > spec.FinOpsDatabase.total ? "Overage" : "Available",
    },
  });
}

/** One environment's `properties.capacity[]`. */
export function capacityOf(spec: EnvironmentSpec): Array<Record<string, unknown>> {
  const used =
    spec.capacity ??
    (spec.withoutDataverse === true ? { database: 0, file: 0, log: 0 } : { database: 1_536, file: 512, log: 64 });
  return (
    [
      ["Database", used.database],
      ["File", used.file],
      ["Log", used.log],
    ] as const
  ).map(([capacityType, actualConsumption]) => ({
    capacityType,
    actualConsumption,
    ratedConsumption: actualConsumption + 3,
    capacityUnit: "MB",
    updatedOn: "2026-12-07T06:00:00Z",
  }));
}

/** The `solutions` rows of the virtual table solutions a `$filter` names. */
export function partSolutions(spec: EnvironmentSpec, filter: string): Array<Record<string, unknown>> {
  const installed = spec.parts?.virtualTables;
  if (installed === undefined || installed === null) return [];
  const versions: Record<string, string> = {
    MicrosoftOperationsVESupport: installed.veSupport,
    MicrosoftOperationsERPCatalog: installed.erpCatalog,
  };
  return [...filter.matchAll(/uniquename eq '([^']*)'/g)]
    .map((m) => m[1])
    .filter((name) => versions[name] !== undefined)
    .map((name) => ({ uniquename: name, version: versions[name], ismanaged: true }));
}

/** `EntityDefinitions?$filter=LogicalName eq '…' or …`: the tables that exist (dual-write's, the virtual tables). */
export function entityDefinitions(spec: EnvironmentSpec, filter: string): Array<Record<string, unknown>> {
  const existing = new Set([
    ...(spec.parts?.dualWrite === true ? ["msdyn_dualwriteentitymap"] : []),
    ...(spec.parts?.tables ?? []),
    "account",
    "contact",
  ]);
  return [...filter.matchAll(/LogicalName eq '([^']*)'/g)]
    .map((m) => m[1])
    .filter((name) => existing.has(name))
    .map((name) => ({ LogicalName: name, MetadataId: name }));
}

/**
 * The organization row's CSP columns: `iscontentsecuritypolicyenabled` and `contentsecuritypolicyconfiguration`
 * (JSON); report-only as the configuration's `reportOnly`, strict as a column of its own (cli/check/csp.ts reads them
 * wherever the row has them), among other columns of the row.
 */
export function organizationRow(spec: EnvironmentSpec, name: string): Record<string, unknown> {
  const mode = spec.csp ?? "off";
  const directives = { "frame-ancestors": "'self' https://*.powerapps.com" };
  return {
    organizationid: name,
    name,
    languagecode: 1033,
    iscontentsecuritypolicyenabled: mode !== "off",
    contentsecuritypolicyconfiguration:
      mode === "off" ? null : JSON.stringify({ reportOnly: mode === "reportOnly", directives }),
    isstrictcontentsecuritypolicyenabled: mode === "strict",
    iscontentsecuritypolicyenabledforcanvas: false,
  };
}
