/**
 * package.json `version` is the one source of truth. Dataverse wants major.minor.build.revision;
 * x.y.z maps to x.y.z.0 (the revision stays 0: a rebuild of the same release is the same solution).
 */
export interface Versions {
  /** package.json's x.y.z, also the control manifest's version. */
  semver: string;
  /** x.y.z.0 for solution.xml. */
  dataverse: string;
}

const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const maxPart = 2147483647; // Dataverse stores each part as a 32-bit int.

export class VersionError extends Error {}

export function versionsFrom(packageVersion: unknown): Versions {
  if (typeof packageVersion !== "string" || !semverPattern.test(packageVersion)) {
    throw new VersionError(
      `package.json "version" must be plain x.y.z (e.g. 1.2.3) to map to a Dataverse version; got ${JSON.stringify(packageVersion)}`,
    );
  }
  if (packageVersion.split(".").some((part) => Number(part) > maxPart)) {
    throw new VersionError(`package.json "version" ${packageVersion}: each part must be at most ${maxPart}`);
  }
  return { semver: packageVersion, dataverse: `${packageVersion}.0` };
}
