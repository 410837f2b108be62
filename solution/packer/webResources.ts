/**
 * Web resources: WebResources/<name>.data.xml in the source (the SolutionPackager sidecar) pairs with a built
 * file in out/webresources/: the name <prefix>_/finopslink/<file> comes from out/webresources/<file>.
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { listFiles, readInput, type PackageFile } from "./files";
import { child, parseXml, text, type XmlNode } from "./xml";

export interface WebResourceComponent {
  /** fol_/finopslink/form.js: the Name and the RootComponent schemaName. */
  name: string;
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

  const builtName = name.slice(`${prefix}_/finopslink/`.length);
  if (!name.startsWith(`${prefix}_/finopslink/`) || builtName.includes("/")) {
    throw new WebResourceError(`${what}: names are ${prefix}_/finopslink/<file>, built to out/webresources/<file>`);
  }
  const builtPath = join(webresourcesOut, builtName);
  const data = readInput(builtPath, formCommand);
  if (data.length === 0) throw new WebResourceError(`${builtPath} is empty`);

  const element: XmlNode = {};
  for (const [key, value] of Object.entries(sidecar)) {
    if (!key.startsWith("@_")) element[key] = value; // the sidecar's xmlns:xsi belongs to its own document
  }
  return {
    name,
    element,
    zipFile: { path: fileName.slice(1), data },
    unpackedFile: { path: `WebResources/${name}`, data },
  };
}
