import type { ManifestProperty } from "../package/manifest";
import type { DeclaredFeatures } from "./featureGate";
import type { ResxWebResource } from "./resourceStrings";

/** One control on the emulated form: where it sits and the values a maker set in the form designer. */
export interface ControlInstanceConfig {
  id: string;
  label: string;
  /** The column the `value` property is bound to. */
  boundAttribute: string;
  /** Input property values by name (strings, as the form XML stores them); missing ones use the manifest default. */
  params: Record<string, string>;
}

/**
 * What the control's PCF context offers as `webAPI.execute`: the runtime's execute (a model-driven app), none (a canvas
 * host) or one that throws "not implemented" (a custom page; Microsoft's harness throws a script error instead), or
 * `bodyUsed`: the runtime's execute and the form script's Xrm.WebApi.online.execute RESOLVE with a Response whose body
 * the host already read (a public report shows the platform's own script doing that: "Failed to execute 'text' on
 * 'Response': body stream already read"). All but the first make the control (and the last the form script too) fall
 * back to same-origin fetch.
 */
export const CONTROL_WEB_APIS = ["execute", "noExecute", "notImplemented", "bodyUsed"] as const;
export type ControlWebApi = (typeof CONTROL_WEB_APIS)[number];

/** Everything the server tells the page (embedded as JSON); built from the query string and the shipped zip. */
export interface DemoConfig {
  scenario: string;
  lcid: number;
  /** The organization's base language, getResourceString's second choice. */
  orgLanguageId: number;
  languageTag: string;
  rtl: boolean;
  theme: "light" | "dark";
  offline: boolean;
  disabled: boolean;
  controlWebApi: ControlWebApi;
  /** The signed-in user, as the platform spells it: upper case in braces. */
  userId: string;
  userName: string;
  /** The environment id the linked scenarios return: the page marks when it is painted. */
  expectedEnvironmentId: string;
  control: {
    /** `<namespace>.<constructor>` the bundle registers through ComponentFramework.registerControl. */
    registryName: string;
    bundleUrl: string;
    properties: ManifestProperty[];
    /** The built manifest's api-version and `<uses-feature>`s: the context gates webAPI and utils on them. */
    features: DeclaredFeatures;
    /** The shipped resx strings for the user's language (English when that language is not shipped). */
    strings: Record<string, string>;
    instances: ControlInstanceConfig[];
  } | null;
  formScript: {
    url: string;
    /** The RESX web resources the script's DependencyXml declares, read from the zip (for getResourceString). */
    resources: ResxWebResource[];
    /** What the form designer's "comma separated list of parameters" would pass as the second argument. */
    options: unknown;
  } | null;
  /** "together": controls and form script start at once (as a form loads); "scriptFirst": controls mount only after onLoad returned. */
  order: "together" | "scriptFirst";
  /** The record link's demo case (demo/emulator/recordCases.ts): the form's row and the settings its controls get. */
  record: {
    name: string;
    row: { entityTypeName: string; entityId: string; entityRecordName: string };
    savedRow?: { entityTypeName: string; entityId: string; entityRecordName: string };
    fields: Record<string, string | null>;
    settings: Record<string, string>;
  };
  /** Problems reading the solution zip, shown on the page instead of a blank form. */
  problems: string[];
}

export const CONFIG_ELEMENT_ID = "demo-config";
