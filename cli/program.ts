import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import type { SignInOptions } from "./auth/chooseSignIn";
import { CLOUDS, type CloudName } from "./clouds";
import { DELIMITERS, type Delimiter } from "./output/csv";
import { ONLY, type Only } from "./output/filter";
import type { Severity } from "./check/findings";
import type { ZipsOptions } from "./zips/command";

/**
 * The command line's definitions: every command and option `finops-link` knows, and nothing that runs them.
 * main.ts hands in the actions; scripts/cliReference.ts (`npm run docs:cli`) writes docs/cli.md's option tables from
 * the same objects, and test/docs/cliReference.test.ts fails when the committed tables differ.
 */

export interface CommonOptions extends Omit<SignInOptions, "authority"> {
  env: string[];
  cloud: CloudName;
  authority?: string;
  timeout: number;
  retries: number;
  concurrency: number;
  json?: boolean;
}

/** The options of the link audit shared by check and doctor: the tenant's capacity and the exit code's threshold. */
export interface AuditOptions {
  powerPlatformApi?: string;
  failOn: Severity;
}

export interface CheckOptions extends CommonOptions, AuditOptions {
  envFile?: string;
  envList?: string;
  all?: boolean;
  adminApi?: string;
  adminCenter: boolean;
  csv?: boolean;
  delimiter: Delimiter;
  md?: boolean;
  html?: string;
  only?: Only;
  name: string[];
  progress?: boolean;
  parts?: boolean;
}

export interface DoctorOptions extends CommonOptions, AuditOptions {
  adminApi?: string;
  adminCenter: boolean;
}

export interface ImportOptions extends CommonOptions {
  zip?: string;
  unmanaged?: boolean;
  update?: boolean;
  poll: number;
  wait: number;
}

/** What each command does once its options are parsed; each resolves to the exit code. */
export interface Actions {
  check(options: CheckOptions): Promise<number>;
  doctor(options: DoctorOptions): Promise<number>;
  import(options: ImportOptions): Promise<number>;
  clouds(options: { json?: boolean }): number;
  zips(options: ZipsOptions): number;
}

/** The commands, for picking the usage line of a failed command line. */
export const COMMANDS = ["check", "doctor", "import", "zips", "clouds"] as const;

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function positiveSeconds(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      throw new InvalidArgumentError(`expected seconds above 0, at most ${max}`);
    return n;
  };
}

function secondsBetween(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${min} to ${max}`);
    return n;
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--power-platform-api` (check and doctor). */
const POWER_PLATFORM_API = [
  "--power-platform-api <url>",
  "the Power Platform API base, for the tenant's capacity (default: the cloud's)",
] as const;

/** `--fail-on` (check and doctor): a new Option each time, commander keeps state in it. */
const failOn = () =>
  new Option("--fail-on <severity>", "the lowest finding severity that makes the exit code 1")
    .choices(["error", "warning", "info"])
    .default("warning");

/** The options every command shares: where, how to sign in, how long to wait. */
function withCommonOptions(command: Command): Command {
  return command
    .option("--env <url>", "a Dataverse environment URL, or its name in the cloud's domain (repeatable)", collect, [])
    .addOption(
      new Option("--cloud <cloud>", "sign-in, admin API and Dataverse defaults")
        .choices(Object.keys(CLOUDS))
        .default("public"),
    )
    .option("--authority <url>", "the sign-in host (default: the cloud's)")
    .option("--tenant <id>", "Microsoft Entra tenant id or domain (AZURE_TENANT_ID)")
    .option(
      "--client-id <id>",
      "app registration (AZURE_CLIENT_ID; device code default: Dataverse's public sample app)",
    )
    .option("--client-secret <secret>", "sign in as a service principal (AZURE_CLIENT_SECRET; others can see argv)")
    .option("--certificate <pem>", "a service principal's certificate and key, PEM (AZURE_CLIENT_CERTIFICATE_PATH)")
    .option(
      "--token-command <cmd>",
      "run once per resource (again only after a 401 says expired), {resource} replaced; prints a token",
    )
    .option("--access-token <token>", "an access token for every request (FINOPS_ACCESS_TOKEN)")
    .option("--device-code", "sign in interactively with a device code, even without a terminal")
    .option("--token-cache <path>", "the device-code sign-in's cache file (default ~/.finops-link/msal-cache.json)")
    .option("--timeout <seconds>", "per request, and per sign-in", positiveSeconds(3600), 30)
    .option(
      "--retries <n>",
      "retries after 429 (and 503 with Retry-After), and of an admin list page that failed",
      integer(0, 10),
      3,
    )
    .option(
      "--concurrency <n>",
      "environments in flight at once (a Retry-After wait frees its slot)",
      integer(1, 64),
      8,
    )
    .option("--json", "one JSON document on stdout");
}

/**
 * `finops-link` with its commands. `root` is the repository root (package.json gives `--version`); `setExit`
 * receives each action's exit code. Commander errors are thrown (exitOverride), never printed by commander.
 */
export function program(root: string, actions: Actions, setExit: (code: number) => void): Command {
  const cli = new Command("finops-link")
    .description("Check the finance and operations link in your Dataverse environments; import FinOps Link.")
    .version((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version)
    .exitOverride()
    .configureOutput({ outputError: () => undefined }); // errors are printed once, by main.ts, as one line
  withCommonOptions(
    cli
      .command("check")
      .description(
        "audit the finance and operations link: Dataverse's answer, the admin center's view, findings with next steps",
      )
      .option("--env-file <path>", "one environment URL per line, # comments")
      .option("--env-list <path>", "the same as --env-file (Node 20 itself reads any --env-file argument)"),
  )
    .option("--all", "every environment the signed-in admin can see (Power Platform admin API)")
    .option("--admin-api <url>", "the admin API base (default: the cloud's)")
    .option("--no-admin-center", "with --env: do not fetch the admin center's view to compare")
    .option("--csv", "CSV on stdout (UTF-8 with a byte order mark, for Excel)")
    .addOption(
      new Option("--delimiter <char>", "with --csv: the field separator (; where Excel's list separator is ;)")
        .choices(Object.keys(DELIMITERS))
        .default(","),
    )
    .option("--md", "a Markdown table and the findings on stdout (for tickets and wikis)")
    .option("--html <file>", "also write a self-contained HTML report, grouped by F&O environment")
    .addOption(new Option("--only <which>", "show only these environments").choices([...ONLY]))
    .option("--name <glob>", "check only environments whose name or URL matches (repeatable)", collect, [])
    .option("--progress", "always show the progress bar on stderr")
    .option("--no-progress", "never show it")
    .option("--parts", "also read each environment's virtual tables, dual-write and content security policy")
    .option(...POWER_PLATFORM_API)
    .addOption(failOn())
    .action(async (options: CheckOptions) => setExit(await actions.check(options)));
  withCommonOptions(
    cli
      .command("doctor")
      .description(
        "one environment in depth for a support ticket: identity, versions, the link's answer, the admin center, forms",
      ),
  )
    .option("--admin-api <url>", "the admin API base (default: the cloud's)")
    .option("--no-admin-center", "do not fetch the admin center's view")
    .option(...POWER_PLATFORM_API)
    .addOption(failOn())
    .action(async (options: DoctorOptions) => setExit(await actions.doctor(options)));
  withCommonOptions(
    cli
      .command("import")
      .description("import (install or upgrade) the FinOps Link solution through the Web API")
      .option("--zip <path>", "the solution zip (default: the managed zip this finops-link ships)")
      .option("--unmanaged", "import the unmanaged zip (then publish all customizations)")
      .option("--update", "managed over an older managed version: update in place instead of stage and upgrade")
      .option("--poll <seconds>", "how often to ask how the import is going (at least 1)", secondsBetween(1, 600), 5)
      .option("--wait <seconds>", "the longest wait for one import to end", secondsBetween(1, 86_400), 3600),
  ).action(async (options: ImportOptions) => setExit(await actions.import(options)));
  cli
    .command("zips")
    .description("write the two solution zips this finops-link ships to a folder, to import by hand or with pac")
    .option("--out <folder>", "the folder to write to (created when missing)", ".")
    .option("--force", "replace a file of the same name with other contents")
    .option("--json", "one JSON document on stdout")
    .action((options: ZipsOptions) => setExit(actions.zips(options)));
  cli
    .command("clouds")
    .description("the sign-in, admin API and Dataverse defaults of each --cloud")
    .option("--json", "as JSON")
    .action((options: { json?: boolean }) => setExit(actions.clouds(options)));
  return cli;
}

/** The one-line usage printed after a usage error, per command. */
export function usage(command: string | undefined): string {
  switch (command) {
    case "check":
      return "finops-link check (--env <url>... | --env-file <path> | --all) [--json | --csv | --md] [--html <file>] [sign-in options]";
    case "doctor":
      return "finops-link doctor --env <url> [--json] [sign-in options]";
    case "import":
      return "finops-link import --env <url>... [--zip <path>] [--unmanaged] [--update] [--wait <s>] [sign-in options]";
    case "zips":
      return "finops-link zips [--out <folder>] [--force] [--json]";
    default:
      return "finops-link <check|doctor|import|zips|clouds> [options]";
  }
}
