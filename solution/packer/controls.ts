/**
 * Code components: each Controls/<prefix>_<namespace>.<constructor>/ControlManifest.xml.data.xml in the source
 * pairs with pcf-scripts' output out/controls/<constructor>/ (ControlManifest.xml and every resource it lists).
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { insideFolder, listFiles, readInput, type PackageFile } from "./files";
import { assertWellFormed, attribute, child, children, parseXml, text, type XmlNode } from "./xml";

export interface ControlComponent {
  /** fol_FinOpsLink.LinkedEnvironment: folder, CustomControl Name and RootComponent schemaName. */
  name: string;
  /** The <CustomControl> element of customizations.xml. */
  element: XmlNode;
  /** ControlManifest.xml and its resources, at their paths in the zip. */
  files: PackageFile[];
}

export class ControlError extends Error {}

const controlCommand = "npm run build:control";
// What webpack's development mode leaves in a bundle (eval'd modules, inline source maps); production has neither.
const developmentMarkers = /\/\/# sourceURL=webpack:\/\/|sourceMappingURL=data:application\/json/;
// Resource elements that name a file shipped with the control (platform-library and dependency name none).
const fileResources = ["code", "css", "resx", "img", "html"];

/** The resource paths the built manifest lists, normalised (forward slashes, no `./`) and kept inside the build folder. */
function manifestFiles(resources: XmlNode, builtDir: string, what: string): string[] {
  const paths = fileResources.flatMap((tag) => children(resources, tag).map((item) => attribute(item, "path")));
  return paths
    .filter((path): path is string => typeof path === "string")
    .map((path) => insideFolder(builtDir, path, what).relativePath);
}

export function readControl(
  sourceDir: string,
  folder: string,
  controlsOut: string,
  prefix: string,
  semver: string,
): ControlComponent {
  const sidecarPath = join(sourceDir, "Controls", folder, "ControlManifest.xml.data.xml");
  const what = `Controls/${folder}/ControlManifest.xml.data.xml`;
  const sidecar = child(parseXml(readFileSync(sidecarPath, "utf8"), what), "CustomControl", what);
  const name = text(sidecar, "Name", what);
  const fileName = `/Controls/${name}/ControlManifest.xml`;
  if (name !== folder) throw new ControlError(`${what}: <Name>${name}</Name> must equal its folder name ${folder}`);
  if (text(sidecar, "FileName", what) !== fileName) {
    throw new ControlError(`${what}: <FileName> must be ${fileName}`);
  }
  const match = /^([a-z][a-z0-9]*)_([A-Za-z][A-Za-z0-9]*)\.([A-Za-z][A-Za-z0-9]*)$/.exec(name);
  if (!match) throw new ControlError(`${what}: ${name} is not <prefix>_<namespace>.<constructor>`);
  const [, namePrefix, namespace, constructorName] = match;
  if (namePrefix !== prefix) {
    throw new ControlError(
      `${name}: the publisher prefix is "${prefix}"; import would fail with "Publisher prefix ... does not match"`,
    );
  }

  const builtDir = join(controlsOut, constructorName);
  const manifestPath = join(builtDir, "ControlManifest.xml");
  const manifestBytes = readInput(manifestPath, controlCommand);
  const manifestWhat = `${manifestPath}`;
  const manifest = child(parseXml(manifestBytes.toString("utf8"), manifestWhat), "manifest", manifestWhat);
  const control = child(manifest, "control", manifestWhat);
  const built = `${attribute(control, "namespace")}.${attribute(control, "constructor")}`;
  if (built !== `${namespace}.${constructorName}`) {
    throw new ControlError(`${manifestWhat} builds ${built}, but the solution expects ${namespace}.${constructorName}`);
  }
  const version = attribute(control, "version");
  if (version !== semver) {
    throw new ControlError(
      `${manifestWhat} has control version ${version ?? "(none)"} but package.json has ${semver}. ` +
        "The platform ignores a new bundle whose control version did not change: run `npm run stamp-version` " +
        `(it copies package.json's version into pcf/LinkedEnvironment/ControlManifest.Input.xml), then \`${controlCommand}\`.`,
    );
  }

  const listed = manifestFiles(child(control, "resources", manifestWhat), builtDir, manifestWhat);
  if (!listed.some((path) => path.endsWith(".js"))) throw new ControlError(`${manifestWhat} lists no <code> bundle`);
  const present = listFiles(builtDir);
  const strays = present.filter((path) => /^strings\/.*\.resx$/.test(path) && !listed.includes(path));
  if (strays.length > 0) {
    throw new ControlError(
      `${builtDir}: ${strays.join(", ")} exist but the manifest does not list them: run \`${controlCommand}\` ` +
        "(it starts from an empty out/controls)",
    );
  }

  const zipFolder = `Controls/${name}`;
  const files: PackageFile[] = [{ path: `${zipFolder}/ControlManifest.xml`, data: manifestBytes }];
  for (const path of [...new Set(listed)].sort()) {
    const data = readInput(join(builtDir, path), controlCommand);
    if (data.length === 0) throw new ControlError(`${join(builtDir, path)} is empty`);
    if (path.endsWith(".resx")) assertWellFormed(data.toString("utf8"), join(builtDir, path));
    if (path.endsWith(".js") && developmentMarkers.test(data.toString("utf8"))) {
      throw new ControlError(`${join(builtDir, path)} is a development build: run \`${controlCommand}\` (production)`);
    }
    files.push({ path: `${zipFolder}/${path}`, data });
  }
  return { name, element: { Name: name, FileName: fileName }, files };
}
