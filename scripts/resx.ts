/**
 * Pure builders for the control's generated files: one resx per language from core/strings (the one source of
 * user-facing words), and the manifest with its control version synced from package.json.
 * No file access here, so tests can call these directly; scripts/generate-resx.ts does the writing.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { catalog, LANGUAGES, type Lcid, type StringKey } from "../core/strings";

/** Key groups the control reads through context.resources.getString (Form_* belong to the form script only). */
export const RESX_KEY_PREFIXES = ["Control_", "Property_", "Result_"] as const;

export const RESX_FILE_PREFIX = "LinkedEnvironment";

export function resxFileName(lcid: Lcid): string {
  return `${RESX_FILE_PREFIX}.${lcid}.resx`;
}

/** Every key that goes into the control's resx files, in catalog order. */
export function controlResxKeys(): StringKey[] {
  return (Object.keys(catalog.en) as StringKey[]).filter((key) => RESX_KEY_PREFIXES.some((p) => key.startsWith(p)));
}

// Standard .NET resource headers: Dataverse reads resx written by Visual Studio, which always carries these.
const RESHEADERS: ReadonlyArray<[string, string]> = [
  ["resmimetype", "text/microsoft-resx"],
  ["version", "2.0"],
  [
    "reader",
    "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
  ],
  [
    "writer",
    "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
  ],
];

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  " });

/** The resx document for one language: every control key, falling back to English only if a text is empty. */
export function buildResx(lcid: Lcid): string {
  const language = LANGUAGES.find((l) => l.lcid === lcid);
  if (!language) throw new Error(`No language with LCID ${lcid} in core/strings/languages.ts`);
  const texts = catalog[language.tag];
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    root: {
      resheader: RESHEADERS.map(([name, value]) => ({ "@_name": name, value })),
      data: controlResxKeys().map((key) => ({
        "@_name": key,
        "@_xml:space": "preserve",
        value: texts[key] || catalog.en[key],
      })),
    },
  };
  return builder.build(document) as string;
}

/** Reads a resx document back into key -> text (what the tests and the platform see). */
export function parseResx(xml: string): Map<string, string> {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === "data" || name === "resheader",
  }).parse(xml) as { root?: { data?: Array<{ "@_name": string; value?: string | number }> } };
  const entries = parsed.root?.data ?? [];
  return new Map(entries.map((entry) => [entry["@_name"], String(entry.value ?? "")]));
}

// Order-preserving options so the hand-written manifest round-trips unchanged apart from the version attribute.
const manifestXmlOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  commentPropName: "#comment",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  processEntities: false,
  parseTagValue: false,
} as const;

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function findElement(nodes: OrderedNode[], name: string): OrderedNode | undefined {
  return nodes.find((node) => Object.prototype.hasOwnProperty.call(node, name));
}

/** The control version in a manifest. */
export function manifestVersion(manifestXml: string): string | undefined {
  return findControl(new XMLParser(manifestXmlOptions).parse(manifestXml) as OrderedNode[])?.[":@"]?.["@_version"];
}

function findControl(tree: OrderedNode[]): OrderedNode | undefined {
  const manifest = findElement(tree, "manifest");
  return manifest ? findElement(manifest.manifest as OrderedNode[], "control") : undefined;
}

/**
 * The manifest with control/@version set to `version` (x.y.z; a pre-release tail is dropped because the manifest
 * schema accepts digits and dots only). Returns the input unchanged when it already carries that version.
 */
export function syncManifestVersion(manifestXml: string, version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`package.json version "${version}" is not x.y.z`);
  const target = match[0];
  const tree = new XMLParser(manifestXmlOptions).parse(manifestXml) as OrderedNode[];
  const control = findControl(tree);
  if (!control?.[":@"]) throw new Error("ControlManifest.Input.xml has no <manifest><control> element");
  if (control[":@"]["@_version"] === target) return manifestXml;
  control[":@"]["@_version"] = target;
  return `${(new XMLBuilder(manifestXmlOptions).build(tree) as string).trimEnd()}\n`;
}
