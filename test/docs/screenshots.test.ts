/** Every picture in docs/images is one `npm run screenshots` takes, and every one it takes is shown in the docs. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOT_FILES } from "../e2e/screenshots";
import { markdownFiles, parsePage } from "./markdownLinks";

const ROOT = join(__dirname, "../..");
const IMAGES = join(ROOT, "docs", "images");

it("every file in docs/images is produced by npm run screenshots (test/e2e/screenshots.ts)", () => {
  const produced = [...SCREENSHOT_FILES].sort();
  expect(readdirSync(IMAGES).sort()).toEqual(produced);
});

it("every screenshot is shown in README.md or docs/", () => {
  const shown = new Set(
    markdownFiles(ROOT).flatMap((file) =>
      parsePage(file, readFileSync(join(ROOT, file), "utf8"))
        .links.map((link) => link.target)
        .filter((target) => /(^|\/)images\/[^/]+\.png$/.test(target))
        .map((target) => target.replace(/^.*\//, "")),
    ),
  );
  for (const file of SCREENSHOT_FILES) expect(shown).toContain(file);
});
