/**
 * Machine output read where admins open it (issue 23, kind 7): Excel on Windows reads a CSV without a byte order
 * mark in the ANSI code page and splits on the list separator (`;` in many locales); Windows PowerShell 5.1 reads a
 * JSON file without a BOM, and a native command's output, in the console's code page. The built program against
 * the emulated tenant (demo/server/cli/), an environment named with non-ASCII letters.
 */
import { EMULATOR_TOKEN } from "../../demo/server/cli";
import { requireBuiltCli, runCli } from "./support/cli";
import { emulatedTenants } from "./support/closeAfterAll";

jest.setTimeout(60_000);
requireBuiltCli();

const tenant = emulatedTenants();
const NAME = "Contoso Müller – Produktion";
const BOM = "\ufeff";

describe("machine output", () => {
  const all = async (...more: string[]) => {
    const emulator = await tenant([{ name: "mueller", displayName: NAME, link: "linked" }]);
    return runCli(["check", "--all", "--admin-api", emulator.adminApi, "--access-token", EMULATOR_TOKEN, ...more]);
  };

  it("--csv starts with a UTF-8 byte order mark (Excel, Import-Csv) and keeps the name's letters", async () => {
    const run = await all("--csv");
    expect(run.code).toBe(0);
    expect(Buffer.from(run.stdout, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = run.stdout.slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^name,url,state,/);
    expect(lines[1]).toMatch(new RegExp(`^${NAME},http://127\\.0\\.0\\.1:\\d+,linked,`));
    expect(run.stdout.startsWith(BOM)).toBe(true);
  });

  it('--csv --delimiter ";": one column per field where Excel\'s list separator is ;', async () => {
    const run = await all("--csv", "--delimiter", ";", "--parts");
    expect(run.code).toBe(0);
    const lines = run.stdout.replace(BOM, "").split("\r\n");
    // 17 columns, then the readiness audit's 6 (databaseMB, the tenant's free capacity per type, tenantFindings, parts).
    expect(lines[0].split(";")).toHaveLength(23);
    // The parts' words hold "; ": quoted, so the row is still one column per field.
    expect(lines[1]).toMatch(/;"[^"]*; [^"]*"$/);
    expect(lines[0]).not.toContain(",");
    expect(lines[1].split(";").slice(0, 3)).toEqual([
      NAME,
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      "linked",
    ]);
  });

  it("--delimiter accepts only , ; and tab", async () => {
    const run = await runCli(["check", "--env", "contoso", "--csv", "--delimiter", "|"]);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/--delimiter/);
  });

  it("--json is ASCII only: every code page reads the same name (ConvertFrom-Json, Get-Content without -Encoding)", async () => {
    const run = await all("--json");
    expect(run.code).toBe(0);
    expect([...run.stdout].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(run.stdout).toContain("Contoso M\\u00fcller \\u2013 Produktion");
    const document = JSON.parse(run.stdout) as { environments: Array<{ name: string }> };
    expect(document.environments[0]?.name).toBe(NAME);
  });
});
