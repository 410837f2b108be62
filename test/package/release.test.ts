/**
 * `npm run release`'s folder, written twice from the same build (scripts/release.ts --no-build --out <temp>): the
 * same files byte for byte; the listing; SHA256SUMS that checks; the tarball the package tests installed; a SBOM that
 * names the package (not the checkout's folder) and every package bundled into the CLI; the CHANGELOG's section as
 * the release notes.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { cutRelease, releaseNotes } from "../../scripts/changelog";
import { ROOT, packageJson, packedTarball, requireBuiltPackage } from "./support/packed";

jest.setTimeout(90_000);
requireBuiltPackage();

const { version } = packageJson();
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function releaseInto(): string {
  const out = join(mkdtempSync(join(tmpdir(), "finops-link-release-")), version);
  execFileSync(process.execPath, [TSX, join(ROOT, "scripts", "release.ts"), "--no-build", "--out", out], {
    cwd: ROOT,
    stdio: "ignore",
  });
  return out;
}

let first: string;
let second: string;
beforeAll(() => {
  first = releaseInto();
  second = releaseInto();
});

it("writes the zips, the tarball, the SBOM, the release notes and SHA256SUMS, byte-identical in two runs", () => {
  const files = readdirSync(first).sort();
  expect(files).toEqual(
    [
      `FinOpsLink_${version}.zip`,
      `FinOpsLink_${version}_managed.zip`,
      `finops-link-${version}.tgz`,
      `finops-link-${version}.cdx.json`,
      "RELEASE-NOTES.md",
      "SHA256SUMS",
    ].sort(),
  );
  expect(readdirSync(second).sort()).toEqual(files);
  for (const file of files) expect([file, sha256(join(second, file))]).toEqual([file, sha256(join(first, file))]);
});

it("SHA256SUMS lists every other file with its hash; the tarball is the one the package tests install", () => {
  const sums = readFileSync(join(first, "SHA256SUMS"), "utf8");
  const lines = sums.trimEnd().split("\n");
  expect(lines.map((line) => line.split("  ")[1])).toEqual(
    readdirSync(first)
      .filter((f) => f !== "SHA256SUMS")
      .sort(),
  );
  for (const line of lines) {
    const [hash, file] = line.split("  ");
    expect(sha256(join(first, file))).toBe(hash);
  }
  expect(sha256(join(first, `finops-link-${version}.tgz`))).toBe(sha256(packedTarball().tarball));
  expect(basename(packedTarball().tarball)).toBe(`finops-link-${version}.tgz`);
  // And the zips are the build's.
  for (const zip of [`FinOpsLink_${version}.zip`, `FinOpsLink_${version}_managed.zip`])
    expect(sha256(join(first, zip))).toBe(sha256(join(ROOT, "solution", "bin", zip)));
});

it("the SBOM is CycloneDX for finops-link: hashed as the tarball, with each package bundled into the CLI", () => {
  const bom = JSON.parse(readFileSync(join(first, `finops-link-${version}.cdx.json`), "utf8")) as {
    bomFormat: string;
    serialNumber: string;
    metadata: { timestamp: string; component: { name: string; version: string; hashes: Array<{ content: string }> } };
    components: Array<{ name: string; version: string; purl: string }>;
  };
  expect(bom.bomFormat).toBe("CycloneDX");
  expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(bom.metadata.component).toMatchObject({ name: "finops-link", version });
  expect(bom.metadata.component.hashes[0].content).toBe(sha256(join(first, `finops-link-${version}.tgz`)));
  const bundled = JSON.parse(readFileSync(join(ROOT, "out", "cli", "bundled.json"), "utf8")) as Array<{
    name: string;
    version: string;
  }>;
  expect(bom.components.map((c) => `${c.name}@${c.version}`).sort()).toEqual(
    bundled.map((p) => `${p.name}@${p.version}`).sort(),
  );
  expect(bom.components.map((c) => c.name)).toEqual(expect.arrayContaining(["@azure/msal-node", "undici"]));
});

it("the release notes are CHANGELOG.md's section for the version", () => {
  const notes = readFileSync(join(first, "RELEASE-NOTES.md"), "utf8");
  expect(notes.startsWith(`# FinOps Link ${version}\n`)).toBe(true);
  expect(notes.endsWith(releaseNotes(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), version))).toBe(true);
});

describe("CHANGELOG.md's sections (scripts/changelog.ts)", () => {
  const text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- b\n\n## [1.0.0] - 2026-11-27\n\n### Added\n\n- a\n";

  it("npm version's hook moves Unreleased's items under the new version, leaving Unreleased empty", () => {
    const cut = cutRelease(text, "1.1.0", "2026-12-07");
    expect(cut).toBe(
      "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-07\n\n### Added\n\n- b\n\n## [1.0.0] - 2026-11-27\n\n### Added\n\n- a\n",
    );
    expect(releaseNotes(cut, "1.1.0")).toBe("### Added\n\n- b\n");
    expect(releaseNotes(cut, "1.0.0")).toBe("### Added\n\n- a\n");
    expect(() => cutRelease(cut, "1.1.0", "2026-12-08")).toThrow(/already has a section for 1.1.0/);
  });

  it("a version without a section stops the release with the fix", () => {
    expect(() => releaseNotes(text, "2.0.0")).toThrow(
      /no "## \[2.0.0\] - <date>" section: npm version 2.0.0 writes it/,
    );
    expect(() => releaseNotes(text, "1.0")).toThrow(); // 1.0 is not 1.0.0
  });
});
