/**
 * The GitHub workflows (.github/workflows/): valid for GitHub Actions by @action-validator/core (the validator's
 * WebAssembly build from npm, offline, GitHub's workflow schema), and doing what docs/development.md says: CI runs
 * .ci/run, a version tag runs `npm run release` and attaches release/<version>/ to the tag's release.
 */
import { validateWorkflow } from "@action-validator/core";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./support/packed";

const FOLDER = join(ROOT, ".github", "workflows");
const read = (name: string) => readFileSync(join(FOLDER, name), "utf8");

it("holds the CI and the release workflow", () => {
  expect(readdirSync(FOLDER).sort()).toEqual(["ci.yml", "release.yml"]);
});

it.each(["ci.yml", "release.yml"])("%s is a valid workflow", (name) => {
  expect(validateWorkflow(read(name)).errors).toEqual([]);
});

it("the validator does refuse a broken workflow (the check above can fail)", () => {
  const broken = read("ci.yml").replace("runs-on:", "runs_on:").replace("on:\n", "onn:\n");
  expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
});

it("CI runs .ci/run as it is; a version tag runs npm run release and attaches release/<version>/", () => {
  expect(read("ci.yml")).toMatch(/^\s+run: bash \.ci\/run$/m);
  const release = read("release.yml");
  expect(release).toMatch(/^\s+tags: \["v\*\.\*\.\*"\]$/m);
  expect(release).toMatch(/^\s+run: npm run release$/m);
  expect(release).toMatch(/gh release create "\$GITHUB_REF_NAME".*\n.*"release\/\$VERSION"\/\*/);
});
