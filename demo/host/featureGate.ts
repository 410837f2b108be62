import type { FeatureUsage } from "../package/manifest";

/**
 * The PCF runtime's feature gate, as Microsoft's own runtime code applies it (the same code pcf-start runs, in
 * node_modules/pcf-start/harness.js): for a manifest with `api-version` 1.1 or later, every method of `context.webAPI`
 * (feature class "WebAPI") and `context.utils` ("Utility") throws unless the manifest names that class in
 * `<feature-usage><uses-feature name="…" required="true|false"/></feature-usage>` (names compared case-insensitively).
 * The demo supports every method it offers, so a declared feature is left as it is, required or not.
 */

/** What the gate reads from the built manifest. */
export interface DeclaredFeatures {
  /** `api-version` as pcf-scripts writes it into the built manifest (e.g. "1.3.18"); empty when there is none. */
  apiVersion: string;
  featureUsage: FeatureUsage[];
}

/** The runtime's words for a method of an undeclared feature, exactly. */
export function featureNotDeclaredMessage(featureClass: string, method: string): string {
  return `Feature '${featureClass}.${method}' is required to be specified in the <uses-feature> section in ControlManifest.xml before use.`;
}

/** -1, 0 or 1 as `version` is below, at or above `minimum` (major.minor.build, missing parts 0); NaN when unreadable. */
function compareVersions(version: string, minimum: string): number {
  const pattern = /^(\d+)?\.?(\d+)?\.?(\d+)?$/;
  const a = pattern.exec(version);
  const b = pattern.exec(minimum);
  if (!a || !b) return Number.NaN;
  for (let i = 1; i < 4; i += 1) {
    const difference = (Number.parseInt(a[i] ?? "0", 10) || 0) - (Number.parseInt(b[i] ?? "0", 10) || 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Replaces, in place, every method of `api` (a context part of feature class `featureClass`) with one that throws the
 * runtime's message when the manifest does not declare that class. Returns `api` for chaining.
 */
export function gateFeature<T extends object>(api: T, featureClass: string, declared: DeclaredFeatures): T {
  if (!declared.apiVersion || !(compareVersions(declared.apiVersion, "1.1") >= 0)) return api;
  const wanted = featureClass.toLowerCase();
  if (declared.featureUsage.some((feature) => feature.name.toLowerCase() === wanted)) return api;
  const methods = api as Record<string, unknown>;
  for (const method of Object.keys(methods)) {
    if (typeof methods[method] !== "function" || method.startsWith("_")) continue;
    methods[method] = () => {
      throw new Error(featureNotDeclaredMessage(featureClass, method));
    };
  }
  return api;
}
