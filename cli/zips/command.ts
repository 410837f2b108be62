import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { EXIT, UsageError } from "../failures";
import { packagedZip } from "../import/packagedZips";
import { terminalText } from "../output/sanitize";

export interface ZipsOptions {
  /** The folder to write to; created when missing. */
  out: string;
  /** Replace a file of the same name whose bytes differ. */
  force?: boolean;
  json?: boolean;
}

/** One zip written (or found already there, byte for byte). */
export interface WrittenZip {
  kind: "managed" | "unmanaged";
  path: string;
  bytes: number;
  sha256: string;
  outcome: "written" | "unchanged" | "replaced";
}

/**
 * `finops-link zips`: copies both solution zips this package ships (cli/import/packagedZips.ts) into a folder, for
 * makers who import by hand in the maker portal or with `pac solution import`. Reads and writes local files only; a
 * different file of the same name is refused unless --force; each file is written to a temporary name and renamed,
 * so a failed copy never leaves half a zip. Resolves to the exit code: 0, or 64 for a refused or unwritable target.
 */
export function zipsCommand(root: string, options: ZipsOptions, out: NodeJS.WritableStream = process.stdout): number {
  const folder = resolve(options.out);
  const sources = { managed: packagedZip(root, true), unmanaged: packagedZip(root, false) } as const;
  const planned = (["managed", "unmanaged"] as const).map((kind) => {
    const bytes = readFileSync(sources[kind]);
    const target = join(folder, basename(sources[kind]));
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory() === true) throw new UsageError(`${target} is a folder: choose another --out`);
    const same = existing !== undefined && readFileSync(target).equals(bytes);
    if (existing !== undefined && !same && options.force !== true)
      throw new UsageError(`${target} exists with other contents: pass --force to replace it, or choose another --out`);
    const outcome: WrittenZip["outcome"] = existing === undefined ? "written" : same ? "unchanged" : "replaced";
    return { kind, bytes, target, outcome };
  });
  try {
    mkdirSync(folder, { recursive: true });
    for (const { bytes, target, outcome } of planned) {
      if (outcome === "unchanged") continue;
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, target);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot write to ${folder}${code === undefined ? "" : ` (${code})`}`);
  }
  const written: WrittenZip[] = planned.map(({ kind, bytes, target, outcome }) => ({
    kind,
    path: target,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    outcome,
  }));
  if (options.json === true) out.write(`${JSON.stringify({ zips: written }, null, 2)}\n`);
  else
    for (const zip of written)
      out.write(`${zip.kind}\t${terminalText(zip.path)}\t${zip.bytes} bytes\tsha256 ${zip.sha256}\t${zip.outcome}\n`);
  return EXIT.allLinked;
}
