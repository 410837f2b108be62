import type { Theme } from "@fluentui/react-components";
import type { ManifestProperty } from "../package/manifest";
import type { ControlInstanceConfig, DemoConfig } from "./config";
import { gateFeature, type DeclaredFeatures } from "./featureGate";
import type { RecordCalls } from "./webApiRecords";

export interface ContextInputs {
  config: DemoConfig;
  instance: ControlInstanceConfig;
  properties: ManifestProperty[];
  /** The built manifest's `<uses-feature>`s: webAPI and utils work only as far as it declares them. */
  features: DeclaredFeatures;
  strings: Record<string, string>;
  theme: Theme;
  boundValue: string | null;
  openUrl(url: string): void;
  requestRender(): void;
  /** The runtime's webAPI.execute (built once per control, see controlHost.ts). */
  execute(request: object): Promise<Response>;
  /** The runtime's record reads and metadata (demo/host/webApiRecords.ts). */
  records: RecordCalls;
  /** The form's row, as model-driven apps describe it to a control (context.mode.contextInfo). */
  row: { entityTypeName: string; entityId: string; entityRecordName: string };
}

type Parameter = {
  raw: unknown;
  formatted?: string;
  type: string;
  error: boolean;
  errorMessage: string;
  attributes?: object;
};

/** The raw value the platform hands a control for one manifest property, from the form designer's string. */
function rawValue(property: ManifestProperty, text: string | undefined): unknown {
  if (text === undefined || text === "") return null;
  if (property.type.startsWith("Whole") || property.type === "Decimal" || property.type === "FP") {
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  if (property.type === "TwoOptions") return text === "true" || text === "1";
  return text;
}

function parameters(inputs: ContextInputs): Record<string, Parameter> {
  const result: Record<string, Parameter> = {};
  for (const property of inputs.properties) {
    if (property.usage === "bound") {
      result[property.name] = {
        raw: inputs.boundValue,
        formatted: inputs.boundValue ?? "",
        type: property.type,
        error: false,
        errorMessage: "",
        attributes: {
          LogicalName: inputs.instance.boundAttribute,
          DisplayName: inputs.instance.label,
          RequiredLevel: 0,
        },
      };
    } else {
      const raw = rawValue(property, inputs.instance.params[property.name] ?? property.defaultValue);
      result[property.name] = {
        raw,
        formatted: raw === null ? "" : String(raw),
        type: property.type,
        error: false,
        errorMessage: "",
      };
    }
  }
  return result;
}

function unsupported(what: string): () => Promise<never> {
  return () => Promise.reject(new Error(`${what} is not emulated by the FinOps Link demo host`));
}

/** `webAPI.execute` as the host switch says: the runtime's, none, or one that throws as custom pages do. */
function executeFor(inputs: ContextInputs): { execute?: (request: object) => Promise<Response> } {
  switch (inputs.config.controlWebApi) {
    case "execute":
    case "bodyUsed": // controlHost.ts builds that execute
      return { execute: inputs.execute };
    case "notImplemented":
      return {
        execute: () => {
          throw new Error("Method not implemented.");
        },
      };
    case "noExecute":
      return {};
  }
}

/**
 * A PCF context as a model-driven form builds it for a virtual control: parameters from the manifest and the form
 * designer, strings from the shipped resx, the user's language, the Fluent theme of the app and webAPI.execute.
 * webAPI and utils are gated on the built manifest's `<uses-feature>` as the runtime gates them (featureGate.ts).
 */
export function createPcfContext(inputs: ContextInputs): ComponentFramework.Context<Record<string, Parameter>> {
  const { config } = inputs;
  const context = {
    parameters: parameters(inputs),
    updatedProperties: [] as string[],
    resources: {
      getString: (id: string): string => inputs.strings[id] ?? id,
      getResource: (_id: string, _success: unknown, failure: () => void) => failure(),
    },
    mode: {
      isControlDisabled: config.disabled,
      isVisible: true,
      label: inputs.instance.label,
      allocatedHeight: -1,
      allocatedWidth: -1,
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: () => undefined,
      // Not in the PCF typings; model-driven apps give it (pcf/LinkedEnvironment/platformRecordApi.ts reads it).
      contextInfo: { ...inputs.row },
    },
    userSettings: {
      userId: config.userId,
      userName: config.userName,
      languageId: config.lcid,
      isRTL: config.rtl,
      securityRoles: [] as string[],
      getTimeZoneOffsetMinutes: () => 0,
    },
    client: {
      disableScroll: false,
      getClient: () => "Web",
      getFormFactor: () => 1,
      isOffline: () => config.offline,
      isNetworkAvailable: () => !config.offline,
    },
    navigation: {
      openUrl: (url: string) => inputs.openUrl(url),
      openAlertDialog: unsupported("navigation.openAlertDialog"),
      openConfirmDialog: unsupported("navigation.openConfirmDialog"),
      openErrorDialog: unsupported("navigation.openErrorDialog"),
      openForm: unsupported("navigation.openForm"),
      openWebResource: () => undefined,
    },
    factory: {
      requestRender: () => inputs.requestRender(),
      getPopupService: () => undefined,
    },
    webAPI: {
      createRecord: unsupported("webAPI.createRecord"),
      deleteRecord: unsupported("webAPI.deleteRecord"),
      updateRecord: unsupported("webAPI.updateRecord"),
      retrieveRecord: inputs.records.retrieveRecord,
      retrieveMultipleRecords: inputs.records.retrieveMultipleRecords,
      // Left out of the published PCF typings; model-driven apps' runtime has it and forwards it to Xrm.WebApi.
      ...executeFor(inputs),
    },
    utils: {
      getEntityMetadata: inputs.records.getEntityMetadata,
      hasEntityPrivilege: () => true,
      lookupObjects: unsupported("utils.lookupObjects"),
    },
    fluentDesignLanguage: {
      tokenTheme: inputs.theme,
      isDarkTheme: config.theme === "dark",
    },
  };
  gateFeature(context.webAPI, "WebAPI", inputs.features);
  gateFeature(context.utils, "Utility", inputs.features);
  // The host emulates the parts of the context a control reads; the cast is where that subset meets the full type.
  return context as unknown as ComponentFramework.Context<Record<string, Parameter>>;
}
