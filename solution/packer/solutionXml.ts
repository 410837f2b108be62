/** solution.xml from the source Other/Solution.xml, with the version, publisher and root components filled in. */
import { publisherElement, type PublisherConfig } from "./publisher";
import { attribute, buildXml, child, children, text, type XmlNode } from "./xml";

/** 0 unmanaged, 1 managed, 2 "either" (the value an unpacked source folder carries). */
export type ManagedFlag = 0 | 1 | 2;

export interface RootComponent {
  /** 61 web resource, 66 custom control. */
  type: 61 | 66;
  schemaName: string;
}

export class SolutionXmlError extends Error {}

const what = "Other/Solution.xml";

export function sortRootComponents(components: RootComponent[]): RootComponent[] {
  return [...components].sort((a, b) => a.type - b.type || a.schemaName.localeCompare(b.schemaName, "en"));
}

const key = (component: RootComponent): string => `${component.type} ${component.schemaName}`;

export interface SourceSolution {
  uniqueName: string;
  version: string;
  publisherPrefix: string;
  rootComponents: RootComponent[];
}

export function describeSource(source: XmlNode): SourceSolution {
  const manifest = child(child(source, "ImportExportXml", what), "SolutionManifest", what);
  return {
    uniqueName: text(manifest, "UniqueName", what),
    version: text(manifest, "Version", what),
    publisherPrefix: text(child(manifest, "Publisher", what), "CustomizationPrefix", what),
    rootComponents: children(child(manifest, "RootComponents", what), "RootComponent").map((item) => ({
      type: Number(attribute(item, "type")) as RootComponent["type"],
      schemaName: attribute(item, "schemaName") ?? "",
    })),
  };
}

/**
 * Keeps the source's element order and its names and descriptions; takes Version, Managed, Publisher and
 * RootComponents from their sources of truth. Fails when the source lists other components than the package has,
 * so the source stays packable by `pac solution pack` with the same result.
 */
export function buildSolutionXml(
  source: XmlNode,
  options: { version: string; managed: ManagedFlag; publisher: PublisherConfig; components: RootComponent[] },
): string {
  const root = child(source, "ImportExportXml", what);
  const manifest = child(root, "SolutionManifest", what);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text(manifest, "UniqueName", what))) {
    throw new SolutionXmlError(`${what}: <UniqueName> must be letters, digits and _`);
  }
  for (const [list, item] of [
    ["LocalizedNames", "LocalizedName"],
    ["Descriptions", "Description"],
  ]) {
    if (!children(child(manifest, list, what), item).some((label) => attribute(label, "languagecode") === "1033")) {
      throw new SolutionXmlError(`${what}: <${list}> needs a 1033 (English) entry`);
    }
  }
  if (children(child(manifest, "MissingDependencies", what), "MissingDependency").length > 0) {
    throw new SolutionXmlError(`${what}: <MissingDependencies> must stay empty; FinOps Link depends on nothing`);
  }

  const expected = sortRootComponents(options.components);
  const listed = describeSource(source).rootComponents;
  const missing = expected.filter((item) => !listed.some((other) => key(other) === key(item)));
  const extra = listed.filter((item) => !expected.some((other) => key(other) === key(item)));
  if (missing.length > 0 || extra.length > 0) {
    throw new SolutionXmlError(
      `${what}: <RootComponents> must list exactly the packaged components.` +
        (missing.length ? ` Missing: ${missing.map(key).join(", ")}.` : "") +
        (extra.length ? ` Not in the package: ${extra.map(key).join(", ")}.` : ""),
    );
  }

  const replaced: Record<string, XmlNode | string> = {
    Version: options.version,
    Managed: String(options.managed),
    Publisher: publisherElement(options.publisher),
    RootComponents: {
      RootComponent: expected.map((item) => ({
        "@_type": String(item.type),
        "@_schemaName": item.schemaName,
        "@_behavior": "0",
      })),
    },
    MissingDependencies: "",
  };
  const nextManifest: XmlNode = {};
  for (const [name, value] of Object.entries(manifest)) nextManifest[name] = replaced[name] ?? value;
  for (const name of Object.keys(replaced)) {
    if (!(name in nextManifest)) throw new SolutionXmlError(`${what}: <SolutionManifest> has no <${name}>`);
  }
  return buildXml({ ImportExportXml: { ...root, SolutionManifest: nextManifest } }, "solution.xml");
}
