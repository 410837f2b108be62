/** Reads the zips `npm run build` wrote, for the solution tests: independent of demo/package/ on purpose, so a bug in one reader cannot hide a bug in the zip. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { zipPaths as zipPathsIn } from "../../demo/build/ensureBuilt";

export const repoRoot = resolve(__dirname, "..", "..");
export const outDir = join(repoRoot, "out");
export const binDir = join(repoRoot, "solution", "bin");
export const packageVersion = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string })
  .version;
export const publisherConfig = JSON.parse(readFileSync(join(repoRoot, "solution", "publisher.json"), "utf8")) as {
  uniqueName: string;
  customizationPrefix: string;
  customizationOptionValuePrefix: number;
};

export const zipPaths = zipPathsIn(repoRoot);

export interface BuiltZip {
  path: string;
  bytes: Uint8Array;
  entries: Record<string, Uint8Array>;
  text(name: string): string;
}

/** Fails with the command to run when the build has not produced the zip. */
export function readBuiltZip(path: string): BuiltZip {
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist: run \`npm run build\` before the solution tests (npm test does).`);
  }
  const bytes = new Uint8Array(readFileSync(path));
  const entries = unzipSync(bytes);
  return {
    path,
    bytes,
    entries,
    text(name: string): string {
      const entry = entries[name];
      if (!entry) throw new Error(`${path} has no ${name}`);
      return strFromU8(entry);
    },
  };
}

// An independent reading of the XML (not the packer's helpers), with repeatable elements always as arrays.
const repeatable = new Set([
  "LocalizedName",
  "Description",
  "RootComponent",
  "WebResource",
  "CustomControl",
  "Language",
  "Default",
  "Override",
  "resx",
  "code",
  "css",
  "img",
  "html",
  "Address",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // A bare "constructor" key is refused by the parser (prototype pollution guard); the manifest has one.
  transformAttributeName: (name: string) => (name === "constructor" ? "constructorName" : name),
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath) => repeatable.has(name) && !String(jpath).endsWith("WebResource.Description"),
});

/** Parses with the test's own settings; T names the shape the test expects (the assertions check it). */
export const parseXml = <T>(text: string): T => parser.parse(text) as T;

export interface Label {
  description: string;
  languagecode: string;
}
export interface RootComponentXml {
  type: string;
  schemaName: string;
  behavior: string;
}
export interface SolutionDoc {
  ImportExportXml: {
    SolutionManifest: {
      UniqueName: string;
      LocalizedNames: { LocalizedName: Label[] };
      Descriptions: { Description: Label[] };
      Version: string;
      Managed: string;
      Publisher: {
        UniqueName: string;
        LocalizedNames: { LocalizedName: Label[] };
        CustomizationPrefix: string;
        CustomizationOptionValuePrefix: string;
        Addresses: { Address: unknown[] };
      };
      RootComponents: { RootComponent: RootComponentXml[] };
      MissingDependencies: string;
    };
  };
}
export interface WebResourceXml {
  WebResourceId: string;
  Name: string;
  DisplayName: string;
  Description: string;
  WebResourceType: string;
  /** Escaped XML text; the parser gives it back unescaped. */
  DependencyXml?: string;
  LanguageCode: string;
  IsCustomizable: string;
  IsHidden: string;
  CanBeDeleted: string;
  IntroducedVersion: string;
  FileName: string;
}
export interface CustomizationsDoc {
  ImportExportXml: {
    WebResources: { WebResource: WebResourceXml[] };
    CustomControls: { CustomControl: { Name: string; FileName: string }[] };
    Languages: { Language: string[] };
  };
}
export interface ContentTypesDoc {
  Types: {
    xmlns: string;
    Default: { Extension: string; ContentType: string }[];
    Override?: { PartName: string; ContentType: string }[];
  };
}
export interface ManifestDoc {
  manifest: {
    control: {
      namespace: string;
      constructorName: string;
      version: string;
      resources: { code: { path: string }[]; resx?: { path: string }[]; css?: { path: string }[] };
    };
  };
}
