/**
 * What `npm pack` puts in the finops-link package: exactly what users run (the bin and the bundled CLI with its
 * licences, the library and its declarations, both zips of this version, README, LICENSE, CHANGELOG) and nothing
 * else; a package.json that declares only what the shipped code imports, runs no install script and exports only
 * files the tarball holds.
 */
import { build } from "esbuild";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { ROOT, packList, packageJson, requireBuiltPackage, type PackList } from "./support/packed";

jest.setTimeout(60_000);
requireBuiltPackage();

const { version } = packageJson();
const ALLOWED = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "cli/bin.mjs",
  "out/cli/finops-link.mjs",
  "out/cli/THIRD-PARTY-NOTICES.txt",
  "out/lib/index.mjs",
  "out/lib/index.d.mts",
  `solution/bin/FinOpsLink_${version}.zip`,
  `solution/bin/FinOpsLink_${version}_managed.zip`,
];
/** The shipped files Node or a bundler loads: every import they make must be a built-in or a declared dependency. */
const SHIPPED_CODE = ["cli/bin.mjs", "out/cli/finops-link.mjs", "out/lib/index.mjs"];

let list: PackList;
beforeAll(() => {
  list = packList();
});

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  exports?: Record<string, unknown>;
  files?: string[];
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  sideEffects?: boolean;
  private?: boolean;
  types?: string;
}
const manifest = () => packageJson() as Manifest;

/** Package names the file imports (statically or with a literal import()), Node's built-ins left out. */
async function packagesImportedBy(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, file)],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  const paths = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  return [
    ...new Set(
      paths
        .filter((path) => !path.startsWith("node:") && !builtinModules.includes(path))
        .map((path) => (path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0])),
    ),
  ].sort();
}

it("holds exactly the allowed files: no sources, tests, demo, docs or build tools", () => {
  const paths = list.files.map((file) => file.path).sort();
  expect(paths.filter((path) => !ALLOWED.includes(path))).toEqual([]);
  expect(paths).toEqual([...ALLOWED].sort());
  expect(list.name).toBe("finops-link");
});

it("declares exactly the packages its shipped code imports (none: the CLI is one bundled file), and no peer or optional ones", async () => {
  const imported = (await Promise.all(SHIPPED_CODE.map(packagesImportedBy))).flat();
  expect([...new Set(imported)].sort()).toEqual(Object.keys(manifest().dependencies ?? {}).sort());
  expect(manifest().peerDependencies).toBeUndefined();
  expect(manifest().optionalDependencies).toBeUndefined();
  for (const platformLibrary of ["react", "react-dom", "@fluentui/react-components"])
    expect(Object.keys(manifest().dependencies ?? {})).not.toContain(platformLibrary);
});

it("runs no install script, is publishable, and says which Node it needs", () => {
  const scripts = manifest().scripts ?? {};
  for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(scripts[hook]).toBeUndefined();
  expect(manifest().private).toBeUndefined();
  expect(manifest().engines).toEqual({ node: ">=20" });
  expect(manifest().sideEffects).toBe(false);
});

it("points its bin, exports and types only at files it holds", () => {
  const packed = new Set(list.files.map((file) => file.path));
  const targets: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") targets.push(value);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
  };
  walk(manifest().exports);
  walk(manifest().bin);
  walk(manifest().types);
  expect(targets.length).toBeGreaterThan(3);
  for (const target of targets) expect(packed).toContain(target.replace(/^\.\//, ""));
  expect(Object.keys(manifest().exports ?? {}).sort()).toEqual([".", "./package.json"]);
});

it("the library entry imports nothing at all: no Node module, no React, no package", async () => {
  const result = await build({
    entryPoints: [join(ROOT, "out", "lib", "index.mjs")],
    bundle: true,
    write: false,
    metafile: true,
    platform: "browser",
    format: "esm",
    logLevel: "silent",
  });
  expect(Object.keys(result.metafile.inputs)).toEqual(["out/lib/index.mjs"]);
});
