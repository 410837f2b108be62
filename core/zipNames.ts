/**
 * The one place the solution zips are named: <UniqueName>_<x.y.z>.zip (unmanaged) and <UniqueName>_<x.y.z>_managed.zip.
 * In core/ because the packer writes these names and the CLI (import's default zip) and the demo read them: a naming
 * rule, not runtime code, so the packer may import it (docs/ARCHITECTURE.md, "What must never be").
 */
export interface ZipNames {
  unmanaged: string;
  managed: string;
}

export function zipNames(uniqueName: string, semver: string): ZipNames {
  return { unmanaged: `${uniqueName}_${semver}.zip`, managed: `${uniqueName}_${semver}_managed.zip` };
}

/** Files the packer wrote for some version (and may therefore replace); nothing else in the folder is its to delete. */
export function isPackerZip(uniqueName: string, fileName: string): boolean {
  const escaped = uniqueName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}_\\d+\\.\\d+\\.\\d+(\\.\\d+)?(_managed)?\\.zip$`).test(fileName);
}
