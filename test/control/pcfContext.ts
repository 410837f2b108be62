/** A hand-made PCF context for driving the control's lifecycle and views in tests (no harness, no platform). */
import { webDarkTheme } from "@fluentui/react-components";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseResx } from "../../scripts/resx";
import { CONTROL_STRINGS, ROOT, resxFileName } from "../../scripts/stringSets";
import type { Lcid } from "../../core/strings";
import type { IInputs } from "../../pcf/LinkedEnvironment/generated/ManifestTypes";
import { USER } from "../fixtures/dataverse";

type Context = ComponentFramework.Context<IInputs>;
type Security = ComponentFramework.PropertyHelper.SecurityValues;

/** The maker's property values, as the form designer would set them (undefined = not set). */
export interface FakeProperties {
  value?: string | null;
  layout?: "card" | "compact" | "linkOnly";
  showTenantId?: "yes" | "no";
  showEnvironmentId?: "yes" | "no";
  label?: string;
  openIn?: "newTab" | "sameTab";
  legalEntity?: string;
  menuItem?: string;
  cacheMinutes?: number;
  writeUrlToColumn?: "yes" | "no";
  recordLink?: "off" | "thisRow" | "matchRow";
  recordTable?: string;
  recordMatch?: string;
  recordCompany?: string;
}

export interface FakeContextOptions {
  properties?: FakeProperties;
  lcid?: Lcid;
  isRTL?: boolean;
  disabled?: boolean;
  visible?: boolean;
  security?: Security;
  dark?: boolean;
  offline?: boolean;
  userId?: string;
  /** context.webAPI as the host offers it (a model-driven app's has `execute`); left out when undefined. */
  webAPI?: object;
  /** context.utils (getEntityMetadata for the record link); left out when undefined. */
  utils?: object;
  /** The form's row as model-driven apps give it (context.mode.contextInfo); none when undefined. */
  row?: { entityTypeName: string; entityId: string; entityRecordName?: string };
}

const resxCache = new Map<number, Map<string, string>>();

/** context.resources.getString backed by the committed resx for `lcid`, as the platform does. */
export function resxLookup(lcid: Lcid): (key: string) => string {
  let strings = resxCache.get(lcid);
  if (!strings) {
    strings = parseResx(readFileSync(join(ROOT, CONTROL_STRINGS.dir, resxFileName(CONTROL_STRINGS, lcid)), "utf8"));
    resxCache.set(lcid, strings);
  }
  const table = strings;
  return (key) => table.get(key) ?? key;
}

function stringProperty(
  raw: string | null | undefined,
  security?: Security,
): ComponentFramework.PropertyTypes.StringProperty {
  return {
    raw: raw ?? null,
    formatted: raw ?? undefined,
    error: false,
    errorMessage: "",
    type: "SingleLine.Text",
    security,
  };
}

function enumProperty<T extends string>(raw: T | undefined): ComponentFramework.PropertyTypes.EnumProperty<T> {
  return { raw: raw as T, type: "Enum" };
}

function numberProperty(raw: number | undefined): ComponentFramework.PropertyTypes.WholeNumberProperty {
  return { raw: raw ?? null, error: false, errorMessage: "", type: "Whole.None" };
}

export function fakeParameters(p: FakeProperties = {}, security?: Security): IInputs {
  return {
    value: stringProperty(p.value, security),
    layout: enumProperty(p.layout),
    showTenantId: enumProperty(p.showTenantId),
    showEnvironmentId: enumProperty(p.showEnvironmentId),
    label: stringProperty(p.label),
    openIn: enumProperty(p.openIn),
    legalEntity: stringProperty(p.legalEntity),
    menuItem: stringProperty(p.menuItem),
    cacheMinutes: numberProperty(p.cacheMinutes),
    writeUrlToColumn: enumProperty(p.writeUrlToColumn),
    recordLink: enumProperty(p.recordLink),
    recordTable: stringProperty(p.recordTable),
    recordMatch: stringProperty(p.recordMatch),
    recordCompany: stringProperty(p.recordCompany),
  };
}

/**
 * The parts of Context the control reads are real values; the rest (formatting, navigation…) is never touched by the
 * control, so it is left out and the object is typed as the full Context. webAPI is there only when a test hands one.
 */
export function fakeContext(options: FakeContextOptions = {}): Context {
  const lcid = options.lcid ?? 1033;
  const partial = {
    parameters: fakeParameters(options.properties, options.security),
    mode: {
      isControlDisabled: options.disabled ?? false,
      isVisible: options.visible ?? true,
      label: "FinOps",
      allocatedHeight: -1,
      allocatedWidth: -1,
      ...(options.row === undefined ? {} : { contextInfo: options.row }),
    } as Partial<ComponentFramework.Mode>,
    userSettings: {
      userId: options.userId ?? USER,
      languageId: lcid,
      isRTL: options.isRTL ?? lcid === 1025,
      userName: "Test User",
      securityRoles: [],
    } as Partial<ComponentFramework.UserSettings>,
    client: { isOffline: () => options.offline ?? false } as Partial<ComponentFramework.Client>,
    resources: { getString: resxLookup(lcid), getResource: () => undefined } as ComponentFramework.Resources,
    fluentDesignLanguage: options.dark
      ? ({ tokenTheme: webDarkTheme, isDarkTheme: true } as unknown as ComponentFramework.FluentDesignState)
      : undefined,
    updatedProperties: [],
    ...(options.webAPI === undefined ? {} : { webAPI: options.webAPI }),
    ...(options.utils === undefined ? {} : { utils: options.utils }),
  };
  return partial as unknown as Context;
}
