import { readinessOf, type ReadinessView } from "./adminReadiness";
import { normaliseGuid } from "../../core/guid";
import { cleanText, urlText } from "../../core/inputs";

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

const text = (value: unknown): string | null => cleanText(value) ?? null;
/** A GUID in its one form (core/guid.ts), or the text as given when it is not one. */
const id = (value: unknown): string | null => normaliseGuid(value) ?? text(value);
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
    app === null || (text(app.id) === null && urlText(app.url) === undefined)
      ? null
      : { type: text(app.type), id: id(app.id), url: urlText(app.url) ?? null };
  return {
    name: text(properties.displayName) ?? text(entry.name) ?? "(unnamed)",
    // "   " or "https://" names no database, as "" and a missing field do (core/inputs.ts urlText).
    instanceUrl: urlText(metadata.instanceUrl) ?? null,
    adminCenter: {
      environmentId: text(entry.name),
      sku: text(properties.environmentSku),
      tenantId: id(properties.tenantId),
      runtimeState: text(runtime.id),
      instanceState: text(metadata.instanceState),
      linkedApp,
      ...readinessOf(properties),
    },
  };
}
