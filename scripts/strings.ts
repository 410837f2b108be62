/**
 * `npm run strings`: writes every committed RESX from the TypeScript catalogs (scripts/stringSets.ts says which goes
 * where); the 1033 file of each set carries the translator notes as <comment>. `--check` writes nothing and fails,
 * naming the files, when a committed RESX differs from what the catalogs give (the tests run it).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FALLBACK_LCID, LANGUAGES } from "../core/strings";
import { buildResx } from "./resx";
import { ROOT, STRING_SETS, resxFileName } from "./stringSets";

export interface ResxFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

/** Every RESX the catalogs give, set by set, language by language. */
export function expectedResxFiles(): ResxFile[] {
  return STRING_SETS.flatMap((set) =>
    LANGUAGES.map(({ lcid, tag }) => ({
      path: `${set.dir}/${resxFileName(set, lcid)}`,
      content: buildResx(set.texts[tag], lcid === FALLBACK_LCID ? set.notes : undefined),
    })),
  );
}

/** The committed files that are missing or differ from the catalogs. */
export function staleResxFiles(root: string = ROOT): string[] {
  return expectedResxFiles()
    .filter(({ path, content }) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== content)
    .map(({ path }) => path);
}

if (require.main === module) {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  if (values.check) {
    const stale = staleResxFiles();
    if (stale.length > 0) {
      console.error(
        `These RESX files are not what the catalogs give; run \`npm run strings\`:\n  ${stale.join("\n  ")}`,
      );
      process.exitCode = 1;
    } else console.log(`strings: ${expectedResxFiles().length} RESX files in sync`);
  } else {
    const files = expectedResxFiles();
    for (const { path, content } of files) writeFileSync(join(ROOT, path), content, "utf8");
    console.log(`strings: wrote ${files.length} RESX files`);
  }
}
