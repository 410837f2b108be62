/** @jest-environment node */
/**
 * Every committed RESX (the control's strings and the form script's RESX web resources): in sync with the TypeScript
 * catalogs (`npm run strings -- --check`, run for real), complete in every language with the same placeholders, a
 * translator note on every 1033 entry, and the control manifest listing its files with 1033 last.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { LANGUAGES } from "../../core/strings";
import { parseResxEntries } from "../../scripts/resx";
import { staleResxFiles } from "../../scripts/strings";
import { CONTROL_STRINGS, FORM_STRINGS, ROOT, STRING_SETS, resxFileName } from "../../scripts/stringSets";
import {
  manifestVersion,
  solutionXmlVersion,
  stampSolutionXmlVersion,
  syncManifestVersion,
} from "../../scripts/version";

const manifestPath = join(ROOT, "pcf/LinkedEnvironment/ControlManifest.Input.xml");
const manifestXml = readFileSync(manifestPath, "utf8");
const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
const committed = (dir: string, lcid: number, baseName: string) =>
  parseResxEntries(readFileSync(join(ROOT, dir, `${baseName}.${lcid}.resx`), "utf8"));

describe.each(STRING_SETS.map((set) => [set.baseName, set] as const))("the committed %s RESX files", (_name, set) => {
  const english = committed(set.dir, 1033, set.baseName);

  it("are exactly the ten languages, one file each", () => {
    const files = readdirSync(join(ROOT, set.dir)).filter((file) => file.endsWith(".resx"));
    expect(files.sort()).toEqual(LANGUAGES.map((l) => resxFileName(set, l.lcid)).sort());
  });

  it.each(LANGUAGES.map((l) => [l.tag, l.lcid] as const))(
    "%s has every key of the 1033 file, none empty, with the same {n} placeholders",
    (_tag, lcid) => {
      const entries = committed(set.dir, lcid, set.baseName);
      expect([...entries.keys()]).toEqual([...english.keys()]);
      for (const [key, { value }] of english) {
        const translated = entries.get(key)?.value ?? "";
        expect([key, translated.trim() === ""]).toEqual([key, false]);
        expect([key, placeholders(translated)]).toEqual([key, placeholders(value)]);
      }
    },
  );

  it("1033 tells translators, for every entry, where it appears and what each {n} is", () => {
    for (const [key, { value, comment }] of english) {
      expect([key, (comment ?? "").length > 20]).toEqual([key, true]);
      for (const placeholder of placeholders(value))
        expect([key, comment]).toEqual([key, expect.stringContaining(placeholder)]);
    }
  });
});

describe("the RESX files and the catalogs", () => {
  it("are in sync: `npm run strings -- --check` passes on the committed files", () => {
    const output = execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/strings.ts", "--check"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(output).toMatch(/20 RESX files in sync/);
  });

  it("the check names a RESX someone edited by hand", () => {
    const copy = mkdtempSync(join(tmpdir(), "finops-strings-"));
    try {
      for (const set of STRING_SETS) cpSync(join(ROOT, set.dir), join(copy, set.dir), { recursive: true });
      expect(staleResxFiles(copy)).toEqual([]);
      const edited = join(copy, FORM_STRINGS.dir, "FormScript.1031.resx");
      writeFileSync(edited, readFileSync(edited, "utf8").replace("Öffnen", "Aufmachen"));
      expect(staleResxFiles(copy)).toEqual([`${FORM_STRINGS.dir}/FormScript.1031.resx`]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("each deliverable owns its words: no form words in the control's files, no control words in the form's (core's Result_ and Record_ in both)", () => {
    const control = [...committed(CONTROL_STRINGS.dir, 1033, CONTROL_STRINGS.baseName).keys()];
    const form = [...committed(FORM_STRINGS.dir, 1033, FORM_STRINGS.baseName).keys()];
    expect(control.filter((key) => !/^(Control|Property|Record|Result)_/.test(key))).toEqual([]);
    expect(form.filter((key) => !/^(Form|Record|Result)_/.test(key))).toEqual([]);
  });
});

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
  const dir = join(ROOT, "pcf/LinkedEnvironment");
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

describe("the control manifest's resx", () => {
  const listed = [...manifestXml.matchAll(/<resx path="strings\/([^"]+)"/g)].map((m) => m[1]);

  it("lists every committed file, 1033 last (pcf-start shows the last one it loads)", () => {
    expect([...listed].sort()).toEqual(LANGUAGES.map((l) => resxFileName(CONTROL_STRINGS, l.lcid)).sort());
    expect(listed.at(-1)).toBe(resxFileName(CONTROL_STRINGS, 1033));
  });

  it("names only keys the files have, as does the control's source", () => {
    const keys = new Set(committed(CONTROL_STRINGS.dir, 1033, CONTROL_STRINGS.baseName).keys());
    expect([...manifestKeys(manifestXml), ...sourceKeys()].filter((key) => !keys.has(key))).toEqual([]);
  });
});

describe("the version stamp (npm run stamp-version)", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

  it("the committed manifest and Solution.xml carry package.json's version", () => {
    expect(manifestVersion(manifestXml)).toBe(version);
    expect(solutionXmlVersion(readFileSync(join(ROOT, "solution/src/Other/Solution.xml"), "utf8"))).toBe(
      `${version}.0`,
    );
  });

  it("changes only the control version and keeps the rest of the manifest as written", () => {
    const bumped = syncManifestVersion(manifestXml, "2.3.4");
    expect(manifestVersion(bumped)).toBe("2.3.4");
    expect(bumped.replace('version="2.3.4"', `version="${version}"`)).toBe(manifestXml);
    expect(syncManifestVersion(bumped, "2.3.4")).toBe(bumped);
  });

  it("changes only the solution version in Solution.xml", () => {
    const solutionXml = readFileSync(join(ROOT, "solution/src/Other/Solution.xml"), "utf8");
    const stamped = stampSolutionXmlVersion(solutionXml, "2.3.4");
    expect(solutionXmlVersion(stamped)).toBe("2.3.4.0");
    expect(stamped.replace("<Version>2.3.4.0</Version>", `<Version>${version}.0</Version>`)).toBe(solutionXml);
  });

  it("refuses a version the manifest schema would reject", () => {
    expect(() => syncManifestVersion(manifestXml, "next")).toThrow(/not x\.y\.z/);
    expect(() => stampSolutionXmlVersion("<x/>", "1.2")).toThrow(/not x\.y\.z/);
  });
});
