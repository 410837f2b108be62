/**
 * CHANGELOG.md (Keep a Changelog) as the release reads and `npm version` writes it:
 * - `releaseNotes(text, version)`: the body of the `## [<version>] - <date>` section (what `npm run release` writes to
 *   RELEASE-NOTES.md), or an Error naming the fix when there is none;
 * - `cutRelease(text, version, date)`: the items under `## [Unreleased]` moved into a new `## [<version>] - <date>`
 *   section, with an empty Unreleased above it. `npm version <x>` runs this file (package.json `version` hook), so the
 *   version's notes are committed with the version.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
export const CHANGELOG = join(root, "CHANGELOG.md");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The lines of the version's section, without its heading, trimmed; an Error when CHANGELOG.md has none. */
export function releaseNotes(text: string, version: string): string {
  const heading = new RegExp(`^## \\[${escape(version)}\\](?: - \\d{4}-\\d{2}-\\d{2})?[ \\t]*$`, "m");
  const match = heading.exec(text);
  if (match === null)
    throw new Error(
      `CHANGELOG.md has no "## [${version}] - <date>" section: npm version ${version} writes it from "## [Unreleased]"`,
    );
  const rest = text.slice(match.index + match[0].length);
  const next = /^## /m.exec(rest);
  return `${(next === null ? rest : rest.slice(0, next.index)).trim()}\n`;
}

/** Unreleased's items under a new heading for `version`; an Error when that version has a section already. */
export function cutRelease(text: string, version: string, date: string): string {
  if (new RegExp(`^## \\[${escape(version)}\\]`, "m").test(text))
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const unreleased = /^## \[Unreleased\][ \t]*$/m.exec(text);
  if (unreleased === null) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const at = unreleased.index + unreleased[0].length;
  return `${text.slice(0, at)}\n\n## [${version}] - ${date}${text.slice(at)}`;
}

if (require.main === module) {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const date = new Date().toISOString().slice(0, 10);
  try {
    writeFileSync(CHANGELOG, cutRelease(readFileSync(CHANGELOG, "utf8"), version, date));
    process.stdout.write(`CHANGELOG.md: "Unreleased" is now "[${version}] - ${date}"\n`);
  } catch (error) {
    process.stderr.write(`changelog: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
