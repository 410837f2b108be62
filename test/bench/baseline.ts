/**
 * The two bundles' sizes in 1.0.0 (commit 1d9b399, BENCHMARKS.md of that commit; rebuilt from that code and measured
 * again the same way: bytes of the file in the unmanaged zip, and Node's gzip at level 9). `npm run bench` prints the
 * growth since then; raise these only with a release, never to hide growth.
 */
export const BASELINE = {
  version: "1.0.0",
  commit: "1d9b399",
  bundles: [
    {
      label: "control bundle.js",
      file: "Controls/fol_FinOpsLink.LinkedEnvironment/bundle.js",
      raw: 25_984,
      gzip9: 9_210,
    },
    { label: "form script form.js", file: "fol_/finopslink/form.js", raw: 23_435, gzip9: 8_811 },
  ],
} as const;

export interface BundleGrowth {
  label: string;
  raw: number;
  gzip9: number;
  rawGrowth: string;
  gzipGrowth: string;
}

/** "+1,234 B (+4.7 %)", "-12 B (-0.1 %)", "±0 B". */
export function growth(now: number, then: number): string {
  const delta = now - then;
  if (delta === 0) return "±0 B";
  const sign = delta > 0 ? "+" : "-";
  return `${sign}${Math.abs(delta).toLocaleString("en-US")} B (${sign}${((Math.abs(delta) / then) * 100).toFixed(1)} %)`;
}

/**
 * Each baseline bundle's size now (from `sizes`, as test/bench/measure.ts's shippedSizes names them: the control's
 * code file by its path, a web resource as "<name> (<file>)") and its growth since 1.0.0; throws when one is missing.
 */
export function bundleGrowth(sizes: ReadonlyArray<{ name: string; raw: number; gzip9: number }>): BundleGrowth[] {
  return BASELINE.bundles.map((bundle) => {
    const size = sizes.find((s) => s.name === bundle.file || s.name.startsWith(`${bundle.file} (`));
    if (size === undefined) throw new Error(`${bundle.file} is not in the solution`);
    return {
      label: bundle.label,
      raw: size.raw,
      gzip9: size.gzip9,
      rawGrowth: growth(size.raw, bundle.raw),
      gzipGrowth: growth(size.gzip9, bundle.gzip9),
    };
  });
}
