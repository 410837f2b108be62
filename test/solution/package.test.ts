/**
 * The zips `npm run build` wrote: what an admin imports. Checks them against the real build outputs in out/.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { LANGUAGES } from "../../core/strings/languages";
import {
  outDir,
  packageVersion,
  repoRoot,
  parseXml,
  publisherConfig,
  readBuiltZip,
  zipPaths,
  type BuiltZip,
  type ContentTypesDoc,
  type CustomizationsDoc,
  type ManifestDoc,
  type SolutionDoc,
} from "./builtPackage";

const controlName = `${publisherConfig.customizationPrefix}_FinOpsLink.LinkedEnvironment`;
const controlOut = join(outDir, "controls", "LinkedEnvironment");
const webResourceName = `${publisherConfig.customizationPrefix}_/finopslink/form.js`;
const resxWebResourcePrefix = `${publisherConfig.customizationPrefix}_/finopslink/strings/FormScript.`;

let unmanaged: BuiltZip;
let managed: BuiltZip;

beforeAll(() => {
  unmanaged = readBuiltZip(zipPaths.unmanaged);
  managed = readBuiltZip(zipPaths.managed);
});

const both = (): [string, BuiltZip, string][] => [
  ["unmanaged", unmanaged, "0"],
  ["managed", managed, "1"],
];
const solutionOf = (zip: BuiltZip) => parseXml<SolutionDoc>(zip.text("solution.xml")).ImportExportXml.SolutionManifest;
const customizationsOf = (zip: BuiltZip) => parseXml<CustomizationsDoc>(zip.text("customizations.xml")).ImportExportXml;

describe.each([["unmanaged"], ["managed"]])("the %s zip", (kind) => {
  const zip = (): BuiltZip => (kind === "managed" ? managed : unmanaged);

  test("has solution.xml, customizations.xml and [Content_Types].xml at the root, forward slashes only", () => {
    const names = Object.keys(zip().entries);
    expect(names.filter((name) => !name.includes("/")).sort()).toEqual(
      ["[Content_Types].xml", "customizations.xml", "solution.xml"].sort(),
    );
    for (const name of names) {
      expect(name).not.toMatch(/\\/);
      expect(name).not.toMatch(/^\//);
    }
    expect(names.every((name) => name.includes("/") || name.endsWith(".xml"))).toBe(true);
  });

  test("holds only the control folder and the web resource besides the root files", () => {
    const folders = new Set(
      Object.keys(zip().entries)
        .filter((name) => name.includes("/"))
        .map((name) =>
          name
            .split("/")
            .slice(0, name.startsWith("Controls/") ? 2 : 1)
            .join("/"),
        ),
    );
    expect([...folders].sort()).toEqual([`Controls/${controlName}`, "WebResources"]);
  });

  test("names the solution, its version from package.json, and the publisher from publisher.json", () => {
    const manifest = solutionOf(zip());
    expect(manifest.UniqueName).toBe("FinOpsLink");
    expect(manifest.Version).toBe(`${packageVersion}.0`);
    expect(manifest.LocalizedNames.LocalizedName.map((label) => label.languagecode)).toContain("1033");
    const english = manifest.Descriptions.Description.find((label) => label.languagecode === "1033");
    expect(english?.description).toMatch(/finance and operations/);
    expect(manifest.Publisher.UniqueName).toBe(publisherConfig.uniqueName);
    expect(manifest.Publisher.CustomizationPrefix).toBe(publisherConfig.customizationPrefix);
    expect(manifest.Publisher.CustomizationOptionValuePrefix).toBe(
      String(publisherConfig.customizationOptionValuePrefix),
    );
    expect(manifest.Publisher.LocalizedNames.LocalizedName.length).toBeGreaterThan(0);
    expect(manifest.MissingDependencies).toBe("");
  });

  test("lists exactly the packaged components as root components", () => {
    const roots = solutionOf(zip()).RootComponents.RootComponent;
    const customizations = customizationsOf(zip());
    const packaged = [
      ...customizations.WebResources.WebResource.map((resource) => `61 ${resource.Name}`),
      ...customizations.CustomControls.CustomControl.map((control) => `66 ${control.Name}`),
    ].sort();
    expect(roots.map((root) => `${root.type} ${root.schemaName}`).sort()).toEqual(packaged);
    expect(packaged).toEqual([
      `61 ${webResourceName}`,
      ...LANGUAGES.map((l) => `61 ${resxWebResourcePrefix}${l.lcid}.resx`).sort(),
      `66 ${controlName}`,
    ]);
    for (const root of roots) expect(root.behavior).toBe("0");
  });

  test("carries the custom control under the publisher prefix, pointing at its manifest", () => {
    const [control, ...others] = customizationsOf(zip()).CustomControls.CustomControl;
    expect(others).toHaveLength(0);
    expect(control.Name).toBe(controlName);
    expect(control.Name.startsWith(`${publisherConfig.customizationPrefix}_`)).toBe(true);
    expect(control.FileName).toBe(`/Controls/${controlName}/ControlManifest.xml`);
    expect(zip().entries[control.FileName.slice(1)]).toBeDefined();
  });

  test("ships the built ControlManifest.xml, bundle and every resource it lists, byte for byte from out/", () => {
    const folder = `Controls/${controlName}`;
    const manifestText = zip().text(`${folder}/ControlManifest.xml`);
    expect(manifestText).toBe(readFileSync(join(controlOut, "ControlManifest.xml"), "utf8"));
    const { control } = parseXml<ManifestDoc>(manifestText).manifest;
    expect(`${publisherConfig.customizationPrefix}_${control.namespace}.${control.constructorName}`).toBe(controlName);
    const listed = [...control.resources.code, ...(control.resources.css ?? []), ...(control.resources.resx ?? [])].map(
      (resource) => resource.path,
    );
    expect(listed).toContain("bundle.js");
    const builtResx = readdirSync(join(controlOut, "strings")).filter((name) => name.endsWith(".resx"));
    expect(builtResx.length).toBeGreaterThan(0);
    for (const resx of builtResx) expect(listed).toContain(`strings/${resx}`);
    for (const path of listed) {
      const entry = zip().entries[`${folder}/${path}`];
      expect(entry).toBeDefined();
      expect(Buffer.from(entry).equals(readFileSync(join(controlOut, path)))).toBe(true);
    }
    const shipped = Object.keys(zip().entries).filter((name) => name.startsWith(`${folder}/`));
    expect(shipped.sort()).toEqual(
      [`${folder}/ControlManifest.xml`, ...listed.map((path) => `${folder}/${path}`)].sort(),
    );
  });

  test("ships the form script as a type 3 web resource with a stable id and the export file name", () => {
    const resources = customizationsOf(zip()).WebResources.WebResource;
    const [resource, ...others] = resources.filter((item) => item.WebResourceType === "3");
    expect(others).toHaveLength(0);
    expect(resource.Name).toBe(webResourceName);
    expect(resource.WebResourceType).toBe("3");
    expect(resource.LanguageCode).toBe("1033");
    expect(resource.DisplayName).not.toBe("");
    expect(resource.Description).not.toBe("");
    expect(resource.IntroducedVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(resource.IsHidden).toBe("0");
    const source = readFileSync(
      join(__dirname, "..", "..", "solution", "src", "WebResources", `${webResourceName}.data.xml`),
      "utf8",
    );
    expect(source).toContain(`<WebResourceId>${resource.WebResourceId}</WebResourceId>`);
    const id = /^\{([0-9a-f-]{36})\}$/i.exec(resource.WebResourceId)?.[1];
    expect(id).toBeDefined();
    expect(resource.FileName).toBe(`/WebResources/${webResourceName.replace(/[/.]/g, "")}${id?.toUpperCase()}`);
    const entry = zip().entries[resource.FileName.slice(1)];
    expect(entry).toBeDefined();
    expect(Buffer.from(entry).equals(readFileSync(join(outDir, "webresources", "form.js")))).toBe(true);
  });

  test("ships the form script's words as one RESX web resource per language (type 12, language set, byte for byte)", () => {
    const resources = customizationsOf(zip()).WebResources.WebResource.filter((item) => item.WebResourceType === "12");
    expect(resources.map((item) => [item.Name, item.LanguageCode]).sort()).toEqual(
      LANGUAGES.map((l) => [`${resxWebResourcePrefix}${l.lcid}.resx`, String(l.lcid)]).sort(),
    );
    for (const resource of resources) {
      const id = /^\{([0-9a-f-]{36})\}$/i.exec(resource.WebResourceId)?.[1];
      expect(resource.FileName).toBe(`/WebResources/${resource.Name.replace(/[/.]/g, "")}${id?.toUpperCase()}`);
      const file = resource.Name.split("/").pop() ?? "";
      const entry = zip().entries[resource.FileName.slice(1)];
      expect(Buffer.from(entry).equals(readFileSync(join(repoRoot, "webresources", "strings", file)))).toBe(true);
    }
  });

  test("declares the RESX web resources as dependencies of form.js (escaped DependencyXml, one Library each)", () => {
    const [script] = customizationsOf(zip()).WebResources.WebResource.filter((item) => item.WebResourceType === "3");
    expect(zip().text("customizations.xml")).toContain("<DependencyXml>&lt;Dependencies&gt;");
    const libraries = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (n) => n === "Library",
    }).parse(script.DependencyXml ?? "") as {
      Dependencies: { Dependency: { componentType: string; Library: Array<Record<string, string>> } };
    };
    const dependency = libraries.Dependencies.Dependency;
    expect(dependency.componentType).toBe("WebResource");
    expect(dependency.Library.map((library) => [library.name, library.languagecode]).sort()).toEqual(
      LANGUAGES.map((l) => [`${resxWebResourcePrefix}${l.lcid}.resx`, String(l.lcid)]).sort(),
    );
    for (const library of dependency.Library) {
      expect(library.libraryUniqueId).toMatch(/^\{[0-9a-f-]{36}\}$/);
      expect(Object.keys(library).sort()).toEqual(
        ["description", "displayName", "languagecode", "libraryUniqueId", "name"].sort(),
      );
    }
  });

  test("[Content_Types].xml covers every part", () => {
    const types = parseXml<ContentTypesDoc>(zip().text("[Content_Types].xml")).Types;
    expect(types.xmlns).toBe("http://schemas.openxmlformats.org/package/2006/content-types");
    const extensions = types.Default.map((item) => item.Extension);
    const overrides = (types.Override ?? []).map((item) => item.PartName);
    for (const name of Object.keys(zip().entries)) {
      const file = name.split("/").pop() ?? name;
      const extension = file.includes(".") ? file.slice(file.lastIndexOf(".") + 1) : undefined;
      if (extension) expect(extensions).toContain(extension);
      else expect(overrides).toContain(`/${name}`);
    }
    expect(overrides.length).toBe(customizationsOf(zip()).WebResources.WebResource.length);
  });
});

describe("managed and unmanaged", () => {
  test.each([
    ["unmanaged", "0"],
    ["managed", "1"],
  ])("the %s zip says <Managed>%s", (kind, flag) => {
    expect(solutionOf(kind === "managed" ? managed : unmanaged).Managed).toBe(flag);
  });

  test("differ only in the Managed flag", () => {
    expect(Object.keys(managed.entries)).toEqual(Object.keys(unmanaged.entries));
    for (const name of Object.keys(unmanaged.entries)) {
      const a = unmanaged.text(name);
      const b = managed.text(name);
      if (name === "solution.xml") expect(b).toBe(a.replace("<Managed>0</Managed>", "<Managed>1</Managed>"));
      else expect(b).toBe(a);
    }
  });

  test("carry one version: package.json x.y.z, solution.xml x.y.z.0, the control manifest x.y.z", () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [, zip] of both()) {
      expect(solutionOf(zip).Version).toBe(`${packageVersion}.0`);
      const manifest = parseXml<ManifestDoc>(zip.text(`Controls/${controlName}/ControlManifest.xml`));
      expect(manifest.manifest.control.version).toBe(packageVersion);
    }
  });

  test("every XML part is well-formed", () => {
    for (const [, zip] of both()) {
      for (const name of Object.keys(zip.entries).filter((entry) => /\.(xml|resx)$/.test(entry))) {
        expect(() => parseXml(zip.text(name))).not.toThrow();
      }
    }
  });
});

test("the unpacked copy for pac is the source plus the built files, <Managed>2", () => {
  const unpacked = join(__dirname, "..", "..", "solution", "bin", "unpacked");
  expect(existsSync(join(unpacked, "Other", "Customizations.xml"))).toBe(true);
  expect(existsSync(join(unpacked, "Other", "Relationships.xml"))).toBe(true);
  const solution = parseXml<SolutionDoc>(readFileSync(join(unpacked, "Other", "Solution.xml"), "utf8"));
  expect(solution.ImportExportXml.SolutionManifest.Managed).toBe("2");
  expect(solution.ImportExportXml.SolutionManifest.Version).toBe(`${packageVersion}.0`);
  for (const path of [
    `Controls/${controlName}/ControlManifest.xml.data.xml`,
    `Controls/${controlName}/ControlManifest.xml`,
    `Controls/${controlName}/bundle.js`,
    `WebResources/${webResourceName}`,
    `WebResources/${webResourceName}.data.xml`,
  ]) {
    expect(existsSync(join(unpacked, path))).toBe(true);
  }
});
