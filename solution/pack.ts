/**
 * `npm run build:solution`: packs the built control and form script into the unmanaged and managed solution zips.
 * Reads build outputs only (never core/, pcf/ or webresources/ code). Options: --input <out dir>, --output <dir>,
 * --require-schema (fail rather than warn without xmllint and the XSDs), --sync-source (instead of packing, rewrite the
 * source Other/Solution.xml's Version and Publisher from package.json and publisher.json).
 */
import { statSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { packSolution, syncSource, type PackOptions, type PackResult } from "./packer/packSolution";

export { packSolution, syncSource, type PackOptions, type PackResult };

function main(): void {
  const { values } = parseArgs({
    options: {
      "sync-source": { type: "boolean", default: false },
      input: { type: "string" },
      output: { type: "string" },
      "require-schema": { type: "boolean" },
    },
  });
  if (values["sync-source"]) {
    console.log(`Updated ${relative(process.cwd(), syncSource())}`);
    return;
  }
  const started = Date.now();
  const result = packSolution({
    inputDir: values.input,
    outputDir: values.output,
    requireSchema: values["require-schema"],
    warn: (message) => console.warn(`warning: ${message}`),
  });
  const kb = (path: string): string => `${(statSync(path).size / 1024).toFixed(1)} KB`;
  console.log(`${result.uniqueName} ${result.versions.dataverse} (package.json ${result.versions.semver})`);
  console.log(`  unmanaged  ${relative(process.cwd(), result.unmanagedZip)}  ${kb(result.unmanagedZip)}`);
  console.log(`  managed    ${relative(process.cwd(), result.managedZip)}  ${kb(result.managedZip)}`);
  console.log(`  for pac    ${relative(process.cwd(), result.unpackedDir)}/`);
  console.log(
    `  schema     ${result.schema.status === "valid" ? "customizations.xml valid" : "not checked (see warning)"}`,
  );
  console.log(`  ${result.entries.length} entries, packed in ${Date.now() - started} ms`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`build:solution failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
