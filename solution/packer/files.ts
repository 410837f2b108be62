/** Small file-system helpers; every path the packer puts in a zip uses forward slashes. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export class MissingInputError extends Error {}

/** Reads a build output, or says which build step makes it. */
export function readInput(path: string, madeBy: string): Buffer {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new MissingInputError(`${path} is missing: run \`${madeBy}\` (or \`npm run build\`) first`);
  }
  return readFileSync(path);
}

/** Every file under dir, as sorted forward-slash paths relative to dir. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return found.sort();
}

/** One file in a package: its path inside the zip (or staged folder) and its bytes. */
export interface PackageFile {
  path: string;
  data: Uint8Array;
}

const utf8 = new TextEncoder();
export const textFile = (path: string, text: string): PackageFile => ({ path, data: utf8.encode(text) });
