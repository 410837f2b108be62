/**
 * The packer itself, run on the real build outputs: reproducible bytes, and loud failures on inputs that would make
 * a bad package. Mutations happen on temp copies of out/ and the source, never on the real files.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packSolution, syncSource, type PackOptions } from "../../solution/pack";
import { versionsFrom } from "../../solution/packer/version";
import { exportFileName } from "../../solution/packer/webResources";
import { readPublisherConfig } from "../../solution/packer/publisher";
import { buildContentTypes } from "../../solution/packer/contentTypes";
import {
  binDir,
  outDir,
  packageVersion,
  parseXml,
  readBuiltZip,
  repoRoot,
  zipPaths,
  type SolutionDoc,
} from "./builtPackage";

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "finops-pack-"));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const quiet: PackOptions = { warn: () => undefined };

/** A writable copy of out/ (the real build outputs) and of solution/src. */
function copies(): { input: string; source: string; output: string } {
  const root = tempDir();
  readBuiltZip(zipPaths.unmanaged); // fails with "run npm run build" when there is nothing to copy
  cpSync(join(outDir, "controls"), join(root, "out", "controls"), { recursive: true });
  cpSync(join(outDir, "webresources"), join(root, "out", "webresources"), { recursive: true });
  cpSync(join(repoRoot, "solution", "src"), join(root, "src"), { recursive: true });
  return { input: join(root, "out"), source: join(root, "src"), output: join(root, "bin") };
}

describe("reproducible", () => {
  test("two packs of the same inputs are byte-identical, and identical to what npm run build wrote", () => {
    const [first, second] = [tempDir(), tempDir()].map((outputDir) =>
      packSolution({ ...quiet, inputDir: outDir, outputDir }),
    );
    for (const kind of ["unmanagedZip", "managedZip"] as const) {
      const a = readFileSync(first[kind]);
      expect(a.equals(readFileSync(second[kind]))).toBe(true);
      const built = kind === "managedZip" ? zipPaths.managed : zipPaths.unmanaged;
      expect(a.equals(readFileSync(built))).toBe(true);
    }
  });

  test("the CLI in another time zone writes the same bytes", () => {
    const output = tempDir();
    const run = spawnSync(
      process.execPath,
      [
        join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs"),
        join(repoRoot, "solution", "pack.ts"),
        "--input",
        outDir,
        "--output",
        output,
      ],
      { cwd: repoRoot, encoding: "utf8", env: { ...process.env, TZ: "Pacific/Kiritimati" } },
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FinOpsLink/);
    for (const built of [zipPaths.unmanaged, zipPaths.managed]) {
      const name = built.slice(binDir.length + 1);
      expect(readFileSync(join(output, name)).equals(readFileSync(built))).toBe(true);
    }
  });
});

describe("fails loudly", () => {
  test("when the built control manifest's version is not package.json's", () => {
    const dirs = copies();
    const manifest = join(dirs.input, "controls", "LinkedEnvironment", "ControlManifest.xml");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(`version="${packageVersion}"`, 'version="0.0.1"'));
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(`has control version 0.0.1 but package.json has ${packageVersion}`);
  });

  test("when the form script was not built, naming the command", () => {
    const dirs = copies();
    rmSync(join(dirs.input, "webresources", "form.js"));
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/webresources\/form\.js is missing: run `npm run build:form`/);
  });

  test("when the control was not built, naming the command", () => {
    const dirs = copies();
    rmSync(join(dirs.input, "controls"), { recursive: true });
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/ControlManifest\.xml is missing: run `npm run build:control`/);
  });

  test("when the publisher prefix does not match the control and web resource names", () => {
    const dirs = copies();
    const publisherJson = join(dirs.source, "..", "publisher.json");
    const config = JSON.parse(readFileSync(join(repoRoot, "solution", "publisher.json"), "utf8")) as Record<
      string,
      unknown
    >;
    writeFileSync(publisherJson, JSON.stringify({ ...config, customizationPrefix: "abc" }));
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source, publisherJson }),
    ).toThrow(/Publisher prefix \.\.\. does not match/);
  });

  test("when the control bundle is a development build", () => {
    const dirs = copies();
    const bundle = join(dirs.input, "controls", "LinkedEnvironment", "bundle.js");
    writeFileSync(bundle, `${readFileSync(bundle, "utf8")}\neval("0\\n//# sourceURL=webpack://pcf/./index.ts");`);
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/bundle\.js is a development build/);
  });

  test("when a built resx is not in the manifest", () => {
    const dirs = copies();
    const strings = join(dirs.input, "controls", "LinkedEnvironment", "strings");
    writeFileSync(join(strings, "LinkedEnvironment.9999.resx"), "<root/>");
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/LinkedEnvironment\.9999\.resx exist but the manifest does not list them/);
  });

  test("when the source lists a root component the package does not have", () => {
    const dirs = copies();
    const solutionXml = join(dirs.source, "Other", "Solution.xml");
    writeFileSync(
      solutionXml,
      readFileSync(solutionXml, "utf8").replace(
        "</RootComponents>",
        '<RootComponent type="61" schemaName="fol_/finopslink/other.js" behavior="0" /></RootComponents>',
      ),
    );
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow("Not in the package: 61 fol_/finopslink/other.js");
  });

  test("when a source XML file is not well-formed", () => {
    const dirs = copies();
    writeFileSync(join(dirs.source, "Other", "Customizations.xml"), "<ImportExportXml><Entities></ImportExportXml>");
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/Other\/Customizations\.xml is not well-formed XML/);
  });

  test("when the schema check is required but the schema folder is missing; warns when it is not required", () => {
    const dirs = copies();
    const schemasDir = join(dirs.input, "no-schemas-here");
    const options = { inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source, schemasDir };
    expect(() => packSolution({ ...quiet, ...options, requireSchema: true })).toThrow(/must be schema-checked here/);
    const warnings: string[] = [];
    const result = packSolution({ ...options, requireSchema: false, warn: (message) => warnings.push(message) });
    expect(result.schema.status).toBe("unavailable");
    expect(warnings.join("\n")).toMatch(/not schema-checked/);
  });
});

describe("pieces", () => {
  test("package.json x.y.z maps to Dataverse x.y.z.0; anything else is refused", () => {
    expect(versionsFrom("1.2.3")).toEqual({ semver: "1.2.3", dataverse: "1.2.3.0" });
    for (const bad of ["1.2", "1.2.3-beta.1", "01.2.3", "1.2.3.4", 3, undefined, "1.2.99999999999"]) {
      expect(() => versionsFrom(bad)).toThrow(/package\.json "version"/);
    }
  });

  test("web resource file names follow the export convention", () => {
    expect(exportFileName("fol_/finopslink/form.js", "f5cd72f1-2357-489e-af7b-8ed33275b2d3")).toBe(
      "/WebResources/fol_finopslinkformjsF5CD72F1-2357-489E-AF7B-8ED33275B2D3",
    );
  });

  test("[Content_Types].xml gets a Default per extension and an Override per extension-less part", () => {
    const xml = buildContentTypes(["solution.xml", "Controls/x/bundle.js", "WebResources/abcDEF"]);
    expect(xml).toContain('<Default Extension="xml" ContentType="application/octet-stream"/>');
    expect(xml).toContain('<Default Extension="js" ContentType="application/octet-stream"/>');
    expect(xml).toContain('<Override PartName="/WebResources/abcDEF" ContentType="application/octet-stream"/>');
  });

  test("--sync-source rewrites the source Solution.xml's publisher, keeping its version and <Managed>2", () => {
    const dirs = copies();
    const publisherJson = join(dirs.source, "..", "publisher.json");
    const config = JSON.parse(readFileSync(join(repoRoot, "solution", "publisher.json"), "utf8")) as Record<
      string,
      unknown
    >;
    writeFileSync(publisherJson, JSON.stringify({ ...config, descriptions: { "1033": "Another description." } }));
    const path = syncSource({ sourceDir: dirs.source, publisherJson });
    const synced = readFileSync(path, "utf8");
    expect(synced).toContain('description="Another description."');
    expect(synced).toContain(`<Version>${packageVersion}.0</Version>`);
    expect(synced).toContain("<Managed>2</Managed>");
  });

  test("a source Solution.xml whose version is not package.json's fails the pack, naming the stamp command", () => {
    const dirs = copies();
    const solutionXml = join(dirs.source, "Other", "Solution.xml");
    writeFileSync(
      solutionXml,
      readFileSync(solutionXml, "utf8").replace(`<Version>${packageVersion}.0</Version>`, "<Version>0.9.0.0</Version>"),
    );
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/says version 0\.9\.0\.0; package\.json makes it .*npm run stamp-version/);
  });
});

describe("the output folder is the packer's only where it says so", () => {
  const pack = (dirs: { input: string; source: string; output: string }, extra: PackOptions = {}) =>
    packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source, ...extra });

  test("a failed pack leaves the previous zips and unpacked/ as they were", () => {
    const dirs = copies();
    const first = pack(dirs);
    const before = [readFileSync(first.unmanagedZip), readFileSync(first.managedZip)];
    const unpackedSolution = readFileSync(join(first.unpackedDir, "Other", "Solution.xml"));
    // A later pack fails on validation (an unknown root component) after reading everything.
    const solutionXml = join(dirs.source, "Other", "Solution.xml");
    writeFileSync(
      solutionXml,
      readFileSync(solutionXml, "utf8").replace(
        "</RootComponents>",
        '<RootComponent type="61" schemaName="fol_/finopslink/other.js" behavior="0" /></RootComponents>',
      ),
    );
    expect(() => pack(dirs)).toThrow(/Not in the package/);
    expect(readFileSync(first.unmanagedZip).equals(before[0])).toBe(true);
    expect(readFileSync(first.managedZip).equals(before[1])).toBe(true);
    expect(readFileSync(join(first.unpackedDir, "Other", "Solution.xml")).equals(unpackedSolution)).toBe(true);
    expect(readdirSync(dirs.output).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("deletes only older zips named <UniqueName>_<version>[_managed].zip, never a user's other files", () => {
    const dirs = copies();
    mkdirSync(dirs.output, { recursive: true });
    const mine = ["FinOpsLink_0.9.0.zip", "FinOpsLink_0.9.0_managed.zip", "FinOpsLink_0.8.1.2.zip"];
    const theirs = [
      "FinOpsLink_notes.zip",
      "FinOpsLink_0.9.0_backup.zip",
      "FinOpsLink_0.9.zip",
      "FinOpsLinkExtra_1.0.0.zip",
      "finopslink_0.9.0.zip",
      "FinOpsLink_1.0.0.zip.txt",
      "README.md",
    ];
    for (const name of [...mine, ...theirs]) writeFileSync(join(dirs.output, name), "x");
    pack(dirs);
    const left = readdirSync(dirs.output);
    for (const name of mine) expect(left).not.toContain(name);
    for (const name of theirs) expect(left).toContain(name);
    expect(left).toEqual(
      expect.arrayContaining([`FinOpsLink_${packageVersion}.zip`, `FinOpsLink_${packageVersion}_managed.zip`]),
    );
  });
});

describe("refuses what should never reach a zip", () => {
  test("characters XML 1.0 forbids in publisher names and descriptions", () => {
    const config = JSON.parse(readFileSync(join(repoRoot, "solution", "publisher.json"), "utf8")) as Record<
      string,
      unknown
    >;
    for (const [field, value] of [
      ["localizedNames", { "1033": "FinOps\u0001Link" }],
      ["descriptions", { "1033": "Bad \uFFFE text" }],
      ["descriptions", { "1033": "Lone \uD800 surrogate" }],
      ["emailAddress", "a\u000Bb@example.com"],
    ] as const) {
      expect(() => readPublisherConfig({ ...config, [field]: value })).toThrow(/which XML 1\.0 forbids/);
    }
    // Tabs, new lines, emoji (a proper surrogate pair) and non-Latin text are fine.
    expect(() => readPublisherConfig({ ...config, descriptions: { "1033": "Tab\tand\nline 😀 مرحبا" } })).not.toThrow();
  });

  test("a manifest resource path that leaves the build folder", () => {
    for (const path of ["../../../package.json", "/etc/passwd", "strings\\..\\..\\..\\secret.resx"]) {
      const dirs = copies();
      const manifest = join(dirs.input, "controls", "LinkedEnvironment", "ControlManifest.xml");
      writeFileSync(manifest, readFileSync(manifest, "utf8").replace('path="bundle.js"', `path="${path}"`));
      expect(() =>
        packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
      ).toThrow(/must be a relative path inside|resolves outside/);
    }
  });

  test("normalises manifest resource paths (backslashes, ./) to the zip's forward slashes", () => {
    const dirs = copies();
    const manifest = join(dirs.input, "controls", "LinkedEnvironment", "ControlManifest.xml");
    writeFileSync(
      manifest,
      readFileSync(manifest, "utf8")
        .replace('path="strings/LinkedEnvironment.1031.resx"', 'path="strings\\LinkedEnvironment.1031.resx"')
        .replace('path="bundle.js"', 'path="./bundle.js"'),
    );
    const result = packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source });
    expect(result.entries).toContain("Controls/fol_FinOpsLink.LinkedEnvironment/strings/LinkedEnvironment.1031.resx");
    expect(result.entries).toContain("Controls/fol_FinOpsLink.LinkedEnvironment/bundle.js");
    expect(result.entries.filter((entry) => entry.includes("\\") || entry.includes("./"))).toEqual([]);
  });

  test("a symbolic link among the build outputs, file or folder", () => {
    const dirs = copies();
    const bundle = join(dirs.input, "controls", "LinkedEnvironment", "bundle.js");
    // Inside the build folder, so only the "no links at all" rule can catch it.
    const elsewhere = join(dirs.input, "controls", "LinkedEnvironment", "real-bundle.js");
    renameSync(bundle, elsewhere);
    symlinkSync(elsewhere, bundle);
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/bundle\.js is a symbolic link/);

    const other = copies();
    const strings = join(other.input, "controls", "LinkedEnvironment", "strings");
    const outside = join(other.input, "..", "outside-strings");
    renameSync(strings, outside);
    symlinkSync(outside, strings);
    expect(() =>
      packSolution({ ...quiet, inputDir: other.input, outputDir: other.output, sourceDir: other.source }),
    ).toThrow(/through a symbolic link/);
  });

  test("a RESX web resource no script declares, or a declared one that is not in the package", () => {
    const dirs = copies();
    const sidecar = join(dirs.source, "WebResources", "fol_", "finopslink", "form.js.data.xml");
    const original = readFileSync(sidecar, "utf8");
    writeFileSync(
      sidecar,
      original.replace(/&lt;Library name=&quot;fol_\/finopslink\/strings\/FormScript\.1031\.resx&quot;[^/]*\/&gt;/, ""),
    );
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/FormScript\.1031\.resx: no script lists it in <DependencyXml>/);
    writeFileSync(sidecar, original.replace(/languagecode=&quot;1031&quot;/, "languagecode=&quot;1036&quot;"));
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/names fol_\/finopslink\/strings\/FormScript\.1031\.resx \(language 1036\), which is not a RESX/);
  });

  test("a RESX web resource whose LanguageCode is not the LCID in its name", () => {
    const dirs = copies();
    const sidecar = join(dirs.source, "WebResources", "fol_", "finopslink", "strings", "FormScript.1041.resx.data.xml");
    writeFileSync(
      sidecar,
      readFileSync(sidecar, "utf8").replace("<LanguageCode>1041</LanguageCode>", "<LanguageCode>1033</LanguageCode>"),
    );
    expect(() =>
      packSolution({ ...quiet, inputDir: dirs.input, outputDir: dirs.output, sourceDir: dirs.source }),
    ).toThrow(/<name>\.<lcid>\.resx with <LanguageCode> that LCID/);
  });
});

describe("the source in solution/src", () => {
  const source = readFileSync(join(repoRoot, "solution", "src", "Other", "Solution.xml"), "utf8");

  test("is the unpacked layout: <Managed>2</Managed>, no built files", () => {
    expect(source).toContain("<Managed>2</Managed>");
    const tracked = spawnSync("git", ["ls-files", "solution/src"], { cwd: repoRoot, encoding: "utf8" }).stdout;
    for (const path of tracked.split("\n").filter(Boolean)) {
      expect(path).toMatch(/^solution\/src\/(Other\/(Solution|Customizations|Relationships)\.xml|.*\.data\.xml)$/);
    }
  });

  test("agrees with package.json and publisher.json, so pac packs what npm run build packs", () => {
    const hint =
      "run `npm run stamp-version` after changing package.json's version, `npm run build:solution -- --sync-source` after changing publisher.json";
    const manifest = parseXml<SolutionDoc>(source).ImportExportXml.SolutionManifest;
    const packed = parseXml<SolutionDoc>(readFileSync(join(binDir, "unpacked", "Other", "Solution.xml"), "utf8"))
      .ImportExportXml.SolutionManifest;
    expect({ version: manifest.Version, publisher: manifest.Publisher, hint }).toEqual({
      version: `${packageVersion}.0`,
      publisher: packed.Publisher,
      hint,
    });
  });
});

test("the unpacked layout for pac has every RESX web resource with the .data.xml SolutionPackager expects", () => {
  const dir = join(binDir, "unpacked", "WebResources", "fol_", "finopslink");
  const files = readdirSync(join(dir, "strings")).sort();
  const lcids = [1025, 1031, 1033, 1036, 1040, 1041, 1043, 1046, 2052, 3082];
  expect(files).toEqual(
    lcids.flatMap((lcid) => [`FormScript.${lcid}.resx`, `FormScript.${lcid}.resx.data.xml`]).sort(),
  );
  for (const lcid of lcids) {
    const sidecar = readFileSync(join(dir, "strings", `FormScript.${lcid}.resx.data.xml`), "utf8");
    expect(sidecar).toContain(`<Name>fol_/finopslink/strings/FormScript.${lcid}.resx</Name>`);
    expect(sidecar).toContain(`<LanguageCode>${lcid}</LanguageCode>`);
    expect(sidecar).toContain("<WebResourceType>12</WebResourceType>");
    expect(readFileSync(join(dir, "strings", `FormScript.${lcid}.resx`), "utf8")).toBe(
      readFileSync(join(repoRoot, "webresources", "strings", `FormScript.${lcid}.resx`), "utf8"),
    );
  }
  expect(readFileSync(join(dir, "form.js.data.xml"), "utf8")).toContain("<DependencyXml>&lt;Dependencies&gt;");
});
