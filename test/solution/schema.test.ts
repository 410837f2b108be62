/**
 * customizations.xml of both built zips against Microsoft's CustomizationsSolution.xsd, with xmllint.
 * Outside CI a machine without xmllint or the schema folder skips (and says so); in CI (CI=true) that is a failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readBuiltZip, repoRoot, zipPaths } from "./builtPackage";

const schemasDir = resolve(repoRoot, process.env.FINOPS_SCHEMAS || join("..", "shared", "schemas"));
const schema = join(schemasDir, "CustomizationsSolution.xsd");
const hasXmllint = !spawnSync("xmllint", ["--version"]).error;
const hasSchema = existsSync(schema);
const inCi = process.env.CI === "true";
const runs = (hasXmllint && hasSchema) || inCi;

if (!runs) {
  console.warn(
    `Schema tests skipped here: ${hasXmllint ? "" : "xmllint missing; "}${hasSchema ? "" : `${schema} missing`}`,
  );
}

function xmllint(xml: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "finops-schema-"));
  try {
    const file = join(dir, "customizations.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(runs ? describe : describe.skip)("customizations.xml against CustomizationsSolution.xsd", () => {
  test("xmllint and the schema folder are present", () => {
    expect({ xmllint: hasXmllint, schema: hasSchema ? schema : `${schema} (missing: set FINOPS_SCHEMAS)` }).toEqual({
      xmllint: true,
      schema,
    });
  });

  test.each([["unmanaged"], ["managed"]])("the %s zip's customizations.xml validates", (kind) => {
    const zip = readBuiltZip(kind === "managed" ? zipPaths.managed : zipPaths.unmanaged);
    const result = xmllint(zip.text("customizations.xml"));
    expect(result.output).toContain("validates");
    expect(result.status).toBe(0);
  });

  test("the check can fail: an element out of schema order is rejected", () => {
    const zip = readBuiltZip(zipPaths.unmanaged);
    const broken = zip
      .text("customizations.xml")
      .replace("<Entities/>", "")
      .replace("</ImportExportXml>", "<Entities/></ImportExportXml>");
    const result = xmllint(broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Entities/);
  });
});
