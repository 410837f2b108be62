/**
 * The version policy: package.json `version` is the only place anyone edits. `npm version <x.y.z>` (or
 * `npm run stamp-version` after a hand edit) stamps it into the two tracked files that carry it, the control manifest
 * and the solution source's Solution.xml; no build writes a tracked file, and the packer refuses a mismatch.
 */
import { XMLParser } from "fast-xml-parser";

// Order-preserving options: the manifest is read to find control/@version (the stamp itself is a text edit).
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
  const control = findControl(new XMLParser(manifestXmlOptions).parse(manifestXml) as OrderedNode[]);
  if (!control?.[":@"]) throw new Error("ControlManifest.Input.xml has no <manifest><control> element");
  if (control[":@"]["@_version"] === target) return manifestXml;
  // Only the attribute's text changes: a serializer would rewrite the hand-written rest (e.g. `" />` as `"/>`).
  return manifestXml.replace(/(<control\s[^>]*?\sversion=")[^"]*"/, `$1${target}"`);
}

/** Solution.xml with <SolutionManifest><Version> set to x.y.z.0; the rest of the text is left exactly as written. */
export function stampSolutionXmlVersion(solutionXml: string, version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`package.json version "${version}" is not x.y.z`);
  const pattern = /(<SolutionManifest>[\s\S]*?<Version>)[^<]*(<\/Version>)/;
  if (!pattern.test(solutionXml)) throw new Error("Solution.xml has no <SolutionManifest><Version>");
  return solutionXml.replace(pattern, `$1${version}.0$2`);
}

/** The <SolutionManifest><Version> of a Solution.xml. */
export function solutionXmlVersion(solutionXml: string): string | undefined {
  return /<SolutionManifest>[\s\S]*?<Version>([^<]*)<\/Version>/.exec(solutionXml)?.[1];
}
