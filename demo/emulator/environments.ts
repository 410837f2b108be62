import { strFromU8, unzipSync } from "fflate";
import { parseXml, pick, textOf } from "../package/xml";
import type { Scenario } from "./scenarios";

/**
 * The admin command line's view of a tenant: several emulated Dataverse environments, each with its own answer to
 * the link function, its own `solutions` row for FinOpsLink, and its own service-protection or hang behaviour.
 * Served by demo/server/cli/; the form demo (`npm start`) does not use it.
 */
export interface EnvironmentSpec {
  /** Path segment (`/org/<name>`) and display name in the admin API. */
  name: string;
  /** The link function's answer (a demo scenario), or `hang`: the request is read and never answered. */
  link: Scenario | "hang";
  /** The installed FinOpsLink solution, or null/undefined when it is not installed. */
  solution?: { version: string; managed: boolean } | null;
  /**
   * The first `times` Dataverse requests (with `of: "function"`, the link function's calls only) are answered with
   * `status` and `Retry-After: retryAfterSeconds`.
   */
  throttle?: { status: 429 | 503; times: number; retryAfterSeconds: number; of?: "function" };
  /** Every Dataverse answer of this environment waits this long (a slow environment). */
  delayMs?: number;
  /** When set, ImportSolutionAsync fails and the import job carries this error text. */
  importError?: string;
  /** Listed by the admin API without a Dataverse database (a Teams-only or Power Apps-only environment). */
  withoutDataverse?: boolean;
  /** The admin API's `properties.displayName` (default: `name`); tests put hostile text here. */
  displayName?: string;
  /** `properties.environmentSku` (default: Production, Teams without Dataverse). */
  sku?: "Production" | "Sandbox" | "Developer" | "Trial" | "Default" | "Teams";
  /** `properties.states.runtime.id` (default: Enabled). */
  runtimeState?: "Enabled" | "Disabled" | "AdminMode";
  /** `properties.linkedEnvironmentMetadata.instanceState` (default: Ready). */
  instanceState?: "Ready" | "NotReady";
  /** `properties.tenantId` (default: the fixtures' tenant). */
  tenantId?: string;
  /**
   * The 200 answer's fields for a `linked` environment (default: an F&O environment of its own, see
   * demo/emulator/tenants.ts finOpsOf), e.g. another environment's `Id` for a copy, or another `TenantId`.
   */
  finOps?: { Url?: string; TenantId?: string; Id?: string; IsUnifiedDatabase?: boolean };
  /**
   * `properties.linkedAppMetadata` (default: the F&O environment Dataverse names when `link` is `linked`, else
   * none); null for none.
   */
  linkedApp?: { type: "Linked" | "Internal"; id: string; url: string } | null;
  /** Replaces the OData error message of a failing answer (hostile server text in the tests). */
  errorMessage?: string;
  /** Appended to the admin API's `instanceUrl` after the origin's slash (default ""): an address-bar URL. */
  instanceUrlSuffix?: string;
  /**
   * The model-driven forms whose formxml uses the control or the form script (for `doctor`); `recordTable` turns the
   * record link on (`matchRow` with that virtual table) in each use's settings.
   */
  forms?: Array<{ name: string; table: string; uses: Array<"control" | "script">; recordTable?: string }>;
  /** `properties.provisioningState` (default: Succeeded), e.g. LinkedDatabaseProvisioning, LinkedDatabaseFailed. */
  provisioningState?: string;
  /** `properties.states.management.id` (default: Ready); Running while an operation runs. */
  managementState?: "Ready" | "Running";
  /** `properties.capacity` with `$expand=properties.capacity`: consumption in MB per type (default: small figures). */
  capacity?: { database: number; file: number; log: number };
  /** What is installed: the virtual table solutions (versions), dual-write, the virtual tables that exist. */
  parts?: {
    virtualTables?: { veSupport: string; erpCatalog: string } | null;
    dualWrite?: boolean;
    tables?: string[];
  };
  /** The organization's content security policy (default: off). */
  csp?: "off" | "reportOnly" | "enforced" | "strict";
}

/** Live state of one environment: what the CLI changed (imports, publishes) and what it cost (requests, throttles). */
export interface EnvironmentState {
  spec: EnvironmentSpec;
  solution: { version: string; managed: boolean } | null;
  throttlesLeft: number;
  throttled: number;
  requests: number;
  published: number;
  imports: ImportRecord[];
}

export interface ImportRecord {
  asyncOperationId: string;
  importJobId: string;
  /** The zip's version and managed flag, as read from its solution.xml. */
  version: string;
  managed: boolean;
  /** Polls left before the operation completes (the CLI must poll, not assume). */
  pollsLeft: number;
  error?: string;
  overwriteUnmanagedCustomizations: boolean;
  /** The Web API message that started it: ImportSolutionAsync, or StageAndUpgradeAsync (managed over older managed). */
  message: ImportMessage;
}

export type ImportMessage = "ImportSolutionAsync" | "StageAndUpgradeAsync";

export { benchTenant, DEFAULT_TENANT } from "./tenants";

export class EmulatedTenant {
  private readonly states = new Map<string, EnvironmentState>();
  private sequence = 0;

  constructor(specs: ReadonlyArray<EnvironmentSpec>) {
    for (const spec of specs) {
      this.states.set(spec.name, {
        spec,
        solution: spec.solution ?? null,
        throttlesLeft: spec.throttle?.times ?? 0,
        throttled: 0,
        requests: 0,
        published: 0,
        imports: [],
      });
    }
  }

  get(name: string): EnvironmentState | undefined {
    return this.states.get(name);
  }

  all(): EnvironmentState[] {
    return [...this.states.values()];
  }

  /** Starts an import the way Dataverse does: validates the zip now, completes after a few polls. */
  startImport(
    state: EnvironmentState,
    customizationFile: string,
    overwriteUnmanagedCustomizations: boolean,
    message: ImportMessage = "ImportSolutionAsync",
  ): ImportRecord | { invalidFile: string } {
    const manifest = readManifest(customizationFile);
    if ("error" in manifest) return { invalidFile: manifest.error };
    const record: ImportRecord = {
      asyncOperationId: this.nextGuid(),
      importJobId: this.nextGuid(),
      version: manifest.version,
      managed: manifest.managed,
      pollsLeft: 2,
      overwriteUnmanagedCustomizations,
      message,
      error: state.spec.importError ?? mismatch(state.solution, manifest.managed),
    };
    state.imports.push(record);
    return record;
  }

  findImport(id: string): { state: EnvironmentState; record: ImportRecord } | undefined {
    for (const state of this.states.values()) {
      const record = state.imports.find((r) => r.asyncOperationId === id || r.importJobId === id);
      if (record) return { state, record };
    }
    return undefined;
  }

  /** One poll of the async operation: counts down, then applies the import (or its failure) once. */
  poll(state: EnvironmentState, record: ImportRecord): "inProgress" | "succeeded" | "failed" {
    if (record.pollsLeft > 0) {
      record.pollsLeft--;
      if (record.pollsLeft === 0 && record.error === undefined)
        state.solution = { version: record.version, managed: record.managed };
      return record.pollsLeft === 0 ? (record.error === undefined ? "succeeded" : "failed") : "inProgress";
    }
    return record.error === undefined ? "succeeded" : "failed";
  }

  private nextGuid(): string {
    this.sequence++;
    return `00000000-0000-4000-8000-${this.sequence.toString(16).padStart(12, "0")}`;
  }
}

/** What Dataverse itself refuses: a managed import over the unmanaged solution, and the reverse. */
function mismatch(installed: { managed: boolean } | null, managed: boolean): string | undefined {
  if (installed === null || installed.managed === managed) return undefined;
  return installed.managed
    ? "The solution is already installed on this system as a managed solution and the package to be imported is unmanaged."
    : "The solution is already installed on this system as an unmanaged solution and the package to be imported is managed.";
}

/** The zip's solution.xml: unique name, version and managed flag, or why it is not a solution. */
export function readManifest(base64Zip: string): { version: string; managed: boolean } | { error: string } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(Buffer.from(base64Zip, "base64")));
  } catch {
    return { error: "The import file is invalid: it is not a zip file." };
  }
  const xml = files["solution.xml"];
  if (xml === undefined) return { error: "The import file is invalid: solution.xml is missing." };
  const manifest = pick(parseXml(strFromU8(xml)), "ImportExportXml", "SolutionManifest");
  const version = textOf(pick(manifest, "Version"));
  const managed = textOf(pick(manifest, "Managed"));
  if (version === undefined || (managed !== "0" && managed !== "1"))
    return { error: "The import file is invalid: solution.xml has no version or managed flag." };
  return { version, managed: managed === "1" };
}
