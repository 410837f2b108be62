/**
 * Web resources: WebResources/<name>.data.xml in the source (the SolutionPackager sidecar) pairs with a built
 * file in out/webresources/: the name <prefix>_/finopslink/<path> comes from out/webresources/<path> (the form script,
 * and its RESX strings under strings/). A script's <DependencyXml> must name exactly the RESX web resources it reads.
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { insideFolder, listFiles, readInput, type PackageFile } from "./files";
import { assertWellFormed, attribute, child, children, parseXml, text, type XmlNode } from "./xml";

export interface WebResourceComponent {
  /** fol_/finopslink/form.js: the Name and the RootComponent schemaName. */
  name: string;
  /** WebResourceType: 3 script, 12 string (RESX). */
  type: string;
  /** LanguageCode of the sidecar. */
  languageCode: string;
  /** The libraries its DependencyXml names (RESX web resources a script reads). */
  dependencies: Array<{ name: string; languageCode: string }>;
  /** The <WebResource> element of customizations.xml (the sidecar's, FileName per the export convention). */
  element: XmlNode;
  /** The file in the zip. */
  zipFile: PackageFile;
  /** The file in the unpacked (SolutionPackager) layout. */
  unpackedFile: PackageFile;
}

export class WebResourceError extends Error {}

const formCommand = "npm run build:form";
const guidPattern = /^\{([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}$/;
// WebResourceType codes per file extension (Dataverse webresource.webresourcetype).
const typeByExtension: Record<string, string> = {
  htm: "1",
  html: "1",
  css: "2",
  js: "3",
  xml: "4",
  png: "5",
  jpg: "6",
  gif: "7",
  xap: "8",
  xsl: "9",
  xslt: "9",
  ico: "10",
  svg: "11",
  resx: "12",
};

/** The zip entry an export writes: the name without "/" and ".", then the id in upper case. */
export function exportFileName(name: string, id: string): string {
  return `/WebResources/${name.replace(/[/.]/g, "")}${id.toUpperCase()}`;
}

/** Every *.data.xml under WebResources/, as web resource names. */
export function webResourceNames(sourceDir: string): string[] {
  return listFiles(join(sourceDir, "WebResources"))
    .filter((path) => path.endsWith(".data.xml"))
    .map((path) => path.slice(0, -".data.xml".length));
}

export function readWebResource(
  sourceDir: string,
  name: string,
  webresourcesOut: string,
  prefix: string,
): WebResourceComponent {
  const what = `WebResources/${name}.data.xml`;
  const sidecar = child(
    parseXml(readFileSync(join(sourceDir, "WebResources", `${name}.data.xml`), "utf8"), what),
    "WebResource",
    what,
  );
  if (text(sidecar, "Name", what) !== name) throw new WebResourceError(`${what}: <Name> must be ${name}, its path`);
  if (!name.startsWith(`${prefix}_/`)) {
    throw new WebResourceError(`${what}: the name must start with the publisher prefix "${prefix}_/"`);
  }
  const id = guidPattern.exec(text(sidecar, "WebResourceId", what))?.[1];
  if (!id) throw new WebResourceError(`${what}: <WebResourceId> must be a {GUID}, kept stable across releases`);
  const extension = name.split(".").pop() ?? "";
  const type = typeByExtension[extension];
  if (!type || text(sidecar, "WebResourceType", what) !== type) {
    throw new WebResourceError(`${what}: <WebResourceType> must be ${type ?? "a known type"} for .${extension}`);
  }
  // SolutionPackager keeps the export's file name in the sidecar and stores the content under the web resource name.
  const fileName = exportFileName(name, id);
  if (text(sidecar, "FileName", what) !== fileName) {
    throw new WebResourceError(`${what}: <FileName> must be ${fileName} (name without "/" and ".", then the id)`);
  }

  if (!name.startsWith(`${prefix}_/finopslink/`)) {
    throw new WebResourceError(`${what}: names are ${prefix}_/finopslink/<path>, built to out/webresources/<path>`);
  }
  const { full: builtPath } = insideFolder(webresourcesOut, name.slice(`${prefix}_/finopslink/`.length), what);
  const data = readInput(builtPath, formCommand);
  if (data.length === 0) throw new WebResourceError(`${builtPath} is empty`);
  const languageCode = text(sidecar, "LanguageCode", what);
  if (type === "12") {
    // getResourceString finds a RESX by its web resource language, and the platform wants the LCID in the name too.
    const lcid = /\.(\d{4,5})\.resx$/.exec(name)?.[1];
    if (lcid !== languageCode) {
      throw new WebResourceError(`${what}: a RESX is named <name>.<lcid>.resx with <LanguageCode> that LCID`);
    }
    assertWellFormed(data.toString("utf8"), builtPath);
  }

  const element: XmlNode = {};
  for (const [key, value] of Object.entries(sidecar)) {
    if (!key.startsWith("@_")) element[key] = value; // the sidecar's xmlns:xsi belongs to its own document
  }
  return {
    name,
    type,
    languageCode,
    dependencies: readDependencies(sidecar, what),
    element,
    zipFile: { path: fileName.slice(1), data },
    unpackedFile: { path: `WebResources/${name}`, data },
  };
}

/** The <Library> entries of a sidecar's DependencyXml (XML kept as escaped text, as exports write it). */
function readDependencies(sidecar: XmlNode, what: string): Array<{ name: string; languageCode: string }> {
  if (sidecar.DependencyXml === undefined) return [];
  const xml = text(sidecar, "DependencyXml", what);
  const root = child(parseXml(xml, `${what} <DependencyXml>`), "Dependencies", `${what} <DependencyXml>`);
  return children(root, "Dependency").flatMap((dependency) => {
    if (attribute(dependency, "componentType") !== "WebResource") {
      throw new WebResourceError(`${what}: <DependencyXml> may name web resources only`);
    }
    return children(dependency, "Library").map((library) => ({
      name: attribute(library, "name") ?? "",
      languageCode: attribute(library, "languagecode") ?? "",
    }));
  });
}

/**
 * Every dependency names a packaged RESX web resource with its language, and every packaged RESX is some script's
 * dependency: otherwise getResourceString would not find it for the script, or it would ship unused.
 */
export function checkDependencies(resources: WebResourceComponent[]): void {
  const byName = new Map(resources.map((resource) => [resource.name, resource]));
  const used = new Set<string>();
  for (const resource of resources) {
    for (const library of resource.dependencies) {
      const target = byName.get(library.name);
      if (!target || target.type !== "12" || target.languageCode !== library.languageCode) {
        throw new WebResourceError(
          `${resource.name}: <DependencyXml> names ${library.name} (language ${library.languageCode}), which is not a RESX web resource of this solution in that language`,
        );
      }
      used.add(library.name);
    }
  }
  const unused = resources.filter((resource) => resource.type === "12" && !used.has(resource.name));
  if (unused.length > 0) {
    throw new WebResourceError(
      `${unused.map((resource) => resource.name).join(", ")}: no script lists it in <DependencyXml>, so no script could read it`,
    );
  }
}
