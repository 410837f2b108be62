import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import pLimit from "p-limit";
import { chooseSignIn } from "./auth/chooseSignIn";
import { SignInFailure } from "./auth/tokenSource";
import { checkCommand, urlNotices } from "./check/command";
import { CLOUDS, isCloudName, type Cloud } from "./clouds";
import type { CommandKit, CommonOptions } from "./commandKit";
import { doctorCommand } from "./doctor/command";
import { EXIT, RunFailure, UsageError, oneLine } from "./failures";
import { HttpClient } from "./http";
import { importSolution, type ImportReport } from "./import/importSolution";
import { readSolutionZip } from "./import/solutionZip";
import { terminalText } from "./output/sanitize";
import { environmentUrl, nameOf } from "./targets";
import { zipNames } from "../solution/packer/zipNames";

/** The repository root: the built file lives in out/cli/, the source in cli/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
interface ImportOptions extends CommonOptions {
  zip?: string;
  unmanaged?: boolean;
  poll: number;
}

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

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The commands, for the usage line after a usage error. */
const COMMANDS = ["check", "doctor", "import", "clouds"];

const collect = (value: string, previous: string[]) => [...previous, value];

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
    .option("--client-secret <secret>", "sign in as a service principal (AZURE_CLIENT_SECRET)")
    .option("--token-command <cmd>", "run once per resource, {resource} replaced; prints an access token")
    .option("--access-token <token>", "an access token for every request (FINOPS_ACCESS_TOKEN)")
    .option("--device-code", "sign in interactively with a device code, even without a terminal")
    .option("--token-cache <path>", "the device-code sign-in's cache file (default ~/.finops-link/msal-cache.json)")
    .option("--timeout <seconds>", "per request", positiveSeconds(3600), 30)
    .option("--retries <n>", "retries after 429 (and 503 with Retry-After)", integer(0, 10), 3)
    .option("--concurrency <n>", "environments in flight at once", integer(1, 64), 8)
    .option("--json", "one JSON document on stdout");
}

function cloudOf(options: CommonOptions): Cloud {
  if (!isCloudName(options.cloud)) throw new UsageError(`unknown cloud ${options.cloud}`);
  return CLOUDS[options.cloud];
}

function httpClient(options: CommonOptions): HttpClient {
  return new HttpClient({ timeoutMs: options.timeout * 1000, maxRetries: options.retries, maxRetryWaitMs: 120_000 });
}

function signIn(options: CommonOptions, cloud: Cloud) {
  const authority = options.authority ?? cloud.authority;
  return chooseSignIn({ ...options, authority }, process.env, process.stderr.isTTY === true);
}

function defaultZip(managed: boolean): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const names = zipNames("FinOpsLink", version);
  const path = join(ROOT, "solution", "bin", managed ? names.managed : names.unmanaged);
  if (!existsSync(path)) throw new UsageError(`${path} does not exist: run npm run build, or pass --zip <path>`);
  return path;
}

async function importCommand(options: ImportOptions): Promise<number> {
  const cloud = cloudOf(options);
  const notice = urlNotices();
  const urls = [...new Set(options.env.map((value) => environmentUrl(value, cloud.dataverseDomain, notice)))];
  if (urls.length === 0) throw new UsageError("say where to import: --env <url> (repeatable)");
  const zip = readSolutionZip(options.zip ?? defaultZip(options.unmanaged !== true));
  if (zip.uniqueName !== "FinOpsLink")
    throw new UsageError(`${zip.path} holds the solution ${zip.uniqueName}, not FinOpsLink`);
  if (options.unmanaged === true && zip.managed)
    throw new UsageError(`--unmanaged, but ${zip.path} is a managed solution`);
  const http = httpClient(options);
  const tokens = signIn(options, cloud);
  const limit = pLimit(options.concurrency);
  const say = (line: string) => process.stderr.write(`${terminalText(line)}\n`);
  const reports: ImportReport[] = await Promise.all(
    urls.map((url) =>
      limit(async () => {
        const connection = http.scoped();
        try {
          return await importSolution({ url, name: nameOf(url) }, zip, {
            http: connection,
            tokens,
            pollMs: options.poll * 1000,
            maxWaitMs: 60 * 60_000,
            publishTimeoutMs: Math.max(options.timeout * 1000, 600_000),
            say,
          });
        } finally {
          await connection.close();
        }
      }),
    ),
  );
  if (options.json === true) process.stdout.write(`${JSON.stringify({ environments: reports }, null, 2)}\n`);
  else
    for (const r of reports)
      process.stdout.write(`${terminalText(r.name)}\t${r.outcome}\t${terminalText(r.message.replace(/^\w+: /, ""))}\n`);
  if (reports.some((r) => r.outcome === "failed")) return EXIT.failed;
  return reports.some((r) => r.outcome === "refused") ? EXIT.someNotLinked : EXIT.allLinked;
}

function clouds(options: { json?: boolean }): number {
  if (options.json === true) process.stdout.write(`${JSON.stringify(CLOUDS, null, 2)}\n`);
  else
    for (const [name, cloud] of Object.entries(CLOUDS))
      process.stdout.write(
        `${name.padEnd(10)} sign-in ${cloud.authority}  admin API ${cloud.adminApi}  Dataverse *.${cloud.dataverseDomain}\n`,
      );
  return EXIT.allLinked;
}

function program(setExit: (code: number) => void): Command {
  const root = new Command("finops-link")
    .description("Check the finance and operations link in your Dataverse environments; import FinOps Link.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: () => undefined }); // errors are printed once, below, as one line
  const kit: CommandKit = { withCommonOptions, cloudOf, httpClient, signIn, version: VERSION, setExit };
  checkCommand(root, kit);
  doctorCommand(root, kit);
  withCommonOptions(
    root
      .command("import")
      .description("import (install or upgrade) the FinOps Link solution through the Web API")
      .option("--zip <path>", "the solution zip (default: the managed zip npm run build wrote)")
      .option("--unmanaged", "import the unmanaged zip (then publish all customizations)")
      .option("--poll <seconds>", "how often to ask how the import is going", positiveSeconds(600), 5),
  ).action(async (options: ImportOptions) => setExit(await importCommand(options)));
  root
    .command("clouds")
    .description("the sign-in, admin API and Dataverse defaults of each --cloud")
    .option("--json", "as JSON")
    .action((options: { json?: boolean }) => setExit(clouds(options)));
  return root;
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.allLinked;
  const root = program((code) => (exitCode = code));
  try {
    await root.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      const command = argv.slice(2).find((a) => COMMANDS.includes(a));
      process.stderr.write(`finops-link: ${terminalText(error.message.replace(/^error: /, ""))}\n`);
      process.stderr.write(
        `Usage: ${usage(command)}\nRun finops-link ${command ?? ""} --help for every option.\n`.replace("  ", " "),
      );
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      const command = argv.slice(2).find((a) => COMMANDS.includes(a));
      process.stderr.write(`finops-link: ${terminalText(error.message)}\nUsage: ${usage(command)}\n`);
      return EXIT.usage;
    }
    if (error instanceof RunFailure || error instanceof SignInFailure) {
      process.stderr.write(`finops-link: ${terminalText(error.message)}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`finops-link: ${terminalText(oneLine(error))}\n`);
    return EXIT.failed;
  }
}

function usage(command: string | undefined): string {
  switch (command) {
    case "check":
      return "finops-link check (--env <url>... | --env-file <path> | --all) [--json | --csv | --md] [--html <file>] [sign-in options]";
    case "doctor":
      return "finops-link doctor --env <url> [--json] [sign-in options]";
    case "import":
      return "finops-link import --env <url>... [--zip <path>] [--unmanaged] [sign-in options]";
    default:
      return "finops-link <check|doctor|import|clouds> [options]";
  }
}

/** Exits once the output is flushed: idle keep-alive sockets would otherwise hold the process for seconds. */
function exit(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv).then(exit, (error: unknown) => {
  process.stderr.write(`finops-link: ${terminalText(oneLine(error))}\n`);
  exit(EXIT.failed);
});
