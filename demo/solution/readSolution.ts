import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseControlManifest, type ControlManifest } from "./manifest";
import { parseResx } from "./resx";
import { asArray, parseXml, pick, textOf } from "./xml";

/** A web resource as the solution ships it: its Dataverse name (`fol_/finopslink/form.js`) and bytes. */
export interface ShippedWebResource {
  name: string;
  fileName: string;
  content: Uint8Array;
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

/**
 * Reads the unmanaged solution zip the way an import would: customizations.xml names the web resources and the
 * controls; each control's ControlManifest.xml names its code and resx files. Nothing is assumed about file names.
 */
export function readSolution(zipPath: string): ShippedSolution {
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const customizations = parseXml(strFromU8(entry(files, "customizations.xml", zipPath)), [
    "WebResource",
    "CustomControl",
  ]);
  const root = pick(customizations, "ImportExportXml");

  const webResources = asArray(pick(root, "WebResources", "WebResource")).map((node): ShippedWebResource => {
    const name = textOf(pick(node, "Name")) ?? "";
    const fileName = textOf(pick(node, "FileName")) ?? "";
    return { name, fileName, content: entry(files, fileName, zipPath) };
  });

  const controls = asArray(pick(root, "CustomControls", "CustomControl")).map((node): ShippedControl => {
    const name = textOf(pick(node, "Name")) ?? "";
    const manifestPath = (textOf(pick(node, "FileName")) ?? "").replace(/^\/+/, "");
    const folder = posix.dirname(manifestPath);
    const manifest = parseControlManifest(strFromU8(entry(files, manifestPath, zipPath)));
    const controlFiles = new Map<string, Uint8Array>();
    for (const [path, bytes] of Object.entries(files)) {
      if (path.startsWith(`${folder}/`) && !path.endsWith("/")) controlFiles.set(path.slice(folder.length + 1), bytes);
    }
    if (!controlFiles.has(manifest.codePath)) throw new Error(`${zipPath}: ${folder}/${manifest.codePath} is missing`);
    const strings = new Map<number, Record<string, string>>();
    for (const { path, lcid } of manifest.resx) {
      const bytes = controlFiles.get(path);
      if (!bytes) throw new Error(`${zipPath}: ${folder}/${path} is named in the manifest but missing`);
      strings.set(lcid, parseResx(strFromU8(bytes)));
    }
    return { name, folder, manifest, files: controlFiles, strings };
  });

  return { zipPath, controls, webResources };
}
