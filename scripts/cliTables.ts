/**
 * The option tables of docs/cli.md, from the command line's own definitions (cli/program.ts) through commander's
 * Help, so each row is what `finops-link <command> --help` prints. scripts/cliReference.ts writes them into the page.
 */
import { join } from "node:path";
import type { Command } from "commander";
import { program } from "../cli/program";

export const ROOT = join(__dirname, "..");
export const CLI_PAGE = join(ROOT, "docs", "cli.md");

/** `finops-link` with actions that never run: only its definitions are read. */
function definitions(): Command {
  const never = () => {
    throw new Error("the reference never runs a command");
  };
  return program(ROOT, { check: never, doctor: never, import: never, zips: never, clouds: never }, () => undefined);
}

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The table of one command: usage, description, every option (and subcommand) as its --help shows them. */
function table(command: Command): string {
  const help = command.createHelp();
  const lines = [
    `\`${help.commandUsage(command)}\`: ${help.commandDescription(command).replace(/\.$/, "")}.`,
    "",
    "| Option | Meaning |",
    "| --- | --- |",
    ...help
      .visibleOptions(command)
      .map((o) => `| \`${cell(help.optionTerm(o))}\` | ${cell(help.optionDescription(o))} |`),
  ];
  if (help.visibleCommands(command).length > 0) {
    lines.push("", "| Command | What it does |", "| --- | --- |");
    for (const sub of help.visibleCommands(command))
      lines.push(`| \`${cell(help.subcommandTerm(sub))}\` | ${cell(help.subcommandDescription(sub))} |`);
  }
  return lines.join("\n");
}

/** Every command's generated table by name (`finops-link` for the program itself). */
export function tables(): Map<string, string> {
  const root = definitions();
  const result = new Map<string, string>([["finops-link", table(root)]]);
  for (const command of root.commands) result.set(command.name(), table(command));
  return result;
}

/** Every command's long options (`--help` and, for `finops-link` itself, `--version` included), by command name. */
export function longOptions(): Map<string, Set<string>> {
  const root = definitions();
  const longs = (command: Command) =>
    new Set(
      command
        .createHelp()
        .visibleOptions(command)
        .flatMap((option) => (option.long === undefined ? [] : [option.long])),
    );
  const result = new Map<string, Set<string>>([["finops-link", longs(root)]]);
  for (const command of root.commands) result.set(command.name(), longs(command));
  return result;
}
