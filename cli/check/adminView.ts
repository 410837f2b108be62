import { readinessOf, type ReadinessView } from "./adminReadiness";

/**
 * The admin center's view of one environment, read from one item of the Power Platform admin API's environment list
 * (`GET {bap}/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2020-10-01`): what the
 * admin center shows, compared with Dataverse's own answer in findings.ts. Field names are the API's (see
 * docs/link-audit.md); any missing field is null, never a guess.
 */
export interface AdminCenterView extends ReadinessView {
  /** The environment's id in the admin API (the item's `name`). */
  environmentId: string | null;
  /** `properties.environmentSku`: Production, Sandbox, Developer, Trial, Default, Teams. */
  sku: string | null;
  /** `properties.tenantId`. */
  tenantId: string | null;
  /** `properties.states.runtime.id`: Enabled, Disabled, AdminMode, … */
  runtimeState: string | null;
  /** `properties.linkedEnvironmentMetadata.instanceState`: Ready, NotReady, … */
  instanceState: string | null;
  /** `properties.linkedAppMetadata`: type Linked (through Lifecycle Services) or Internal (unified), the F&O id and URL. */
  linkedApp: { type: string | null; id: string | null; url: string | null } | null;
}

export interface ListedEnvironment {
  name: string;
  /** properties.linkedEnvironmentMetadata.instanceUrl, or null for an environment without Dataverse. */
  instanceUrl: string | null;
  adminCenter: AdminCenterView;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** One item of the admin list -> its name, Dataverse URL and the admin center's view. */
export function readListedEnvironment(item: unknown): ListedEnvironment {
  const entry = record(item);
  const properties = record(entry.properties);
  const metadata = record(properties.linkedEnvironmentMetadata);
  const runtime = record(record(properties.states).runtime);
  const app = properties.linkedAppMetadata === undefined ? null : record(properties.linkedAppMetadata);
  const linkedApp =
    app === null || (text(app.id) === null && text(app.url) === null)
      ? null
      : { type: text(app.type), id: text(app.id), url: text(app.url) };
  return {
    name: text(properties.displayName) ?? text(entry.name) ?? "(unnamed)",
    instanceUrl: text(metadata.instanceUrl),
    adminCenter: {
      environmentId: text(entry.name),
      sku: text(properties.environmentSku),
      tenantId: text(properties.tenantId),
      runtimeState: text(runtime.id),
      instanceState: text(metadata.instanceState),
      linkedApp,
      ...readinessOf(properties),
    },
  };
}
