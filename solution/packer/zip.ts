/** A byte-for-byte reproducible zip: fixed entry order, fixed timestamps, fixed compression level. */
import { zipSync, type Zippable } from "fflate";
import type { PackageFile } from "./files";

// fflate writes DOS time from the Date's local fields; building it from local fields keeps the bytes the same
// in every time zone.
const fixedTime = new Date(2000, 0, 1, 12, 0, 0);

export class ZipPathError extends Error {}

export function deterministicZip(files: PackageFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (file.path.includes("\\") || file.path.startsWith("/") || file.path.split("/").includes("..")) {
      throw new ZipPathError(`zip entry "${file.path}" must be a relative path with forward slashes`);
    }
    if (file.path in entries) throw new ZipPathError(`zip entry "${file.path}" appears twice`);
    entries[file.path] = [file.data, { level: 9, mtime: fixedTime }];
  }
  return zipSync(entries);
}
