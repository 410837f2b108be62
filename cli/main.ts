import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CommanderError } from "commander";
import pLimit from "p-limit";
import { chooseSignIn } from "./auth/chooseSignIn";
import { SignInFailure } from "./auth/tokenSource";
import { checkCommand, urlNotices } from "./check/command";
import { CLOUDS, isCloudName, type Cloud } from "./clouds";
import type { CommandKit } from "./commandKit";
import { doctorCommand } from "./doctor/command";
import { EXIT, RunFailure, UsageError, oneLine } from "./failures";
import { runNetwork } from "./net/network";
import { importSolution, type ImportReport } from "./import/importSolution";
import { sayWhatGoesOnAfterCtrlC } from "./import/interrupt";
import { readSolutionZip } from "./import/solutionZip";
import { jsonText } from "./output/json";
import { terminalText } from "./output/sanitize";
import { authorityUrl, environmentUrl, nameOf } from "./targets";
import { COMMANDS, program, usage, type CommonOptions, type ImportOptions } from "./program";
import { packagedZip } from "./import/packagedZips";
import { zipsCommand, type ZipsOptions } from "./zips/command";

/** The package (or checkout) root: the built file lives in out/cli/, the source in cli/; package.json is at both. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function cloudOf(options: CommonOptions): Cloud {
  if (!isCloudName(options.cloud)) throw new UsageError(`unknown cloud ${options.cloud}`);
  return CLOUDS[options.cloud];
}

/** stderr, one line: every caller hands server text through terminalText, and this does it once more. */
const say = (line: string) => process.stderr.write(`${terminalText(line)}\n`);

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

async function importCommand(options: ImportOptions): Promise<number> {
  const cloud = cloudOf(options);
  const notice = urlNotices();
  const urls = [...new Set(options.env.map((value) => environmentUrl(value, cloud.dataverseDomain, notice)))];
  if (urls.length === 0) throw new UsageError("say where to import: --env <url> (repeatable)");
  const zip = readSolutionZip(options.zip ?? packagedZip(ROOT, options.unmanaged !== true));
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
  if (options.json === true) process.stdout.write(jsonText({ environments: reports }));
  else
    for (const r of reports)
      process.stdout.write(`${terminalText(r.name)}\t${r.outcome}\t${terminalText(r.message.replace(/^\w+: /, ""))}\n`);
  if (reports.some((r) => r.outcome === "failed")) return EXIT.failed;
  // A refusal, or something left to finish (a publish Dataverse was too busy for): 1, with the command to run.
  return reports.some((r) => r.outcome === "refused" || r.nextStep !== null) ? EXIT.someNotLinked : EXIT.allLinked;
}

function clouds(options: { json?: boolean }): number {
  if (options.json === true) process.stdout.write(jsonText(CLOUDS));
  else
    for (const [name, cloud] of Object.entries(CLOUDS))
      process.stdout.write(
        `${name.padEnd(10)} sign-in ${cloud.authority}  admin API ${cloud.adminApi}  Power Platform API ${cloud.powerPlatformApi}  Dataverse *.${cloud.dataverseDomain}\n`,
      );
  return EXIT.allLinked;
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.allLinked;
  const kit: CommandKit = { cloudOf, connect, version: VERSION };
  const actions = {
    check: (options: Parameters<typeof checkCommand>[0]) => checkCommand(options, kit),
    doctor: (options: Parameters<typeof doctorCommand>[0]) => doctorCommand(options, kit),
    import: importCommand,
    zips: (options: ZipsOptions) => zipsCommand(ROOT, options),
    clouds,
  };
  const root = program(ROOT, actions, (code) => (exitCode = code));
  try {
    await root.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      // No command (or `help <unknown>`): commander has printed the help on stderr; its "(outputHelp)" says nothing.
      if (error.code === "commander.help") return EXIT.usage;
      const command = argv.slice(2).find((a) => (COMMANDS as readonly string[]).includes(a));
      process.stderr.write(`finops-link: ${terminalText(error.message.replace(/^error: /, ""))}\n`);
      process.stderr.write(
        `Usage: ${usage(command)}\nRun finops-link ${command ?? ""} --help for every option.\n`.replace("  ", " "),
      );
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      const command = argv.slice(2).find((a) => (COMMANDS as readonly string[]).includes(a));
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

/** Exits once the output is flushed: idle keep-alive sockets would otherwise hold the process for seconds. */
function exit(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv).then(exit, (error: unknown) => {
  process.stderr.write(`finops-link: ${terminalText(oneLine(error))}\n`);
  exit(EXIT.failed);
});
