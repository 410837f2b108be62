/** @jest-environment node */
/**
 * The control's strings: core/strings is the one source, the resx files are generated from it by
 * scripts/generate-resx.ts (run for real here), and no language may lack a key the control or its manifest uses.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { catalog, LANGUAGES } from "../../core/strings";
import { controlStrings } from "../../core/strings/control";
import {
  buildResx,
  controlResxKeys,
  manifestVersion,
  parseResx,
  resxFileName,
  syncManifestVersion,
} from "../../scripts/resx";

const root = resolve(__dirname, "../..");
const manifestPath = join(root, "pcf/LinkedEnvironment/ControlManifest.Input.xml");
const manifestXml = readFileSync(manifestPath, "utf8");

/** Every *-key attribute in the manifest (display names, descriptions, enum value names). */
function manifestKeys(xml: string): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [name, value] of Object.entries(node)) {
      if (name.startsWith("@_") && name.endsWith("-key") && typeof value === "string") keys.add(value);
      else walk(value);
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(xml));
  return [...keys];
}

/** Every key the control's source asks for by name ("Control_…", "Result_…"). */
function sourceKeys(): string[] {
  const dir = join(root, "pcf/LinkedEnvironment");
  const files = [
    "index.ts",
    "resultStore.ts",
    ...["components", "mapping"].flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(sub, f))),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(dir, file), "utf8").matchAll(/"((?:Control|Result)_[A-Za-z]+)"/g))
      keys.add(match[1]);
  }
  return [...keys];
}

describe("generated resx files", () => {
  let outDir: string;
  const files = new Map<number, Map<string, string>>();

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "finops-resx-"));
    execFileSync(
      process.execPath,
      [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/generate-resx.ts", "--out", outDir],
      { cwd: root },
    );
    for (const { lcid } of LANGUAGES)
      files.set(lcid, parseResx(readFileSync(join(outDir, resxFileName(lcid)), "utf8")));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes one file per shipped language, named as the manifest references them", () => {
    expect(readdirSync(outDir).sort()).toEqual(LANGUAGES.map((l) => resxFileName(l.lcid)).sort());
    const referenced = [...manifestXml.matchAll(/<resx path="strings\/([^"]+)"/g)].map((m) => m[1]).sort();
    expect(referenced).toEqual(readdirSync(outDir).sort());
  });

  it.each(LANGUAGES.map((l) => [l.tag, l.lcid] as const))(
    "%s has every manifest, control and result key, none empty",
    (_tag, lcid) => {
      const strings = files.get(lcid)!;
      const needed = new Set([...manifestKeys(manifestXml), ...sourceKeys(), ...controlResxKeys()]);
      const missing = [...needed].filter((key) => !strings.get(key)?.trim());
      expect(missing).toEqual([]);
    },
  );

  it("carries the catalog's text exactly, including quotes, ampersands and placeholders", () => {
    for (const { lcid, tag } of LANGUAGES) {
      const strings = files.get(lcid)!;
      for (const key of controlResxKeys()) expect(strings.get(key)).toBe(catalog[tag][key]);
    }
  });

  it("leaves the form script's strings out of the control", () => {
    expect([...files.get(1033)!.keys()].filter((key) => !/^(Control|Property|Result)_/.test(key))).toEqual([]);
  });

  it("is well-formed resx with the standard headers", () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(buildResx(1041)) as {
      root: { resheader: Array<{ "@_name": string; value: string }> };
    };
    expect(parsed.root.resheader.find((h) => h["@_name"] === "resmimetype")?.value).toBe("text/microsoft-resx");
  });
});

describe("the control's catalog", () => {
  const english = controlStrings.en;

  it.each(LANGUAGES.map((l) => l.tag))("%s defines every key, with the same {n} placeholders as English", (tag) => {
    const texts = controlStrings[tag];
    expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();
      expect(placeholders(texts[key as keyof typeof english])).toEqual(placeholders(text));
    }
  });

  it.each(LANGUAGES.filter((l) => l.tag !== "en").map((l) => l.tag))(
    "%s is translated, not a copy of English",
    (tag) => {
      const same = Object.entries(english).filter(
        ([key, text]) => controlStrings[tag][key as keyof typeof english] === text,
      );
      // Only words that are the same in both languages may stay (e.g. "Layout", "No", "Compact").
      expect(same.length).toBeLessThanOrEqual(3);
    },
  );
});

describe("manifest version sync", () => {
  it("the committed manifest matches package.json", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(manifestVersion(manifestXml)).toBe(version.match(/^\d+\.\d+\.\d+/)?.[0]);
  });

  it("changes only the control version and keeps the rest of the manifest as written", () => {
    const bumped = syncManifestVersion(manifestXml, "2.3.4-beta.1");
    expect(manifestVersion(bumped)).toBe("2.3.4");
    expect(bumped.replace('version="2.3.4"', 'version="1.0.0"')).toBe(
      manifestXml.replace(/control (.*?)version="[^"]+"/, 'control $1version="1.0.0"'),
    );
    expect(syncManifestVersion(bumped, "2.3.4")).toBe(bumped);
  });

  it("refuses a version the manifest schema would reject", () => {
    expect(() => syncManifestVersion(manifestXml, "next")).toThrow(/not x\.y\.z/);
  });
});
