/**
 * A fresh project installs the packed tarball and uses the library as a developer would: a control-like module (PCF
 * context.webAPI) and a form-script-like module (Xrm.WebApi) and a Node 20 script (fetch with a bearer token),
 * type-checked against the shipped declarations under TypeScript's node16 and bundler resolution, the browser module
 * bundled with esbuild (its added bytes printed), the Node script run against the emulated Dataverse. The checkout's
 * TypeScript and esbuild do the work (in process); `finops-link` itself resolves only to the consumer's installed copy.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import ts from "typescript";
import { mkdtempSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { EMULATOR_TOKEN } from "../../demo/server/cli";
import { emulatedTenants } from "../cli/support/closeAfterAll";
import { ROOT, npmEnv, packedTarball, requireBuiltPackage, runInstalled } from "./support/packed";

jest.setTimeout(60_000);
requireBuiltPackage();

const TYPE_ROOTS = join(ROOT, "node_modules", "@types");
const tenant = emulatedTenants();
let project: string;

const CONTROL = `import { getIntegrationDetails, pcfWebApi, buildDeepLink, type IntegrationResult } from "finops-link";

/** What a PCF control's updateView would do: ask through context.webAPI, show a link or say why not. */
export async function linkFor(context: ComponentFramework.Context<unknown>): Promise<string> {
  const result: IntegrationResult = await getIntegrationDetails({
    orgUrl: window.location.origin,
    userId: context.userSettings.userId,
    webApi: pcfWebApi(context.webAPI),
    isOffline: () => context.client.isOffline(),
  });
  switch (result.kind) {
    case "linked":
      return buildDeepLink(result.details.url, { cmp: "usmf" }) ?? result.details.url;
    case "notLinked":
      return "not linked";
    case "failed":
      return result.timedOutAfterSeconds === undefined ? "failed" : "timed out";
    default:
      return result.kind;
  }
}
`;

const FORM = `import { getIntegrationDetails } from "finops-link";

/** A form script's onLoad: Xrm.WebApi from the execution context's global context. */
export async function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const global = Xrm.Utility.getGlobalContext();
  const result = await getIntegrationDetails({
    orgUrl: global.getClientUrl(),
    userId: global.userSettings.userId,
    webApi: Xrm.WebApi,
  });
  const form = executionContext.getFormContext();
  if (result.kind === "linked") form.ui.setFormNotification(result.details.url, "INFO", "finops");
}
`;

const LINK_CHECK_ALONE = `import { getIntegrationDetails, pcfWebApi } from "finops-link";
export const check = (context: { userId: string; webAPI: unknown }) =>
  getIntegrationDetails({ orgUrl: location.origin, userId: context.userId, webApi: pcfWebApi(context.webAPI) });
`;

/** The lean link check: one request, no tab cache, no hand-off with other bundles (core/client.ts askIntegrationDetails). */
const LEAN_LINK_CHECK = `import { askIntegrationDetails, pcfWebApi } from "finops-link";
export const check = (context: { webAPI: unknown }) => askIntegrationDetails({ webApi: pcfWebApi(context.webAPI) });
`;

const NODE = `import { bearerFetch, getIntegrationDetails, type IntegrationResult } from "finops-link";

const [orgUrl, token] = process.argv.slice(2);
const result: IntegrationResult = await getIntegrationDetails({
  orgUrl,
  userId: "service",
  storage: null,
  timeoutSeconds: 10,
  fetch: bearerFetch({ orgUrl, token: async () => token }),
});
process.stdout.write(JSON.stringify(result));
`;

function tsconfig(
  resolution: "node16" | "bundler",
  types: string[],
  files: string[],
  skipLibCheck = true,
): { compilerOptions: object; files: string[] } {
  return {
    compilerOptions: {
      module: resolution === "node16" ? "node16" : "esnext",
      moduleResolution: resolution,
      target: "es2022",
      lib: ["es2022", "dom"],
      strict: true,
      noEmit: true,
      skipLibCheck,
      typeRoots: [TYPE_ROOTS],
      types,
    },
    files,
  };
}

beforeAll(() => {
  const { tarball } = packedTarball();
  project = realpathSync(mkdtempSync(join(tmpdir(), "finops-link-consumer-")));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "0.0.0", private: true, type: "module" }),
  );
  execFileSync("npm", ["install", "--cache", join(project, ".npm-cache"), tarball], {
    cwd: project,
    env: npmEnv(),
    stdio: "ignore",
  });
  mkdirSync(join(project, "src"));
  writeFileSync(join(project, "src", "control.ts"), CONTROL);
  writeFileSync(join(project, "src", "form.ts"), FORM);
  writeFileSync(join(project, "src", "linkCheck.ts"), LINK_CHECK_ALONE);
  writeFileSync(join(project, "src", "leanCheck.ts"), LEAN_LINK_CHECK);
  writeFileSync(join(project, "src", "node.mts"), NODE);
});

/** Parsed library and @types files, shared by the programs of this file (parsing them is most of a check's time). */
const parsed = new Map<string, ts.SourceFile>();

/**
 * The checkout's TypeScript compiler, in process, over the consumer's files with `config`: fails the test with the
 * compiler's own words; returns the files the program read. Module resolution starts from the consumer's folder, so
 * `finops-link` resolves to its node_modules only.
 */
function typeCheck(name: string, config: { compilerOptions: object; files: string[] }): string[] {
  writeFileSync(join(project, name), JSON.stringify(config, null, 2));
  const { options, fileNames, errors } = ts.parseJsonConfigFileContent(config, ts.sys, project);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, formatHost));
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (fileName.startsWith(join(project, "src"))) return read(fileName, languageVersion, ...rest);
    const known = parsed.get(key) ?? read(fileName, languageVersion, ...rest);
    if (known !== undefined) parsed.set(key, known);
    return known;
  };
  const program = ts.createProgram(fileNames, options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) throw new Error(`${name}:\n${ts.formatDiagnostics(diagnostics, formatHost)}`);
  return program.getSourceFiles().map((file) => resolve(file.fileName));
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => project,
  getNewLine: () => "\n",
};

it("the shipped declarations type-check on their own: strict, no platform typings, library checks on", () => {
  const files = typeCheck(
    "tsconfig.declarations.json",
    tsconfig("node16", [], ["src/linkCheck.ts", "src/leanCheck.ts"], false),
  );
  expect(files).toContain(join(project, "node_modules", "finops-link", "out", "lib", "index.d.mts"));
});

// The platform typings are large: their own checks are skipped here, the consumer's code is checked in full.
it.each(["node16", "bundler"] as const)(
  "the control-like, form-script-like and Node modules type-check under moduleResolution %s against the installed declarations",
  (resolution) => {
    const files = typeCheck(
      `tsconfig.${resolution}.json`,
      tsconfig(
        resolution,
        ["powerapps-component-framework", "xrm", "node"],
        ["src/control.ts", "src/form.ts", "src/node.mts"],
      ),
    );
    // The installed copy's declarations, and nothing of the checkout's own finops-link.
    expect(files).toContain(join(project, "node_modules", "finops-link", "out", "lib", "index.d.mts"));
    expect(files.filter((file) => file.startsWith(ROOT) && !file.includes("/node_modules/"))).toEqual([]);
  },
);

it("a type error in a consumer is caught (the check above can fail)", () => {
  writeFileSync(
    join(project, "src", "wrong.ts"),
    `import { getIntegrationDetails } from "finops-link";\nexport const x = getIntegrationDetails({ orgUrl: 1 });\n`,
  );
  expect(() => typeCheck("tsconfig.wrong.json", tsconfig("bundler", [], ["src/wrong.ts"]))).toThrow(/TS2\d{3}/);
});

// The lean link check is the goal (4 KB); getIntegrationDetails adds the tab cache and the hand-off between
// bundles (docs/developers.md), about 1.3 KB gzip more.
it.each([
  ["the lean link check (askIntegrationDetails)", "leanCheck", 4 * 1024],
  ["the cached link check (getIntegrationDetails)", "linkCheck", 5 * 1024],
] as const)("bundles for the browser with esbuild: %s, with no React and no Node module", async (what, name, most) => {
  const result = await build({
    entryPoints: [join(project, "src", `${name}.ts`)],
    absWorkingDir: project,
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2020",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toEqual(["node_modules/finops-link/out/lib/index.mjs", `src/${name}.ts`]);
  const bytes = result.outputFiles[0].contents;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  process.stdout.write(`library, ${what}: ${bytes.length} bytes minified, ${gzip} bytes gzip -9\n`);
  expect(gzip).toBeLessThanOrEqual(most);
});

it("the Node script asks the emulated Dataverse with a bearer token and gets its answer", async () => {
  const emulator = await tenant([
    { name: "prod", link: "linked" },
    { name: "test", link: "notLinked" },
  ]);
  await build({
    entryPoints: [join(project, "src", "node.mts")],
    absWorkingDir: project,
    outfile: join(project, "node.mjs"),
    bundle: false, // Node itself resolves "finops-link" from the consumer's node_modules
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  const linked = await runInstalled(process.execPath, ["node.mjs", emulator.envUrl("prod"), EMULATOR_TOKEN], {
    cwd: project,
  });
  expect(linked.stderr).toBe("");
  expect(JSON.parse(linked.stdout)).toMatchObject({
    kind: "linked",
    details: { url: expect.stringMatching(/^https:/) },
  });
  const notLinked = await runInstalled(process.execPath, ["node.mjs", emulator.envUrl("test"), EMULATOR_TOKEN], {
    cwd: project,
  });
  expect(JSON.parse(notLinked.stdout)).toEqual({ kind: "notLinked", fromCache: false });
  const refused = await runInstalled(process.execPath, ["node.mjs", emulator.envUrl("prod"), "not-a-token"], {
    cwd: project,
  });
  expect(JSON.parse(refused.stdout)).toMatchObject({ kind: "unauthorized" });
});
