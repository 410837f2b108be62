/**
 * The one reader of the built solution zip, for the demo and the tests (test/solution/builtPackage.ts stays a
 * separate, deliberately independent reader). It reads the zip the way an import would: customizations.xml names the
 * web resources (and the RESX each script declares in DependencyXml) and the controls; each control's
 * ControlManifest.xml names its code and resx files. Nothing is assumed about file names.
 */
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseResx } from "../../scripts/resx";
import { parseControlManifest, type ControlManifest } from "./manifest";
import { asArray, parseXml, pick, textOf } from "./xml";

/** A web resource as the solution ships it: its Dataverse name (`fol_/finopslink/form.js`) and bytes. */
export interface ShippedWebResource {
  name: string;
  fileName: string;
  /** WebResourceType: 3 script, 12 string (RESX). */
  type: number;
  /** LanguageCode; for a RESX, the language getResourceString serves it for. */
  languageCode: number;
  content: Uint8Array;
  /** For a RESX: key -> text. */
  strings?: Record<string, string>;
  /** For a script: the RESX web resource names its DependencyXml declares. */
  dependencies: string[];
}

/** The control as the solution ships it: the zip folder, the manifest, the bundle and the strings per LCID. */
export interface ShippedControl {
  /** Solution component name, e.g. `fol_FinOpsLink.LinkedEnvironment`. */
  name: string;
  folder: string;
  manifest: ControlManifest;
  /** Every file of the control folder, by path relative to the folder (bundle.js, strings/…resx, css). */
  files: Map<string, Uint8Array>;
  strings: Map<number, Record<string, string>>;
}

export interface ShippedSolution {
  zipPath: string;
  controls: ShippedControl[];
  webResources: ShippedWebResource[];
}

function entry(files: Record<string, Uint8Array>, path: string, zipPath: string): Uint8Array {
  const bytes = files[path.replace(/^\/+/, "")];
  if (!bytes) throw new Error(`${zipPath}: customizations.xml names ${path}, which the zip does not contain`);
  return bytes;
}

/** A resx file's strings as a plain object (what the demo page receives as JSON). */
export function resxStrings(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(parseResx(strFromU8(bytes)));
}

/** The library names in a DependencyXml (kept as escaped text in customizations.xml; parsed here once unescaped). */
function dependencyNames(dependencyXml: string | undefined): string[] {
  if (!dependencyXml) return [];
  const doc = parseXml(dependencyXml, ["Dependency", "Library"]);
  return asArray(pick(doc, "Dependencies", "Dependency")).flatMap((dependency) =>
    asArray(pick(dependency, "Library"))
      .map((library) => pick(library, "@_name"))
      .filter((name): name is string => typeof name === "string"),
  );
}

function readSolutionBytes(bytes: Uint8Array, zipPath: string): ShippedSolution {
  const files = unzipSync(bytes);
  const customizations = parseXml(strFromU8(entry(files, "customizations.xml", zipPath)), [
    "WebResource",
    "CustomControl",
  ]);
  const root = pick(customizations, "ImportExportXml");

  const webResources = asArray(pick(root, "WebResources", "WebResource")).map((node): ShippedWebResource => {
    const name = textOf(pick(node, "Name")) ?? "";
    const fileName = textOf(pick(node, "FileName")) ?? "";
    const type = Number(textOf(pick(node, "WebResourceType")));
    const content = entry(files, fileName, zipPath);
    return {
      name,
      fileName,
      type,
      languageCode: Number(textOf(pick(node, "LanguageCode"))),
      content,
      ...(type === 12 ? { strings: resxStrings(content) } : {}),
      dependencies: dependencyNames(textOf(pick(node, "DependencyXml"))),
    };
  });

  const controls = asArray(pick(root, "CustomControls", "CustomControl")).map((node): ShippedControl => {
    const name = textOf(pick(node, "Name")) ?? "";
    const manifestPath = (textOf(pick(node, "FileName")) ?? "").replace(/^\/+/, "");
    const folder = posix.dirname(manifestPath);
    const manifest = parseControlManifest(strFromU8(entry(files, manifestPath, zipPath)));
    const controlFiles = new Map<string, Uint8Array>();
    for (const [path, data] of Object.entries(files)) {
      if (path.startsWith(`${folder}/`) && !path.endsWith("/")) controlFiles.set(path.slice(folder.length + 1), data);
    }
    if (!controlFiles.has(manifest.codePath)) throw new Error(`${zipPath}: ${folder}/${manifest.codePath} is missing`);
    const strings = new Map<number, Record<string, string>>();
    for (const { path, lcid } of manifest.resx) {
      const data = controlFiles.get(path);
      if (!data) throw new Error(`${zipPath}: ${folder}/${path} is named in the manifest but missing`);
      strings.set(lcid, resxStrings(data));
    }
    return { name, folder, manifest, files: controlFiles, strings };
  });

  return { zipPath, controls, webResources };
}

export function readSolution(zipPath: string): ShippedSolution {
  return readSolutionBytes(new Uint8Array(readFileSync(zipPath)), zipPath);
}
