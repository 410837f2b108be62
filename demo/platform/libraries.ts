import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build, type Plugin } from "esbuild";

/** The scripts a model-driven app loads before a control that declares React 16.14.0 and Fluent 9.46.2. */
export interface PlatformLibraries {
  react: string;
  reactDom: string;
  fluent: string;
  fluentVersion: string;
}

function packageVersion(root: string, name: string): string {
  const pkg = JSON.parse(readFileSync(fromRoot(root).resolve(`${name}/package.json`), "utf8")) as { version: string };
  return pkg.version;
}

/** Resolves packages from the repository root, wherever the process was started. */
function fromRoot(root: string): NodeJS.Require {
  return createRequire(join(root, "package.json"));
}

/** `react` and `react-dom` inside the Fluent bundle resolve to the platform's globals, as the real platform shares one React. */
const platformGlobals: Plugin = {
  name: "platform-globals",
  setup(b) {
    b.onResolve({ filter: /^(react|react-dom)$/ }, (args) => ({ path: args.path, namespace: "platform-global" }));
    b.onLoad({ filter: /.*/, namespace: "platform-global" }, (args) => ({
      contents: `module.exports = globalThis.${args.path === "react" ? "Reactv16" : "ReactDOMv16"};`,
      loader: "js",
    }));
  },
};

/**
 * Fluent UI v9 ships no UMD build, so the host bundles @fluentui/react-components into an IIFE that defines
 * `FluentUIReactv940` (the alias pcf-scripts emits). Built once per Fluent version and cached under out/demo/.
 */
async function fluentBundle(root: string, cacheDir: string, version: string): Promise<string> {
  const file = join(cacheDir, `fluent-${version}.js`);
  if (existsSync(file)) return readFileSync(file, "utf8");
  const result = await build({
    stdin: { contents: 'export * from "@fluentui/react-components";', resolveDir: root, loader: "js" },
    bundle: true,
    format: "iife",
    globalName: "FluentUIReactv940",
    minify: true,
    write: false,
    platform: "browser",
    target: "es2020",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [platformGlobals],
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  mkdirSync(dirname(file), { recursive: true });
  // Written aside then renamed: parallel test workers may build it at once, and none may read half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
  return code;
}

/** React's UMD defines `React` / `ReactDOM`; the platform exposes them only as `Reactv16` / `ReactDOMv16`. */
function aliased(root: string, umdFile: string, from: string, to: string): string {
  return `${readFileSync(fromRoot(root).resolve(umdFile), "utf8")}\n;window.${to} = window.${from};\n`;
}

export async function loadPlatformLibraries(root: string, cacheDir: string): Promise<PlatformLibraries> {
  const fluentVersion = packageVersion(root, "@fluentui/react-components");
  return {
    react: aliased(root, "react/umd/react.production.min.js", "React", "Reactv16"),
    // The UMD globals are removed once aliased, so a control that reaches for `React` itself fails here as it would in Dataverse.
    reactDom: `${aliased(root, "react-dom/umd/react-dom.production.min.js", "ReactDOM", "ReactDOMv16")}delete window.React; delete window.ReactDOM;\n`,
    fluent: await fluentBundle(root, cacheDir, fluentVersion),
    fluentVersion,
  };
}
