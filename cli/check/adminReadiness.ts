import { cleanText } from "../../core/inputs";

/**
 * What the admin list says about an environment's readiness for the F&O link, beside what adminView.ts reads: the
 * setup's progress and the environment's capacity. Field names are the Power Platform admin API's
 * (`…/scopes/admin/environments?api-version=2020-10-01&$expand=properties.capacity`; docs/link-audit.md). A missing
 * field is null, never a guess.
 */

/** One line of `properties.capacity[]`: what the environment consumes of one capacity type. */
export interface EnvironmentCapacity {
  /** `capacityType`: Database, File, Log (others are kept as given). */
  type: string;
  /** `actualConsumption` in `unit` (MB from the admin API): the figure the admin center shows. */
  actual: number | null;
  /** `capacityUnit` (MB). */
  unit: string | null;
  /** `updatedOn`: when the admin center last measured it (ISO 8601). */
  updatedOn: string | null;
}

export interface ReadinessView {
  /**
   * `properties.provisioningState`: Succeeded; LinkedDatabaseProvisioning while Dataverse is added to an F&O
   * environment (Enable Power Platform integration); a value ending in `Failed` when a setup stage failed.
   */
  provisioningState: string | null;
  /** `properties.states.management.id`: Ready, or Running while an operation (copy, restore, update) runs. */
  managementState: string | null;
  /** `properties.capacity` (only with `$expand=properties.capacity`), null when the list does not carry it. */
  capacity: EnvironmentCapacity[] | null;
}

/** Text from the API, cleaned as every admin list field is (core/inputs.ts): "   " is no value. */
const text = (value: unknown): string | null => cleanText(value) ?? null;
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** An admin list item's `properties` -> its setup state and capacity. */
export function readinessOf(properties: Record<string, unknown>): ReadinessView {
  const capacity = Array.isArray(properties.capacity)
    ? properties.capacity
        .map(record)
        .filter((line) => text(line.capacityType) !== null)
        .map((line) => ({
          type: text(line.capacityType)!,
          actual: number(line.actualConsumption),
          unit: text(line.capacityUnit),
          updatedOn: text(line.updatedOn),
        }))
    : null;
  return {
    provisioningState: text(properties.provisioningState),
    managementState: text(record(record(properties.states).management).id),
    capacity,
  };
}

/** The database consumption in MB (the admin center's figure), or null when the list gave none. */
export function databaseMB(capacity: ReadonlyArray<EnvironmentCapacity> | null): number | null {
  const line = capacity?.find((c) => c.type.toLowerCase() === "database");
  if (line === undefined || line.actual === null) return null;
  return toMB(line.actual, line.unit);
}

/** A figure in MB from one in `unit` (MB when none is given; GB and TB as the licensing API may say). */
export function toMB(value: number, unit: string | null): number {
  switch (unit?.toUpperCase()) {
    case "GB":
      return value * 1024;
    case "TB":
      return value * 1024 * 1024;
    case "KB":
      return value / 1024;
    default:
      return value;
  }
}
