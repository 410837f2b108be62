import { HOLDING_NAME, SOLUTION_NAME } from "../check/solutionRow";

/**
 * The words and commands of Dataverse's solution life cycle that `import` says (issue 23, kind 4): a staged upgrade
 * never applied, a publish Dataverse was too busy for, an import refused while another runs. Pure.
 */

/** A path or URL as one shell word (POSIX shells and PowerShell both take single quotes; `'` doubled for both). */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

/** `finops-link import --env <url> [--unmanaged] --zip <path>`: running it again finishes what is left. */
export function importCommandFor(url: string, zip: { path: string; managed: boolean }): string {
  return `finops-link import --env ${shellWord(url)}${zip.managed ? "" : " --unmanaged"} --zip ${shellWord(zip.path)}`;
}

/** Removing a staged upgrade: Microsoft's pac CLI, or the maker portal. */
export function removeHoldingCommand(url: string): string {
  return `pac solution delete --solution-name ${HOLDING_NAME} --environment ${shellWord(url)}`;
}

/**
 * A holding solution whose version is not the zip's (or an unmanaged zip): refused, with both ways out. `staged` is
 * the holding solution's version, `zip` the zip's.
 */
export function holdingRefusal(url: string, staged: string | null, zip: { version: string; managed: boolean }): string {
  const version = staged ?? "?";
  const apply =
    staged === null
      ? "apply it (Apply Solution Upgrade on FinOpsLink in make.powerapps.com > Solutions)"
      : `apply it with the managed zip of ${version} (finops-link import --env ${shellWord(url)} --zip FinOpsLink_${version}_managed.zip, or Apply Solution Upgrade on ${SOLUTION_NAME} in make.powerapps.com > Solutions)`;
  return `refused: ${HOLDING_NAME} ${version} is staged in this environment (an upgrade that was never applied) and the zip is ${zip.version} ${zip.managed ? "managed" : "unmanaged"}; Dataverse refuses every import of ${SOLUTION_NAME} until the staged upgrade is applied or removed: ${apply}, or remove it (${removeHoldingCommand(url)}), then run this import again`;
}

/** Dataverse's words for a holding solution in the way (a staged upgrade that appeared after we looked). */
export function saysHoldingExists(text: string): boolean {
  return /Holding solution \S*_Upgrade already exists/i.test(text);
}

/** What a wait says when the token expired during it and could not be renewed (a fixed --access-token). */
export const TOKEN_LAPSED =
  "the access token expired while waiting for the import and could not be renewed (HTTP 401); the import goes on in Dataverse";
