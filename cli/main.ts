import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import pLimit from "p-limit";
import { chooseSignIn, type SignInOptions } from "./auth/chooseSignIn";
import { SignInFailure } from "./auth/tokenSource";
import { exitCodeFor, summarise, type CheckDocument } from "./check/report";
import { runCheck, type Targets } from "./check/runCheck";
import { CLOUDS, isCloudName, type Cloud, type CloudName } from "./clouds";
import { EXIT, RunFailure, UsageError, oneLine } from "./failures";
import { runNetwork } from "./net/network";
import { terminalText } from "./output/sanitize";
import { importSolution, type ImportReport } from "./import/importSolution";
import { sayWhatGoesOnAfterCtrlC } from "./import/interrupt";
import { readSolutionZip } from "./import/solutionZip";
import { renderCsv } from "./output/csv";
import { progressBar } from "./output/progress";
import { renderTable } from "./output/table";
import { authorityUrl, environmentUrl, nameOf, readEnvFile } from "./targets";
import { zipNames } from "../solution/packer/zipNames";

/** The repository root: the built file lives in out/cli/, the source in cli/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** "A few" environments: above this the check shows a progress bar on a terminal. */
const PROGRESS_ABOVE = 3;

interface CommonOptions extends Omit<SignInOptions, "authority"> {
  env: string[];
  cloud: CloudName;
  authority?: string;
  timeout: number;
  retries: number;
  concurrency: number;
  json?: boolean;
}

interface CheckOptions extends CommonOptions {
  envFile?: string;
  envList?: string;
  all?: boolean;
  adminApi?: string;
  csv?: boolean;
  progress?: boolean;
}

interface ImportOptions extends CommonOptions {
  zip?: string;
  unmanaged?: boolean;
  update?: boolean;
  poll: number;
  wait: number;
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

function secondsBetween(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${min} to ${max}`);
    return n;
  };
}

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
    .option("--client-secret <secret>", "sign in as a service principal (AZURE_CLIENT_SECRET; others can see argv)")
    .option("--certificate <pem>", "a service principal's certificate and key, PEM (AZURE_CLIENT_CERTIFICATE_PATH)")
    .option(
      "--token-command <cmd>",
      "run per resource (again before its token expires), {resource} replaced; prints a token",
    )
    .option("--access-token <token>", "an access token for every request (FINOPS_ACCESS_TOKEN)")
    .option("--device-code", "sign in interactively with a device code, even without a terminal")
    .option("--token-cache <path>", "the device-code sign-in's cache file (default ~/.finops-link/msal-cache.json)")
    .option("--timeout <seconds>", "per request, and per sign-in", positiveSeconds(3600), 30)
    .option("--retries <n>", "retries after 429 (and 503 with Retry-After)", integer(0, 10), 3)
    .option("--concurrency <n>", "environments in flight at once", integer(1, 64), 8)
    .option("--json", "one JSON document on stdout");
}

function cloudOf(options: CommonOptions): Cloud {
  if (!isCloudName(options.cloud)) throw new UsageError(`unknown cloud ${options.cloud}`);
  return CLOUDS[options.cloud];
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The run's HttpClient and its sign-in, both through the proxy the environment names (cli/net/network.ts). */
function connect(options: CommonOptions, cloud: Cloud) {
  const authority = options.authority ?? cloud.authority;
  authorityUrl(authority);
  const timeoutMs = options.timeout * 1000;
  const { http, signInDispatcher } = runNetwork(process.env, { timeoutMs, retries: options.retries }, say);
  const tokens = chooseSignIn({ ...options, authority }, process.env, process.stderr.isTTY === true, {
    timeoutMs,
    dispatcher: signInDispatcher,
    say,
  });
  return { http, tokens };
}

async function check(options: CheckOptions): Promise<number> {
  const cloud = cloudOf(options);
  if (options.json === true && options.csv === true) throw new UsageError("choose one of --json and --csv");
  const urls = options.env.map((value) => environmentUrl(value, cloud.dataverseDomain));
  for (const file of [options.envFile, options.envList])
    if (file !== undefined) urls.push(...readEnvFile(file, cloud.dataverseDomain));
  if (options.all === true && urls.length > 0)
    throw new UsageError("--all checks every environment: leave out --env and --env-file");
  if (options.all !== true && urls.length === 0)
    throw new UsageError("say which environments: --env <url>, --env-file <path> (or --env-list <path>) or --all");
  let targets: Targets;
  if (options.all === true) {
    const adminApi = options.adminApi ?? cloud.adminApi;
    environmentUrl(adminApi, cloud.dataverseDomain); // the same https-or-loopback rule as Dataverse URLs
    targets = { kind: "all", adminApi, adminResource: cloud.adminResource, dataverseDomain: cloud.dataverseDomain };
  } else {
    targets = { kind: "urls", urls: [...new Set(urls)] };
  }
  const { http, tokens } = connect(options, cloud);
  const machineOutput = options.json === true || options.csv === true;
  const { environments, listingIncomplete } = await runCheck(targets, {
    http,
    tokens,
    concurrency: options.concurrency,
    progress: (total) =>
      progressBar(total, options.progress ?? (process.stderr.isTTY === true && total > PROGRESS_ABOVE)),
  });
  const document: CheckDocument = {
    environments,
    ...(targets.kind === "all"
      ? { listing: { complete: listingIncomplete === undefined, error: listingIncomplete ?? null } }
      : {}),
    summary: summarise(environments, http.retried),
  };
  if (options.json === true) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else if (options.csv === true) process.stdout.write(renderCsv(document));
  else process.stdout.write(renderTable(document));
  if (!machineOutput && environments.some((e) => e.state === "unauthorized"))
    process.stderr.write(
      "Some environments refused the sign-in: the token may have expired or be for another tenant.\n",
    );
  if (listingIncomplete !== undefined) {
    say(
      `finops-link: the environment list is incomplete: ${terminalText(listingIncomplete)}; the ${environments.length} listed were checked`,
    );
    return EXIT.failed;
  }
  return exitCodeFor(environments);
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
  const urls = [...new Set(options.env.map((value) => environmentUrl(value, cloud.dataverseDomain)))];
  if (urls.length === 0) throw new UsageError("say where to import: --env <url> (repeatable)");
  const zip = readSolutionZip(options.zip ?? defaultZip(options.unmanaged !== true));
  if (zip.uniqueName !== "FinOpsLink")
    throw new UsageError(`${zip.path} holds the solution ${zip.uniqueName}, not FinOpsLink`);
  if (options.unmanaged === true && zip.managed)
    throw new UsageError(`--unmanaged, but ${zip.path} is a managed solution`);
  const { http, tokens } = connect(options, cloud);
  const limit = pLimit(options.concurrency);
  const running = new Map<string, string | undefined>();
  const stopHandling = sayWhatGoesOnAfterCtrlC(running, (line) => say(terminalText(line)), exit);
  const reports: ImportReport[] = await Promise.all(
    urls.map((url) =>
      limit(async () => {
        const connection = http.scoped();
        const name = nameOf(url);
        running.set(name, undefined);
        try {
          return await importSolution({ url, name }, zip, {
            http: connection,
            tokens,
            stageAndUpgrade: options.update !== true,
            started: (what) => running.set(name, what),
            pollMs: options.poll * 1000,
            maxWaitMs: options.wait * 1000,
            publishTimeoutMs: Math.max(options.timeout * 1000, 600_000),
            say: (line) => say(terminalText(line)),
          });
        } finally {
          running.delete(name);
          await connection.close();
        }
      }),
    ),
  );
  stopHandling();
  if (options.json === true) process.stdout.write(`${JSON.stringify({ environments: reports }, null, 2)}\n`);
  else
    for (const r of reports)
      process.stdout.write(`${r.name}\t${r.outcome}\t${terminalText(r.message.replace(/^\w+: /, ""))}\n`);
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
    .version((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version)
    .exitOverride()
    .configureOutput({ outputError: () => undefined }); // errors are printed once, below, as one line
  withCommonOptions(
    root
      .command("check")
      .description(
        "which environments are linked to which finance and operations environment, and FinOps Link's version",
      )
      .option("--env-file <path>", "one environment URL per line, # comments")
      .option("--env-list <path>", "the same as --env-file (Node 20 itself reads any --env-file argument)"),
  )
    .option("--all", "every environment the signed-in admin can see (Power Platform admin API)")
    .option("--admin-api <url>", "the admin API base (default: the cloud's)")
    .option("--csv", "CSV on stdout")
    .option("--progress", "always show the progress bar on stderr")
    .option("--no-progress", "never show it")
    .action(async (options: CheckOptions) => setExit(await check(options)));
  withCommonOptions(
    root
      .command("import")
      .description("import (install or upgrade) the FinOps Link solution through the Web API")
      .option("--zip <path>", "the solution zip (default: the managed zip npm run build wrote)")
      .option("--unmanaged", "import the unmanaged zip (then publish all customizations)")
      .option("--update", "managed over an older managed version: update in place instead of stage and upgrade")
      .option("--poll <seconds>", "how often to ask how the import is going (at least 1)", secondsBetween(1, 600), 5)
      .option("--wait <seconds>", "the longest wait for one import to end", secondsBetween(1, 86_400), 3600),
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
      const command = argv.slice(2).find((a) => ["check", "import", "clouds"].includes(a));
      process.stderr.write(`finops-link: ${error.message.replace(/^error: /, "")}\n`);
      process.stderr.write(
        `Usage: ${usage(command)}\nRun finops-link ${command ?? ""} --help for every option.\n`.replace("  ", " "),
      );
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      const command = argv.slice(2).find((a) => ["check", "import", "clouds"].includes(a));
      process.stderr.write(`finops-link: ${error.message}\nUsage: ${usage(command)}\n`);
      return EXIT.usage;
    }
    if (error instanceof RunFailure || error instanceof SignInFailure) {
      process.stderr.write(`finops-link: ${error.message}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`finops-link: ${oneLine(error)}\n`);
    return EXIT.failed;
  }
}

function usage(command: string | undefined): string {
  switch (command) {
    case "check":
      return "finops-link check (--env <url>... | --env-file <path> | --all) [--json | --csv] [sign-in options]";
    case "import":
      return "finops-link import --env <url>... [--zip <path>] [--unmanaged] [--update] [--wait <s>] [sign-in options]";
    default:
      return "finops-link <check|import|clouds> [options]";
  }
}

/** Exits once the output is flushed: idle keep-alive sockets would otherwise hold the process for seconds. */
function exit(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv).then(exit, (error: unknown) => {
  process.stderr.write(`finops-link: ${oneLine(error)}\n`);
  exit(EXIT.failed);
});
