/**
 * What reaches the terminal (issue 18): display names and error texts are server strings anyone with admin rights in
 * an environment can set. Carriage returns, ANSI and OSC sequences (colour, clear screen, OSC 8 links), tabs and
 * newlines must never forge a line or reach the terminal in any human output mode; `--json` stays data. The built
 * program in a child process against the emulated tenant (and one hostile admin API) on 127.0.0.1.
 */
/* eslint-disable no-control-regex -- these tests look for control characters in the output */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import type { EnvironmentSpec } from "../../demo/emulator/environments";
import { EMULATOR_TOKEN, startCliEmulator, type CliEmulator } from "../../demo/server/cli";
import { expectOneClearLine, requireBuiltCli, runCli } from "./support/cli";

jest.setTimeout(60_000);
requireBuiltCli();

/** A display name that clears the screen, hides a link to another site, and forges a second row. */
const NAME =
  "evil\r\u001b[2J\u001b[H\u001b]8;;https://evil.example/\u0007click here\u001b]8;;\u0007\tlinked\u202e\nforged-env  linked  forged.operations.dynamics.com";
const NAME_SHOWN = "evil click here linked forged-env  linked  forged.operations.dynamics.com";
/** A server error text that forges a row in green, retitles the window and reverses what follows. */
const ERROR =
  "Denied.\r\n\u001b[32mrestricted-2  linked  ok.operations.dynamics.com\u001b[0m\u001b]0;pwned\u001b\\\u202etxt";
// (core also folds runs of spaces into one.)
const ERROR_SHOWN = "Denied. restricted-2 linked ok.operations.dynamics.comtxt";
/** Any control character (LF aside, which ends our own lines), DEL, C1, or a bidi override/isolate. */
/** A first line that clears the screen, hides a link and returns the cursor to write over the line. */
const HEADLINE = "\u001b[2J\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007\rfinops-link: all fine";
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const SPECS: EnvironmentSpec[] = [
  { name: "plain", link: "linked", solution: { version: "1.0.0.0", managed: true } },
  { name: "hostile", displayName: NAME, link: "linked", solution: null },
  { name: "refusing", displayName: "refusing", link: "forbidden", errorMessage: ERROR },
  {
    name: "polluting",
    link: "linked",
    // JSON.parse makes __proto__ an own key, as a server's JSON answer does.
    finOps: JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"Nested":{"__proto__":1}}',
    ) as {
      Url?: string;
    },
  },
];

const emulators: CliEmulator[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});
let emulator: CliEmulator;
beforeAll(async () => {
  emulator = await startCliEmulator({ environments: SPECS });
  emulators.push(emulator);
});
const ALL = () => ["check", "--all", "--admin-api", emulator.adminApi, "--access-token", EMULATOR_TOKEN];

describe("check: one line per environment, no escape, in every human output mode", () => {
  it("the table", async () => {
    const run = await runCli(ALL());
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(CONTROL);
    const lines = run.stdout.split("\n");
    const rows = lines.slice(1, lines.indexOf(""));
    expect(rows).toHaveLength(SPECS.length);
    expect(rows[1].startsWith(NAME_SHOWN)).toBe(true);
    expect(run.stdout).not.toContain("evil.example");
    expect(run.stdout).toContain(`\n  refusing: ${ERROR_SHOWN}\n`);
    expect(lines.filter((l) => /^(forged-env|restricted-2) /.test(l))).toEqual([]);
  });

  it("--csv", async () => {
    const run = await runCli([...ALL(), "--csv"]);
    expect(run.stdout.replace(/\r\n/g, "\n")).not.toMatch(CONTROL); // CRLF ends CSV lines
    const lines = run.stdout.split("\r\n");
    expect(lines).toHaveLength(1 + SPECS.length + 1); // header, one line each, the final CRLF
    expect(lines[2]).toMatch(new RegExp(`^${NAME_SHOWN},`));
    expect(lines[3]).toContain(`,${ERROR_SHOWN},`);
  });

  it("--md: one table row each, the table's | escaped", async () => {
    const piped = await startCliEmulator({
      environments: [{ name: "p", displayName: "a | b\n| c | d |", link: "linked" }],
    });
    emulators.push(piped);
    const run = await runCli([
      "check",
      "--all",
      "--admin-api",
      piped.adminApi,
      "--access-token",
      EMULATOR_TOKEN,
      "--md",
    ]);
    expect(run.stdout).not.toMatch(CONTROL);
    const rows = run.stdout.split("\n").filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(3);
    expect(rows[2].startsWith("| a \\| b \\| c \\| d \\| ")).toBe(true);
    const hostile = await runCli([...ALL(), "--md"]);
    expect(hostile.stdout).not.toMatch(CONTROL);
    expect(hostile.stdout.split("\n").filter((l) => l.startsWith("| "))).toHaveLength(2 + SPECS.length);
  });

  it("the progress line on stderr", async () => {
    // In a pipe the bar prints a line a second: the hostile environment is done, a slow one keeps the bar alive.
    const slow = await startCliEmulator({
      environments: [
        { name: "hostile", displayName: NAME, link: "linked" },
        { name: "slow", link: "linked", delayMs: 1500 },
      ],
    });
    emulators.push(slow);
    const run = await runCli([
      ...["check", "--all", "--admin-api", slow.adminApi, "--access-token", EMULATOR_TOKEN],
      ...["--json", "--progress", "--concurrency", "2"],
    ]);
    expect(run.stderr).toContain(`checking [`);
    expect(run.stderr).toContain(NAME_SHOWN); // the name was shown, as plain text
    expect(run.stderr).not.toContain("evil.example");
    expect(run.stderr).not.toMatch(/\u001b\[2J|\u001b\]|\u202e|\r(?!\n)/);
  });

  it("--json stays data: the names as given, no __proto__ or constructor key anywhere", async () => {
    const run = await runCli([...ALL(), "--json"]);
    const document = JSON.parse(run.stdout) as {
      environments: Array<{ name: string; error: { message: string } | null }>;
    };
    expect(document.environments[1].name).toBe(NAME);
    expect(run.stdout).not.toMatch(/"__proto__"|"constructor"|"prototype"/);
    expect(run.stdout).toContain('"Nested": {}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a hostile error text on stderr stays one finops-link: line", async () => {
    const server = createServer((_, response) => {
      response.writeHead(500, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: { code: "X", message: `boom${HEADLINE}` } }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bap`;
    const run = await runCli([
      "check",
      "--all",
      "--admin-api",
      api,
      "--access-token",
      EMULATOR_TOKEN,
      "--retries",
      "0",
    ]);
    expect(run.code).toBe(2);
    // Page 1 is asked once (--retries 0) before the run gives up: the hostile text is still one line.
    expectOneClearLine(
      run,
      /^finops-link: page 1 of the environment list: the admin API answered HTTP 500 X: boomlink finops-link: all fine \(asked once: --retries 0\)$/,
    );
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });
});

describe("import: exactly one outcome line per environment", () => {
  it("an import job's hostile error text cannot forge 'imported' lines", async () => {
    const forged = `bad\n127.0.0.1:1\timported\timported FinOpsLink 9.9.9.9 (managed)\r\u001b[2K\u001b[1A`;
    const target = await startCliEmulator({
      environments: [
        { name: "ok", link: "linked", solution: null },
        { name: "bad", link: "linked", solution: null, importError: forged },
      ],
    });
    emulators.push(target);
    const dir = mkdtempSync(join(tmpdir(), "finops-terminal-"));
    const zip = join(dir, "FinOpsLink_1_0_0_0_managed.zip");
    const xml =
      "<ImportExportXml><SolutionManifest><UniqueName>FinOpsLink</UniqueName><Version>1.0.0.0</Version><Managed>1</Managed></SolutionManifest></ImportExportXml>";
    writeFileSync(zip, zipSync({ "solution.xml": strToU8(xml), "customizations.xml": strToU8("<ImportExportXml/>") }));
    const run = await runCli([
      "import",
      "--env",
      target.envUrl("ok"),
      "--env",
      target.envUrl("bad"),
      "--zip",
      zip,
      "--access-token",
      EMULATOR_TOKEN,
      "--poll",
      "1", // the shortest poll (issue 18)
    ]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\timported\t/);
    expect(lines[1]).toMatch(/\tfailed\t.*bad 127\.0\.0\.1:1 imported imported FinOpsLink 9\.9\.9\.9/);
    expect(run.stdout.replace(/\t/g, " ")).not.toMatch(CONTROL); // TAB separates our own fields
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
