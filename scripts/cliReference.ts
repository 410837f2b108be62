/**
 * `npm run docs:cli`: writes the option tables of docs/cli.md from the command line's own definitions
 * (cli/program.ts, through commander's Help, so each row is what `finops-link <command> --help` prints).
 * Each table sits between `<!-- cli-reference: <command> -->` and `<!-- /cli-reference -->`; the text around them is
 * written by hand. `--check` writes nothing and fails, naming what differs, when the committed page is not what the
 * definitions give, or a command has no table (test/docs/cliReference.test.ts runs it). `--page <path>` works on
 * another copy of the page (the test's broken ones).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { CLI_PAGE, tables } from "./cliTables";

const BLOCK = /<!-- cli-reference: ([a-z-]*) -->\n[\s\S]*?<!-- \/cli-reference -->/g;

/** `page` with every generated block rewritten and formatted as `npm run format` would; throws on a missing block. */
export async function renderCliReference(page: string): Promise<string> {
  const generated = tables();
  const seen = new Set<string>();
  const problems: string[] = [];
  const rewritten = page.replace(BLOCK, (_block, name: string) => {
    seen.add(name);
    const text = generated.get(name);
    if (text === undefined) {
      problems.push(`docs/cli.md has a table for "${name}", which is not a command`);
      return _block;
    }
    return `<!-- cli-reference: ${name} -->\n\n${text}\n\n<!-- /cli-reference -->`;
  });
  for (const name of generated.keys())
    if (!seen.has(name))
      problems.push(
        `docs/cli.md has no table for "${name}": add <!-- cli-reference: ${name} --><!-- /cli-reference -->`,
      );
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const options = (await prettier.resolveConfig(CLI_PAGE)) ?? {};
  return prettier.format(rewritten, { ...options, filepath: CLI_PAGE });
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { check: { type: "boolean", default: false }, page: { type: "string", default: CLI_PAGE } },
  });
  const page = values.page;
  const committed = readFileSync(page, "utf8");
  renderCliReference(committed)
    .then((expected) => {
      if (!values.check) {
        writeFileSync(page, expected, "utf8");
        console.log("docs:cli: wrote the option tables of docs/cli.md");
      } else if (expected !== committed) {
        const a = committed.split("\n");
        const b = expected.split("\n");
        const line = a.findIndex((text, i) => text !== b[i]);
        console.error(
          `docs/cli.md's option tables are not what the command line defines; run \`npm run docs:cli\`.\n` +
            `First difference, line ${line + 1}:\n  committed: ${a[line] ?? "(end of file)"}\n  expected:  ${b[line] ?? "(end of file)"}`,
        );
        process.exitCode = 1;
      } else console.log("docs:cli: docs/cli.md's option tables match the command line");
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
