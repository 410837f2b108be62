import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";

/**
 * A small FinOpsLink solution zip (solution.xml with the version and kind asked; the hostile server reads nothing
 * else), so the import's fault tests need no full build. The real zips are imported by test/cli/import.test.ts.
 */
export function finOpsLinkZip(version: string, managed: boolean): string {
  const xml = `<ImportExportXml><SolutionManifest><UniqueName>FinOpsLink</UniqueName><Version>${version}</Version><Managed>${managed ? 1 : 0}</Managed></SolutionManifest></ImportExportXml>`;
  const path = join(
    mkdtempSync(join(tmpdir(), "finops-zip-")),
    `FinOpsLink_${version}${managed ? "_managed" : ""}.zip`,
  );
  writeFileSync(
    path,
    zipSync({
      "solution.xml": strToU8(xml),
      "customizations.xml": strToU8("<ImportExportXml />"),
      "[Content_Types].xml": strToU8("<Types />"),
    }),
  );
  return path;
}
