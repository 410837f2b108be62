/**
 * The CLI reference cannot fall behind the program: docs/cli.md's option tables are what cli/program.ts defines
 * (scripts/cliReference.ts, `npm run docs:cli`, writes them; `--check` compares).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { CLI_PAGE, ROOT, longOptions, tables } from "../../scripts/cliTables";
import { markdownFiles } from "./markdownLinks";

jest.setTimeout(60_000);

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const check = (page = CLI_PAGE) =>
  spawnSync(TSX, ["scripts/cliReference.ts", "--check", "--page", page], { cwd: ROOT, encoding: "utf8" });

it("docs/cli.md's option tables are exactly what the program defines (npm run docs:cli writes them)", () => {
  const result = check();
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

it("every command has its table, and every option of it is in the page", () => {
  const page = readFileSync(CLI_PAGE, "utf8");
  for (const [name, table] of tables()) {
    const start = page.indexOf(`<!-- cli-reference: ${name} -->`);
    expect(start).toBeGreaterThanOrEqual(0);
    const block = page.slice(start, page.indexOf("<!-- /cli-reference -->", start));
    for (const term of table.matchAll(/^\| `([^`]+)` \|/gm)) expect(block).toContain(`\`${term[1]}\``);
  }
  expect([...tables().keys()]).toEqual(["finops-link", "check", "doctor", "import", "zips", "clouds"]);
});

/**
 * The finops-link command lines the docs show, from their code (fenced blocks and code spans, as markdown-it parses
 * them): each `[$ ][npx ]finops-link <command> ...` line, as "file: line".
 */
function commandLines(): Array<{ file: string; line: string }> {
  const md = new MarkdownIt();
  const found: Array<{ file: string; line: string }> = [];
  for (const file of markdownFiles(ROOT)) {
    const code: string[] = [];
    for (const token of md.parse(readFileSync(join(ROOT, file), "utf8"), {})) {
      if (token.type === "fence" || token.type === "code_block") code.push(...token.content.split("\n"));
      for (const child of token.children ?? []) if (child.type === "code_inline") code.push(child.content);
    }
    for (const line of code)
      if (/^(?:\$ )?(?:npx )?finops-link(?: |$)/.test(line.trim())) found.push({ file, line: line.trim() });
  }
  return found;
}

it("every finops-link command line in the docs uses only options its command defines", () => {
  const options = longOptions();
  const lines = commandLines();
  expect(lines.length).toBeGreaterThan(5);
  const unknown: string[] = [];
  for (const { file, line } of lines) {
    const words = line.replace(/#.*$/, "").split(/\s+/);
    const command = words.find((word) => options.has(word) && word !== "finops-link") ?? "finops-link";
    const known = options.get(command)!;
    for (const word of words.filter((w) => w.startsWith("--")))
      if (!known.has(word.replace(/=.*$/, ""))) unknown.push(`${file}: ${line}: ${word}`);
  }
  expect(unknown).toEqual([]);
});

it("every option docs/cli.md names in a code span of its own is one the program defines", () => {
  const all = new Set([...longOptions().values()].flatMap((set) => [...set]));
  const md = new MarkdownIt();
  const spans = md
    .parse(readFileSync(CLI_PAGE, "utf8"), {})
    .flatMap((token) => token.children ?? [])
    .filter((child) => child.type === "code_inline" && child.content.startsWith("--"))
    .map((child) => child.content.split(/[\s=]/)[0]);
  expect(spans.length).toBeGreaterThan(10);
  expect(spans.filter((flag) => !all.has(flag))).toEqual([]);
});

describe("the check fails", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "finops-cli-ref-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("when an option is missing from its table", () => {
    const page = join(dir, "cli.md");
    const committed = readFileSync(CLI_PAGE, "utf8");
    const broken = committed.replace(/^\| `--timeout <seconds>` .*\n/m, "");
    expect(broken).not.toBe(committed);
    writeFileSync(page, broken);
    const result = check(page);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("run `npm run docs:cli`");
    expect(result.stderr).toContain("--timeout <seconds>");
  });

  it("when a command has no table", () => {
    const page = join(dir, "cli.md");
    writeFileSync(
      page,
      readFileSync(CLI_PAGE, "utf8").replace(/<!-- cli-reference: clouds -->[\s\S]*?<!-- \/cli-reference -->/, ""),
    );
    const result = check(page);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('docs/cli.md has no table for "clouds"');
  });
});
