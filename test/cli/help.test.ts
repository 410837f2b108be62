/**
 * The command reference against the real program: every option the built `finops-link <command> --help` prints is in
 * that command's table of docs/cli.md (test/docs/cliReference.test.ts compares the whole tables with the definitions).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { requireBuiltCli, ROOT, runCli } from "./support/cli";

requireBuiltCli();

const PAGE = readFileSync(join(ROOT, "docs", "cli.md"), "utf8");

function table(name: string): string {
  const start = PAGE.indexOf(`<!-- cli-reference: ${name} -->`);
  if (start < 0) throw new Error(`docs/cli.md has no table for ${name}: run npm run docs:cli`);
  return PAGE.slice(start, PAGE.indexOf("<!-- /cli-reference -->", start));
}

it.each([
  ["finops-link", []],
  ["check", ["check"]],
  ["import", ["import"]],
  ["clouds", ["clouds"]],
])("every option of `%s --help` is in docs/cli.md", async (name, args) => {
  const run = await runCli([...args, "--help"]);
  expect(run.code).toBe(0);
  // commander lists one option per line, indented: "  -V, --version   output the version number".
  const flags = run.stdout
    .split("\n")
    .filter((line) => /^ {2}-/.test(line))
    .map((line) => line.trim().split(/\s{2,}/)[0]);
  expect(flags.length).toBeGreaterThan(1);
  const documented = table(name);
  for (const flag of flags) expect(documented).toContain(`\`${flag}\``);
});

// A new user's first try: no command at all (or `help` with an unknown one) shows the help and the usage code, never
// commander's internal "(outputHelp)".
it.each([[[]], [["help", "bogus"]]])("finops-link %j shows the help on stderr and exits 64", async (args) => {
  const run = await runCli(args);
  expect(run.code).toBe(64);
  expect(run.stderr).toContain("Usage: finops-link");
  expect(run.stderr).toContain("Commands:");
  expect(run.stderr).not.toContain("outputHelp");
});
