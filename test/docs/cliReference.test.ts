/**
 * The CLI reference cannot fall behind the program: docs/cli.md's option tables are what cli/program.ts defines
 * (scripts/cliReference.ts, `npm run docs:cli`, writes them; `--check` compares).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_PAGE, ROOT, tables } from "../../scripts/cliTables";

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
  expect([...tables().keys()]).toEqual(["finops-link", "check", "import", "clouds"]);
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
