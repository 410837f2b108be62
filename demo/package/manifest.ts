import { asArray, parseXml, pick, textOf } from "./xml";

/** One `<uses-feature>` of the shipped ControlManifest.xml: a feature class (WebAPI, Utility, Device…) the control uses. */
export interface FeatureUsage {
  name: string;
  required: boolean;
}

/** One `<property>` of the shipped ControlManifest.xml: what the host needs to build `context.parameters`. */
export interface ManifestProperty {
  name: string;
  usage: "bound" | "input" | "output";
  /** `of-type`, or the first type of `of-type-group` for bound group properties. */
  type: string;
  defaultValue?: string;
  /** Enum values, when the property is an Enum. */
  values: string[];
}

export interface ControlManifest {
  namespace: string;
  constructorName: string;
  version: string;
  controlType: string;
  properties: ManifestProperty[];
  /** Paths inside the control folder. */
  codePath: string;
  resx: Array<{ path: string; lcid: number }>;
  platformLibraries: Array<{ name: string; version: string }>;
  /** `api-version` (pcf-scripts writes it into the built manifest); the runtime gates features from 1.1 on. */
  apiVersion: string;
  /** `<feature-usage><uses-feature name required>`: what the runtime lets `context.webAPI` / `context.utils` do. */
  featureUsage: FeatureUsage[];
}

function attr(node: unknown, name: string): string | undefined {
  const value = pick(node, `@_${name}`);
  return typeof value === "string" ? value : undefined;
}

/** Reads the manifest pcf-scripts emitted (and the packer shipped). Throws with the reason when it is not one. */
export function parseControlManifest(xml: string): ControlManifest {
  const doc = parseXml(xml, [
    "property",
    "value",
    "type-group",
    "type",
    "resx",
    "platform-library",
    "code",
    "uses-feature",
  ]);
  const control = pick(doc, "manifest", "control");
  const namespace = attr(control, "namespace");
  const constructorName = attr(control, "constructor");
  if (!namespace || !constructorName) throw new Error("ControlManifest.xml has no <control namespace constructor>");
  const groups = new Map<string, string[]>();
  for (const group of asArray(pick(control, "type-group"))) {
    groups.set(
      attr(group, "name") ?? "",
      asArray(pick(group, "type")).map((t) => textOf(t) ?? ""),
    );
  }
  const properties = asArray(pick(control, "property")).map((p): ManifestProperty => {
    const group = attr(p, "of-type-group");
    return {
      name: attr(p, "name") ?? "",
      usage: (attr(p, "usage") ?? "input") as ManifestProperty["usage"],
      type: attr(p, "of-type") ?? (group ? (groups.get(group)?.[0] ?? "SingleLine.Text") : "SingleLine.Text"),
      defaultValue: attr(p, "default-value"),
      values: asArray(pick(p, "value")).map((v) => textOf(v) ?? attr(v, "name") ?? ""),
    };
  });
  const resources = pick(control, "resources");
  const code = asArray(pick(resources, "code"))[0];
  const codePath = attr(code, "path");
  if (!codePath) throw new Error("ControlManifest.xml has no <code path>");
  const resx = asArray(pick(resources, "resx")).map((r) => {
    const path = attr(r, "path") ?? "";
    const lcid = Number(/\.(\d+)\.resx$/i.exec(path)?.[1] ?? NaN);
    return { path, lcid };
  });
  const platformLibraries = asArray(pick(resources, "platform-library")).map((l) => ({
    name: attr(l, "name") ?? "",
    version: attr(l, "version") ?? "",
  }));
  const featureUsage = asArray(pick(control, "feature-usage", "uses-feature")).map((feature) => ({
    name: attr(feature, "name") ?? "",
    required: attr(feature, "required") === "true",
  }));
  return {
    namespace,
    constructorName,
    version: attr(control, "version") ?? "",
    controlType: attr(control, "control-type") ?? "standard",
    properties,
    codePath,
    resx,
    platformLibraries,
    apiVersion: attr(control, "api-version") ?? "",
    featureUsage,
  };
}
