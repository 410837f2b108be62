/** Small file-system helpers; every path the packer puts in a zip uses forward slashes. */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

export class MissingInputError extends Error {}
export class UnsafePathError extends Error {}

/**
 * `path` (as a manifest or sidecar writes it: either slash) inside `base`, normalised to forward slashes. Refuses
 * absolute paths and anything that resolves outside `base` (`..`, or a symlinked folder on the way), so a crafted
 * manifest cannot pull other files of the machine into a solution zip.
 */
export function insideFolder(base: string, path: string, what: string): { full: string; relativePath: string } {
  const normalised = path.replace(/\\/g, "/");
  if (normalised === "" || isAbsolute(normalised) || /^[A-Za-z]:/.test(normalised)) {
    throw new UnsafePathError(`${what}: "${path}" must be a relative path inside ${base}`);
  }
  const full = resolve(base, normalised);
  const relativePath = relative(resolve(base), full);
  if (relativePath === "" || relativePath.startsWith("..") || isAbsolute(relativePath)) {
    throw new UnsafePathError(`${what}: "${path}" resolves outside ${base}`);
  }
  if (existsSync(full) && existsSync(base)) {
    const real = relative(realpathSync(base), realpathSync(full));
    if (real.startsWith("..") || isAbsolute(real)) {
      throw new UnsafePathError(`${what}: "${path}" leads outside ${base} through a symbolic link`);
    }
  }
  return { full, relativePath: relativePath.split(sep).join("/") };
}

/** Reads a build output, or says which build step makes it. Refuses a symbolic link: the build writes real files. */
export function readInput(path: string, madeBy: string): Buffer {
  if (!existsSync(path)) {
    throw new MissingInputError(`${path} is missing: run \`${madeBy}\` (or \`npm run build\`) first`);
  }
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) throw new UnsafePathError(`${path} is a symbolic link; the packer reads only real files`);
  if (!stat.isFile()) throw new MissingInputError(`${path} is not a file: run \`${madeBy}\` (or \`npm run build\`)`);
  return readFileSync(path);
}

/** Every file under dir, as sorted forward-slash paths relative to dir (symbolic links are not followed). */
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
