/**
 * `npm run release`: builds and writes release/<version>/, everything a GitHub release of this version attaches:
 * - FinOpsLink_<version>_managed.zip and FinOpsLink_<version>.zip (solution/bin, from the build);
 * - finops-link-<version>.tgz, the npm package (`npm pack`, the same bytes `npm publish` uploads);
 * - finops-link-<version>.cdx.json, a CycloneDX SBOM of the package (`npm sbom`), with the packages bundled into the
 *   CLI (out/cli/bundled.json, written by build:cli) added as components, since the package declares none;
 * - RELEASE-NOTES.md, CHANGELOG.md's section for the version (scripts/changelog.ts);
 * - SHA256SUMS over all of them (`sha256sum -c SHA256SUMS` checks a download).
 * Two runs give byte-identical files: npm pack and the packer are reproducible, and the SBOM's timestamp is the last
 * commit's time (or SOURCE_DATE_EPOCH), its serial number a UUID made from the tarball's hash, its name the package's.
 * Options: `--no-build` (use the build outputs as they are), `--out <folder>` (instead of release/<version>/).
 * docs/development.md, "Releasing", is the procedure: `npm version <x>`, then `npm run release`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { zipNames } from "../core/zipNames";
import { releaseNotes } from "./changelog";

const root = resolve(__dirname, "..");

interface Manifest {
  name: string;
  version: string;
}

interface BundledPackage {
  name: string;
  version: string;
  license: string;
}

interface CycloneDx {
  serialNumber: string;
  metadata: { timestamp: string; component: Record<string, unknown> & { "bom-ref": string } };
  components: Array<Record<string, unknown>>;
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

function run(command: string, args: string[], quiet = false): string {
  return execFileSync(command, args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", quiet ? "pipe" : "inherit"],
    env: { ...process.env, npm_config_update_notifier: "false" },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A version 4 UUID shaped from a hash: the same package gives the same serial number. */
function uuidFrom(hex: string): string {
  const h = hex.slice(0, 32).split("");
  h[12] = "4";
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** SOURCE_DATE_EPOCH (seconds) when set, else the last commit's time: the same tree gives the same time. */
function releaseTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date(run("git", ["log", "-1", "--format=%cI"], true).trim()).toISOString();
}

/**
 * `npm sbom` of the package (production dependencies only, from the lockfile), made reproducible and complete: the
 * root named and hashed as the tarball, the CLI's bundled packages as components it depends on.
 */
export function sbom(manifest: Manifest, tarballSha256: string, bundled: BundledPackage[], timestamp: string): string {
  const bom = JSON.parse(
    run("npm", ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev", "--package-lock-only"], true),
  ) as CycloneDx;
  bom.serialNumber = `urn:uuid:${uuidFrom(tarballSha256)}`;
  bom.metadata.timestamp = timestamp;
  const rootRef = bom.metadata.component["bom-ref"];
  bom.metadata.component = {
    ...bom.metadata.component,
    name: manifest.name, // npm sbom names the root after the checkout's folder
    hashes: [{ alg: "SHA-256", content: tarballSha256 }],
  };
  const components = bundled.map((p) => ({
    "bom-ref": `${p.name}@${p.version}`,
    type: "library",
    name: p.name,
    version: p.version,
    scope: "required",
    purl: `pkg:npm/${p.name.replace(/^@/, "%40")}@${p.version}`,
    licenses: [{ license: { id: p.license } }],
    properties: [{ name: "finops-link:bundled-in", value: "out/cli/finops-link.mjs" }],
  }));
  bom.components = [...bom.components, ...components];
  bom.dependencies = bom.dependencies.map((d) =>
    d.ref === rootRef ? { ...d, dependsOn: [...d.dependsOn, ...components.map((c) => c["bom-ref"])] } : d,
  );
  return `${JSON.stringify(bom, null, 2)}\n`;
}

export function release(options: { build: boolean; out?: string }): string {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
  const { version } = manifest;
  // Before building: a version without release notes stops here, not after a minute of building.
  const notes = releaseNotes(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version);
  if (options.build) execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  const out = resolve(options.out ?? join(root, "release", version));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const names = zipNames("FinOpsLink", version);
  for (const zip of [names.managed, names.unmanaged]) copyFileSync(join(root, "solution", "bin", zip), join(out, zip));
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", out], true);
  const tarball = `${manifest.name}-${version}.tgz`;
  const bundled = JSON.parse(readFileSync(join(root, "out", "cli", "bundled.json"), "utf8")) as BundledPackage[];
  writeFileSync(
    join(out, `${manifest.name}-${version}.cdx.json`),
    sbom(manifest, sha256(readFileSync(join(out, tarball))), bundled, releaseTime()),
  );
  writeFileSync(
    join(out, "RELEASE-NOTES.md"),
    `# FinOps Link ${version}\n\n` +
      `Admins: import \`${names.managed}\` (Power Apps > Solutions > Import solution), or run ` +
      `\`npx finops-link@${version} check --all\`. Makers and developers: \`${names.unmanaged}\`, and ` +
      `\`npm install finops-link@${version}\` for the library. Check a download with \`sha256sum -c SHA256SUMS\`.\n\n` +
      notes,
  );
  const files = readdirSync(out).sort();
  writeFileSync(
    join(out, "SHA256SUMS"),
    files.map((file) => `${sha256(readFileSync(join(out, file)))}  ${file}\n`).join(""),
  );
  return out;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  try {
    const out = release({ build: !args.includes("--no-build"), out: outAt >= 0 ? args[outAt + 1] : undefined });
    process.stdout.write(`release: wrote ${out}\n${readFileSync(join(out, "SHA256SUMS"), "utf8")}`);
  } catch (error) {
    process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
