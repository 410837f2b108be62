import { cleanText } from "../../core/inputs";
import { bearerFor, type TokenSource } from "../auth/tokenSource";
import { oneLine } from "../failures";
import type { Bearer, HttpClient } from "../http";
import { toMB } from "./adminReadiness";
import { httpWords } from "./solutionRow";

/**
 * The tenant's capacity from the Power Platform API's licensing endpoint, read once per run:
 * `GET {api}/licensing/tenantCapacity?api-version=2022-03-01-preview` (token scope `{api}/.default`; Microsoft's
 * "Capacity - Get Tenant Capacity Details" reference). `tenantCapacities[]` carries, per `capacityType` (Database,
 * File, Log, FinOpsDatabase, FinOpsFile, …), `totalCapacity`, `consumption.actual` and `status`; there is no "free"
 * field: free = total − actual. Units are the answer's `capacityUnits` (MB); figures here are MB.
 */
export const TENANT_CAPACITY_PATH = "/licensing/tenantCapacity?api-version=2022-03-01-preview";

export interface TenantCapacityLine {
  /** `capacityType` as given: Database, File, Log, FinOpsDatabase, FinOpsFile, … */
  type: string;
  totalMB: number | null;
  /** `consumption.actual`: what the admin center counts (ratedConsumption is not added to it). */
  actualMB: number | null;
  /** totalMB − actualMB (negative when over). */
  freeMB: number | null;
  /** `status`: Available, Overage, … */
  status: string | null;
}

/** The run's tenant capacity, or why it was not checked (`failed` false: no permission, not the run's failure). */
export type TenantCapacityReport =
  | { checked: true; capacities: TenantCapacityLine[]; summary: Record<string, string | null> }
  | { checked: false; reason: string; failed: boolean };

/** The capacity types the admin center's Dataverse capacity page sums. */
export const DATAVERSE_TYPES = ["Database", "File", "Log"] as const;
/** The F&O storage types (finance and operations database and file capacity). */
export const FINOPS_TYPES = ["FinOpsDatabase", "FinOpsFile"] as const;

/** Text from the API, cleaned as every admin list field is (core/inputs.ts): "   " is no value. */
const text = (value: unknown): string | null => cleanText(value) ?? null;
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The licensing API's 200 body -> the lines by type (free computed), and the capacity summary's words. */
export function parseTenantCapacity(body: unknown): TenantCapacityReport {
  const root = record(body);
  if (!Array.isArray(root.tenantCapacities))
    return { checked: false, reason: "the licensing API's answer has no tenantCapacities", failed: true };
  const capacities = root.tenantCapacities.map(record).flatMap((line): TenantCapacityLine[] => {
    const type = text(line.capacityType);
    if (type === null) return [];
    const unit = text(line.capacityUnits) ?? text(line.capacityUnit);
    const total = number(line.totalCapacity);
    const actual = number(record(line.consumption).actual);
    const totalMB = total === null ? null : toMB(total, unit);
    const actualMB = actual === null ? null : toMB(actual, unit);
    return [
      {
        type,
        totalMB,
        actualMB,
        freeMB: totalMB === null || actualMB === null ? null : totalMB - actualMB,
        status: text(line.status),
      },
    ];
  });
  const summary: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(record(root.capacitySummary)))
    if (/^(status|statusMessageCode|finOps\w*)$/.test(key)) summary[key] = text(value);
  return { checked: true, capacities, summary };
}

/**
 * Reads the tenant's capacity. Never throws: a 401 or 403 (an identity without the licensing API's permission) is
 * "not checked", not a failure; anything else that keeps the answer away (5xx, no answer, not JSON) is a failure
 * (`failed`: the run could not check it; exit 2).
 */
export async function readTenantCapacity(api: string, http: HttpClient, token: Bearer): Promise<TenantCapacityReport> {
  const url = `${api.replace(/\/+$/, "")}${TENANT_CAPACITY_PATH}`;
  let answer;
  try {
    await token.token();
  } catch (error) {
    return { checked: false, reason: `no token for the Power Platform API: ${oneLine(error)}`, failed: false };
  }
  try {
    answer = await http.send(url, { token });
  } catch (error) {
    return { checked: false, reason: `the licensing API: ${oneLine(error)}`, failed: true };
  }
  if (answer.status === 401 || answer.status === 403)
    return {
      checked: false,
      reason: `the signed-in identity may not read the tenant's capacity (${httpWords(answer.status, answer.text)})`,
      failed: false,
    };
  if (!answer.ok)
    return {
      checked: false,
      reason: `the licensing API answered ${httpWords(answer.status, answer.text)}`,
      failed: true,
    };
  try {
    return parseTenantCapacity(JSON.parse(answer.text));
  } catch {
    return { checked: false, reason: "the licensing API answered with something that is not JSON", failed: true };
  }
}

/** A tenant line by type (case-insensitive). */
export function lineOf(report: TenantCapacityReport | null, type: string): TenantCapacityLine | undefined {
  if (report === null || !report.checked) return undefined;
  return report.capacities.find((c) => c.type.toLowerCase() === type.toLowerCase());
}

/** `812 MB free` / `1.2 GB over` for a free figure. */
export function freeWords(freeMB: number): string {
  return freeMB < 0 ? `${sizeWords(-freeMB)} over` : `${sizeWords(freeMB)} free`;
}

/** `812 MB` under 10 GB, else `12.3 GB`. */
export function sizeWords(mb: number): string {
  const abs = Math.abs(mb);
  return abs < 10 * 1024 ? `${Math.round(mb)} MB` : `${(mb / 1024).toFixed(1)} GB`;
}

/** The run's one read of the tenant's capacity, on a connection of its own; never throws. */
export async function tenantCapacityOf(
  source: { api: string; resource: string },
  http: HttpClient,
  tokens: TokenSource,
): Promise<TenantCapacityReport> {
  const connection = http.scoped();
  try {
    return await readTenantCapacity(source.api, connection, bearerFor(tokens, source.resource));
  } finally {
    await connection.close();
  }
}
