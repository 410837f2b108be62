import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { cleanText, normaliseVersion, zipEntryName } from "../../core/inputs";
import { UsageError } from "../failures";

export interface SolutionZip {
  path: string;
  uniqueName: string;
  /** Dataverse's four-part version, e.g. 1.0.0.0 (a `1.0` in solution.xml reads 1.0.0.0: core/inputs.ts). */
  version: string;
  managed: boolean;
  /** The zip, base64, as ImportSolutionAsync takes it. */
  base64: string;
}

/** solution.xml is a few kB; a declared size above this is no manifest. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Every entry together, inflated: FinOps Link's zips are under 1 MB; Dataverse itself refuses far smaller bombs. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Reads a solution zip's solution.xml the way an import does; anything else is one clear usage error. The central
 * directory is read first, without inflating anything: a zip with two solution.xml entries (which one would Dataverse
 * read?) or whose entries declare absurd sizes is refused before a byte is inflated.
 */
export function readSolutionZip(path: string): SolutionZip {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read the zip ${path}${code === undefined ? "" : ` (${code})`}`);
  }
  const entries: Array<{ name: string; originalSize: number }> = [];
  try {
    unzipSync(new Uint8Array(bytes), {
      filter: (file) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false; // the central directory only: nothing is inflated in this pass
      },
    });
  } catch {
    throw new UsageError(`${path} is not a zip file`);
  }
  const manifests = entries.filter((entry) => zipEntryName(entry.name) === "solution.xml");
  if (manifests.length > 1)
    throw new UsageError(`${path} holds ${manifests.length} solution.xml entries: refused (a solution has one)`);
  if (manifests.some((entry) => entry.originalSize > MAX_MANIFEST_BYTES))
    throw new UsageError(`${path}: its solution.xml declares ${manifests[0]?.originalSize} bytes: refused`);
  const declared = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  if (declared > MAX_INFLATED_BYTES)
    throw new UsageError(`${path}: its entries declare ${Math.round(declared / 1024 / 1024)} MB inflated: refused`);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes), { filter: (file) => zipEntryName(file.name) === "solution.xml" });
  } catch {
    throw new UsageError(`${path} is not a zip file`);
  }
  const xml = Object.values(files)[0];
  if (xml === undefined) throw new UsageError(`${path} is not a Dataverse solution: it has no solution.xml`);
  let manifest: Record<string, unknown> | undefined;
  try {
    // A byte order mark before `<?xml` (an editor's save) is no part of the document.
    const parsed = new XMLParser({ parseTagValue: false }).parse(strFromU8(xml).replace(/^\ufeff/, "")) as {
      ImportExportXml?: { SolutionManifest?: Record<string, unknown> };
    };
    manifest = parsed.ImportExportXml?.SolutionManifest;
  } catch {
    manifest = undefined;
  }
  const uniqueName = cleanText(manifest?.UniqueName);
  const version = normaliseVersion(manifest?.Version);
  const managed = cleanText(manifest?.Managed);
  if (uniqueName === undefined || version === undefined)
    throw new UsageError(`${path} is not a Dataverse solution: solution.xml has no unique name and version`);
  if (managed !== "0" && managed !== "1")
    throw new UsageError(`${path} is not an importable solution: <Managed> is ${String(managed)}, not 0 or 1`);
  return { path, uniqueName, version, managed: managed === "1", base64: bytes.toString("base64") };
}

/** -1, 0 or 1: Dataverse versions compare part by part as numbers (1.10.0.0 > 1.9.0.0); missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
