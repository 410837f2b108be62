/**
 * The demo's PCF context gates `webAPI` and `utils` on the BUILT manifest's `<uses-feature>` exactly as Microsoft's
 * runtime does (the code pcf-start runs), so a manifest that forgets a feature fails in our own demo and browser tests
 * the way it fails in the harness and in model-driven apps.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { webLightTheme } from "@fluentui/react-components";
import { unmanagedZipPath } from "../../demo/build/ensureBuilt";
import { readSolution } from "../../demo/package/readSolution";
import type { ControlManifest } from "../../demo/package/manifest";
import { buildDemoConfig, parsePageQuery } from "../../demo/server/pageConfig";
import { createPcfContext } from "../../demo/host/pcfContext";
import { featureNotDeclaredMessage, gateFeature, type DeclaredFeatures } from "../../demo/host/featureGate";
import { ROOT } from "./support/demo";

/** The ControlManifest.xml the unmanaged zip ships (pcf-scripts' build output, as packed). */
function shippedManifest(): ControlManifest {
  const solution = readSolution(unmanagedZipPath(ROOT));
  const control = solution.controls.find((c) => c.manifest.constructorName === "LinkedEnvironment");
  if (!control) throw new Error("no LinkedEnvironment control in the zip");
  return control.manifest;
}

/** The demo context for the shipped control, with `features` as given (default: the built manifest's). */
function contextWith(features?: DeclaredFeatures) {
  const config = buildDemoConfig(
    parsePageQuery(new URLSearchParams("controls=1")),
    readSolution(unmanagedZipPath(ROOT)),
    [],
  );
  const control = config.control;
  if (!control) throw new Error("the demo config has no control");
  const execute = jest.fn(async () => new Response("{}"));
  const context = createPcfContext({
    config,
    instance: control.instances[0],
    properties: control.properties,
    features: features ?? control.features,
    strings: control.strings,
    theme: webLightTheme,
    boundValue: null,
    openUrl: () => undefined,
    requestRender: () => undefined,
    execute,
    records: {
      retrieveRecord: jest.fn(async () => ({})),
      retrieveMultipleRecords: jest.fn(async () => ({ entities: [] })),
      getEntityMetadata: jest.fn(async () => ({ EntitySetName: "accounts" })),
    },
    row: config.record.row,
  });
  return { context, execute };
}

test("the message is the runtime's own, word for word (node_modules/pcf-start/harness.js)", () => {
  const harness = readFileSync(join(ROOT, "node_modules", "pcf-start", "harness.js"), "utf8");
  const template =
    /`Feature '\$\{[^}]+\}\.\$\{[^}]+\}' is required to be specified in the <uses-feature> section[^`]*`/.exec(harness);
  expect(template).not.toBeNull();
  const words = (template?.[0] ?? "").slice(1, -1).replace(/\$\{[^}]+\}\.\$\{[^}]+\}/, "WebAPI.execute");
  expect(featureNotDeclaredMessage("WebAPI", "execute")).toBe(words);
});

test("the built manifest declares WebAPI and Utility, both optional (the control works without them)", () => {
  const manifest = shippedManifest();
  expect(manifest.apiVersion).toMatch(/^\d+\.\d+/);
  expect(manifest.featureUsage).toEqual([
    { name: "WebAPI", required: false },
    { name: "Utility", required: false },
  ]);
});

test("so the demo context built from it lets webAPI.execute and utils through", async () => {
  const { context, execute } = contextWith();
  const webAPI = context.webAPI as unknown as { execute(request: object): Promise<Response> };
  await expect(webAPI.execute({})).resolves.toBeInstanceOf(Response);
  expect(execute).toHaveBeenCalledTimes(1);
  await expect(context.utils.getEntityMetadata("account")).resolves.toEqual({ EntitySetName: "accounts" });
});

test("without <feature-usage> every webAPI and utils method throws the runtime's message", () => {
  const { context, execute } = contextWith({ apiVersion: "1.3.18", featureUsage: [] });
  const webAPI = context.webAPI as unknown as Record<string, () => unknown>;
  for (const method of ["execute", "retrieveRecord", "retrieveMultipleRecords", "createRecord"]) {
    expect(() => webAPI[method]()).toThrow(new Error(featureNotDeclaredMessage("WebAPI", method)));
  }
  const utils = context.utils as unknown as Record<string, () => unknown>;
  for (const method of ["getEntityMetadata", "hasEntityPrivilege", "lookupObjects"]) {
    expect(() => utils[method]()).toThrow(new Error(featureNotDeclaredMessage("Utility", method)));
  }
  expect(execute).not.toHaveBeenCalled();
});

test("as the runtime: names compare case-insensitively, required or not; before api-version 1.1 nothing is gated", () => {
  const api = () => ({ execute: () => "ran", _internal: () => "kept" });
  expect(
    gateFeature(api(), "WebAPI", {
      apiVersion: "1.3.18",
      featureUsage: [{ name: "webapi", required: true }],
    }).execute(),
  ).toBe("ran");
  expect(gateFeature(api(), "WebAPI", { apiVersion: "1.0", featureUsage: [] }).execute()).toBe("ran");
  expect(gateFeature(api(), "WebAPI", { apiVersion: "", featureUsage: [] }).execute()).toBe("ran");
  const gated = gateFeature(api(), "WebAPI", {
    apiVersion: "1.1",
    featureUsage: [{ name: "Utility", required: false }],
  });
  expect(() => gated.execute()).toThrow("Feature 'WebAPI.execute' is required");
  expect(gated._internal()).toBe("kept");
});
