/** @jest-environment node */
/**
 * The real pcf-scripts output (npm run build:control): size budget, platform libraries as externals, registration
 * name, manifest and resx. Builds the control first when out/ has no bundle yet.
 */
import { execSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { LANGUAGES } from "../../core/strings";
import { parseControlManifest } from "../../demo/package/manifest";
import { CONTROL_STRINGS, resxFileName } from "../../scripts/stringSets";
import { withoutPathOnlyLicenseBanner } from "../../scripts/build-control";

const root = resolve(__dirname, "../..");
const outDir = join(root, "out/controls/LinkedEnvironment");
const bundlePath = join(outDir, "bundle.js");

/**
 * 14 KB: 12 KB until issue 23, whose built-in English (the control's, record and result words: about 1,200 B gzip
 * -9, so a host without the resx never shows raw keys), checks of whose answer it is (about 300 B) and the record
 * link's second look after a save (and the link's after the host comes back online) took the bundle from 12,231 B
 * to 13,873 B.
 */
const BUDGET_GZIP_BYTES = 14 * 1024;

beforeAll(() => {
  if (!existsSync(bundlePath)) execSync("npm run build:control", { cwd: root, stdio: "pipe", timeout: 240_000 });
}, 300_000);

describe("the built control", () => {
  it("stays within the size budget (14 KB gzip -9)", () => {
    const bundle = readFileSync(bundlePath);
    expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("points to no licence file it does not ship: webpack's module-path banner is dropped with its pointer", () => {
    expect(readFileSync(bundlePath, "utf8")).not.toContain("LICENSE.txt");
    expect(readdirSync(outDir)).not.toContain("bundle.js.LICENSE.txt");
  });

  it("keeps the pointer and the file when they hold a real licence", () => {
    const pointer = "/*! For license information please see bundle.js.LICENSE.txt */\n";
    const pathBanner =
      "/*!***************!*\\\n  !*** ./pcf/LinkedEnvironment/index.ts + 52 modules ***!\n  \\***************/\n";
    expect(withoutPathOnlyLicenseBanner(`${pointer}var x;`, pathBanner)).toBe("var x;");
    expect(withoutPathOnlyLicenseBanner(`${pointer}var x;`, `/*! @license MIT, Someone */\n${pathBanner}`)).toBe(
      undefined,
    );
    expect(withoutPathOnlyLicenseBanner(`${pointer}var x;`, `${pathBanner}/*! @license MIT */\n`)).toBe(undefined);
    expect(withoutPathOnlyLicenseBanner("var x;", pathBanner)).toBe(undefined);
    expect(withoutPathOnlyLicenseBanner(`${pointer}var x;`, undefined)).toBe(undefined);
  });

  it("takes React and Fluent from the platform instead of bundling them", () => {
    const bundle = readFileSync(bundlePath, "utf8");
    expect(bundle).toContain("Reactv16");
    expect(bundle).toContain("FluentUIReactv940");
    expect(bundle).not.toMatch(/__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED|react\.production\.min/);
    expect(bundle).not.toContain("dangerouslySetInnerHTML");
  });

  it("registers FinOpsLink.LinkedEnvironment, a class with the whole lifecycle", () => {
    const registered: Array<[string, { prototype: Record<string, unknown> }]> = [];
    const window = {
      ComponentFramework: {
        registerControl: (name: string, ctor: { prototype: Record<string, unknown> }) => registered.push([name, ctor]),
      },
    };
    // The platform hands in its React and Fluent under these names; here they are the same packages from node_modules.
    const platform = {
      Reactv16: jest.requireActual<object>("react"),
      FluentUIReactv940: jest.requireActual<object>("@fluentui/react-components"),
    };
    runInNewContext(readFileSync(bundlePath, "utf8"), {
      window,
      ComponentFramework: window.ComponentFramework,
      ...platform,
    });
    expect(registered.map(([name]) => name)).toEqual(["FinOpsLink.LinkedEnvironment"]);
    const prototype = registered[0][1].prototype;
    for (const method of ["init", "updateView", "getOutputs", "destroy"])
      expect(typeof prototype[method]).toBe("function");
  });

  it("ships a manifest with the package version, virtual React + Fluent, and all ten resx files, 1033 last", () => {
    // The demo's reader: the same one that serves the control from the zip.
    const manifest = parseControlManifest(readFileSync(join(outDir, "ControlManifest.xml"), "utf8"));
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(manifest.namespace).toBe("FinOpsLink");
    expect(manifest.version).toBe(version);
    expect(manifest.controlType).toBe("virtual");
    expect(manifest.platformLibraries.map((l) => `${l.name} ${l.version}`).sort()).toEqual([
      "Fluent 9.46.2",
      "React 16.14.0",
    ]);
    const expected = LANGUAGES.map((l) => resxFileName(CONTROL_STRINGS, l.lcid)).sort();
    expect(manifest.resx.map((r) => r.path.replace(/^strings\//, "")).sort()).toEqual(expected);
    expect(manifest.resx.at(-1)?.lcid).toBe(1033);
    expect(readdirSync(join(outDir, "strings")).sort()).toEqual(expected);
  });
});
