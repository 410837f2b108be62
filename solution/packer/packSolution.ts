/**
 * The packer: reads build outputs (out/) and the solution source (solution/src, SolutionPackager layout) and writes
 * <UniqueName>_<version>.zip (unmanaged), <UniqueName>_<version>_managed.zip, and unpacked/ — the source with the
 * built files and the synced Solution.xml, which `pac solution pack` accepts as is.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildContentTypes } from "./contentTypes";
import { readControl, type ControlComponent } from "./controls";
import { buildCustomizationsXml } from "./customizationsXml";
import { listFiles, textFile, type PackageFile } from "./files";
import { readPublisherConfig, type PublisherConfig } from "./publisher";
import { checkCustomizations, schemasDirFor, type SchemaOutcome } from "./schema";
import { buildSolutionXml, describeSource, type ManagedFlag, type RootComponent } from "./solutionXml";
import { checkDependencies, readWebResource, webResourceNames, type WebResourceComponent } from "./webResources";
import { versionsFrom, type Versions } from "./version";
import { parseXml, type XmlNode } from "./xml";
import { deterministicZip } from "./zip";
import { isPackerZip, zipNames } from "../../core/zipNames";

export { zipNames } from "../../core/zipNames";

export interface PackOptions {
  /** The repository root; the other defaults hang off it. Default: the folder above solution/. */
  repoRoot?: string;
  /** Build outputs: controls/<ctor>/ from pcf-scripts, webresources/ from the form build. Default <repoRoot>/out. */
  inputDir?: string;
  /** Where the zips and unpacked/ go. Default <repoRoot>/solution/bin. */
  outputDir?: string;
  /** The solution source. Default <repoRoot>/solution/src. */
  sourceDir?: string;
  /** Default <repoRoot>/package.json (its "version"). */
  packageJson?: string;
  /** Default <repoRoot>/solution/publisher.json. */
  publisherJson?: string;
  /** Schema folder. Default: FINOPS_SCHEMAS, else <repoRoot>/../shared/schemas. */
  schemasDir?: string;
  /**
   * Fail instead of warn when xmllint or the schema is missing. Default: FINOPS_REQUIRE_SCHEMA=true. Not tied to CI:
   * a customer's pipeline (GitHub Actions sets CI=true) has no copy of Microsoft's XSDs; our tests enforce it in CI.
   */
  requireSchema?: boolean;
  warn?: (message: string) => void;
}

export interface PackResult {
  versions: Versions;
  uniqueName: string;
  unmanagedZip: string;
  managedZip: string;
  unpackedDir: string;
  /** Zip entry paths, in zip order (the same in both zips). */
  entries: string[];
  schema: SchemaOutcome;
  warnings: string[];
}

interface Inputs {
  source: XmlNode;
  customizationsSource: XmlNode;
  relationships: XmlNode;
  publisher: PublisherConfig;
  versions: Versions;
  controls: ControlComponent[];
  webResources: WebResourceComponent[];
}

const readXml = (dir: string, path: string): XmlNode => parseXml(readFileSync(join(dir, path), "utf8"), path);

function readInputs(options: Required<Omit<PackOptions, "warn" | "requireSchema" | "schemasDir">>): Inputs {
  const packageJson = JSON.parse(readFileSync(options.packageJson, "utf8")) as { version?: unknown };
  const versions = versionsFrom(packageJson.version);
  const publisher = readPublisherConfig(JSON.parse(readFileSync(options.publisherJson, "utf8")));
  const prefix = publisher.customizationPrefix;
  const controlFolders = readdirSync(join(options.sourceDir, "Controls"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    source: readXml(options.sourceDir, "Other/Solution.xml"),
    customizationsSource: readXml(options.sourceDir, "Other/Customizations.xml"),
    relationships: readXml(options.sourceDir, "Other/Relationships.xml"),
    publisher,
    versions,
    controls: controlFolders.map((folder) =>
      readControl(options.sourceDir, folder, join(options.inputDir, "controls"), prefix, versions.semver),
    ),
    webResources: webResourceNames(options.sourceDir).map((name) =>
      readWebResource(options.sourceDir, name, join(options.inputDir, "webresources"), prefix),
    ),
  };
}

function rootComponents(inputs: Inputs): RootComponent[] {
  return [
    ...inputs.webResources.map((item) => ({ type: 61 as const, schemaName: item.name })),
    ...inputs.controls.map((item) => ({ type: 66 as const, schemaName: item.name })),
  ];
}

function solutionXml(inputs: Inputs, managed: ManagedFlag): string {
  return buildSolutionXml(inputs.source, {
    version: inputs.versions.dataverse,
    managed,
    publisher: inputs.publisher,
    components: rootComponents(inputs),
  });
}

/** The zip's parts in a fixed order: solution.xml, customizations.xml, components, [Content_Types].xml last. */
function zipFiles(inputs: Inputs, managed: 0 | 1, customizations: string): PackageFile[] {
  const components = [
    ...inputs.controls.flatMap((control) => control.files),
    ...inputs.webResources.map((resource) => resource.zipFile),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts = [
    textFile("solution.xml", solutionXml(inputs, managed)),
    textFile("customizations.xml", customizations),
    ...components,
  ];
  return [...parts, textFile("[Content_Types].xml", buildContentTypes(parts.map((part) => part.path)))];
}

/** The source folder plus built files: what `pac solution pack --folder` wants. */
function unpackedFiles(inputs: Inputs, sourceDir: string): PackageFile[] {
  // Only what the source owns: Other/ and the sidecars (a stray built file copied into src/ is not the build's).
  const files: PackageFile[] = listFiles(sourceDir)
    .filter((path) => path.startsWith("Other/") || path.endsWith(".data.xml"))
    .map((path) => ({ path, data: readFileSync(join(sourceDir, path)) }));
  const synced = textFile("Other/Solution.xml", solutionXml(inputs, 2));
  const built = [
    ...inputs.controls.flatMap((control) => control.files),
    ...inputs.webResources.map((resource) => resource.unpackedFile),
  ];
  return [...files.filter((file) => file.path !== synced.path), synced, ...built];
}

/**
 * Puts everything in place only after it was all built and checked: each file goes to a temporary name in the
 * output folder and is renamed over its target (a failed pack leaves the previous zips whole), then older versions'
 * zips, and only files named as this packer names them, are removed.
 */
function writeOutputs(
  outputDir: string,
  uniqueName: string,
  zips: Array<{ path: string; data: Uint8Array }>,
  unpacked: PackageFile[],
): void {
  mkdirSync(outputDir, { recursive: true });
  const staging = mkdtempSync(join(outputDir, ".pack-"));
  try {
    const stagedUnpacked = join(staging, "unpacked");
    for (const file of unpacked) {
      const target = join(stagedUnpacked, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.data);
    }
    zips.forEach((zip, index) => writeFileSync(join(staging, `zip-${index}`), zip.data));
    zips.forEach((zip, index) => renameSync(join(staging, `zip-${index}`), zip.path));
    const unpackedDir = join(outputDir, "unpacked");
    rmSync(unpackedDir, { recursive: true, force: true });
    renameSync(stagedUnpacked, unpackedDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const written = new Set(zips.map((zip) => zip.path));
  for (const name of readdirSync(outputDir)) {
    if (isPackerZip(uniqueName, name) && !written.has(join(outputDir, name))) rmSync(join(outputDir, name));
  }
}

export class VersionDriftError extends Error {}

function sourceDrift(inputs: Inputs): string[] {
  const source = describeSource(inputs.source);
  const notes: string[] = [];
  if (source.version !== inputs.versions.dataverse) {
    throw new VersionDriftError(
      `src/Other/Solution.xml says version ${source.version}; package.json makes it ${inputs.versions.dataverse}. ` +
        "Run `npm run stamp-version` (npm version does it for you).",
    );
  }
  if (source.publisherPrefix !== inputs.publisher.customizationPrefix) {
    notes.push(
      `src/Other/Solution.xml has publisher prefix ${source.publisherPrefix}; publisher.json has ${inputs.publisher.customizationPrefix}`,
    );
  }
  return notes;
}

export function packSolution(options: PackOptions = {}): PackResult {
  const repoRoot = resolve(options.repoRoot ?? join(__dirname, "..", ".."));
  const paths = {
    repoRoot,
    inputDir: resolve(options.inputDir ?? join(repoRoot, "out")),
    outputDir: resolve(options.outputDir ?? join(repoRoot, "solution", "bin")),
    sourceDir: resolve(options.sourceDir ?? join(repoRoot, "solution", "src")),
    packageJson: resolve(options.packageJson ?? join(repoRoot, "package.json")),
    publisherJson: resolve(options.publisherJson ?? join(repoRoot, "solution", "publisher.json")),
  };
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.warn?.(message);
  };

  const inputs = readInputs(paths);
  checkDependencies(inputs.webResources);
  const customizations = buildCustomizationsXml(inputs.customizationsSource, inputs.relationships, {
    webResources: inputs.webResources.map((resource) => resource.element),
    customControls: inputs.controls.map((control) => control.element),
  });
  const schema = checkCustomizations(customizations, {
    schemasDir: options.schemasDir ?? schemasDirFor(repoRoot),
    required: options.requireSchema ?? ["true", "1"].includes(process.env.FINOPS_REQUIRE_SCHEMA ?? ""),
  });
  if (schema.status === "unavailable") warn(`customizations.xml was not schema-checked: ${schema.reason}`);
  for (const note of sourceDrift(inputs)) {
    warn(
      `${note}. The zips and unpacked/ use the latter; \`npm run build:solution -- --sync-source\` updates the source.`,
    );
  }

  const uniqueName = describeSource(inputs.source).uniqueName;
  const names = zipNames(uniqueName, inputs.versions.semver);
  const unmanaged = zipFiles(inputs, 0, customizations);
  const unmanagedZip = join(paths.outputDir, names.unmanaged);
  const managedZip = join(paths.outputDir, names.managed);
  const zips = [
    { path: unmanagedZip, data: deterministicZip(unmanaged) },
    { path: managedZip, data: deterministicZip(zipFiles(inputs, 1, customizations)) },
  ];
  writeOutputs(paths.outputDir, uniqueName, zips, unpackedFiles(inputs, paths.sourceDir));
  const unpackedDir = join(paths.outputDir, "unpacked");

  return {
    versions: inputs.versions,
    uniqueName,
    unmanagedZip,
    managedZip,
    unpackedDir,
    entries: unmanaged.map((file) => file.path),
    schema,
    warnings,
  };
}

/**
 * Rewrites src/Other/Solution.xml's Publisher from publisher.json (a maintainer's step). The version is stamped by
 * `npm run stamp-version` alone (scripts/version.ts), so this keeps the source's version as it is.
 */
export function syncSource(options: PackOptions = {}): string {
  const repoRoot = resolve(options.repoRoot ?? join(__dirname, "..", ".."));
  const sourceDir = resolve(options.sourceDir ?? join(repoRoot, "solution", "src"));
  const path = join(sourceDir, "Other", "Solution.xml");
  const source = readXml(sourceDir, "Other/Solution.xml");
  const publisher = readPublisherConfig(
    JSON.parse(readFileSync(options.publisherJson ?? join(repoRoot, "solution", "publisher.json"), "utf8")),
  );
  writeFileSync(
    path,
    buildSolutionXml(source, {
      version: describeSource(source).version,
      managed: 2,
      publisher,
      components: describeSource(source).rootComponents,
    }),
  );
  return path;
}
