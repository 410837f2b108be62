/**
 * Signing in, with the built program against the emulator's token endpoint: MSAL is configured so it asks no
 * discovery endpoint (a preload refuses and reports any fetch or DNS lookup beyond loopback), tokens are asked once
 * per resource, and no token ever reaches stdout or stderr.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_CLIENT_SECRET, startCliEmulator, type CliEmulator } from "../../demo/server/cli";
import { expectOneClearLine, requireBuiltCli, runCli, type CliRun } from "./support/cli";

jest.setTimeout(60_000);
requireBuiltCli();

let emulator: CliEmulator;
beforeAll(async () => {
  emulator = await startCliEmulator({
    environments: [
      { name: "a", link: "linked" },
      { name: "b", link: "notLinked" },
    ],
    tokens: ["pipeline-secret-token-123"],
  });
});
afterAll(() => emulator.close());

// These tests are about sign-in: the admin center's view (a token for the admin API too) is left out.
const envs = () => ["--env", emulator.envUrl("a"), "--env", emulator.envUrl("b"), "--no-admin-center"];
const states = (run: CliRun) =>
  (JSON.parse(run.stdout) as { environments: Array<{ state: string }> }).environments.map((e) => e.state);

function expectNoTokenShown(run: CliRun, tokens: string[]): void {
  for (const token of tokens) {
    expect(run.stdout).not.toContain(token);
    expect(run.stderr).not.toContain(token);
  }
  expect(run.stderr).not.toMatch(/LOOPBACK VIOLATION/);
}

/** `check --json` over both environments, signed in as a service principal with the given secret. */
function servicePrincipalCheck(secret: string): string[] {
  return [
    "check",
    ...envs(),
    "--authority",
    emulator.authority,
    "--tenant",
    "contoso.example",
    "--client-id",
    "00000000-0000-4000-8000-00000000c0de",
    "--client-secret",
    secret,
    "--json",
  ];
}

describe("service principal (client credentials)", () => {
  it("--tenant/--client-id/--client-secret: one token per resource from the local token endpoint, none shown", async () => {
    const before = emulator.stats().tokensIssued;
    const run = await runCli(servicePrincipalCheck(EMULATOR_CLIENT_SECRET));
    expect(run.code).toBe(1);
    expect(states(run)).toEqual(["linked", "notLinked"]);
    expect(emulator.stats().tokensIssued - before).toBe(2); // two environments, two origins, two resources
    expectNoTokenShown(run, emulator.issuedTokens());
  });

  it("AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET do the same", async () => {
    const run = await runCli(["check", ...envs(), "--authority", emulator.authority, "--json"], {
      env: {
        AZURE_TENANT_ID: "contoso.example",
        AZURE_CLIENT_ID: "00000000-0000-4000-8000-00000000c0de",
        AZURE_CLIENT_SECRET: EMULATOR_CLIENT_SECRET,
      },
    });
    expect(run.code).toBe(1);
    expect(states(run)).toEqual(["linked", "notLinked"]);
    expectNoTokenShown(run, emulator.issuedTokens());
  });

  it("a wrong secret: Entra's AADSTS line for each environment, exit 2, the secret never shown", async () => {
    const run = await runCli(servicePrincipalCheck("wrong-secret-value"));
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { environments: Array<{ state: string; error: { message: string } }> };
    expect(document.environments[0]).toMatchObject({
      state: "unauthorized",
      error: { message: `sign-in for ${emulator.envUrl("a")} failed: AADSTS7000215: Invalid client secret provided.` },
    });
    expectNoTokenShown(run, ["wrong-secret-value"]);
  });

  it("a secret without --tenant and --client-id -> 64", async () => {
    const run = await runCli(["check", ...envs(), "--client-secret", "x"]);
    expect(run.code).toBe(64);
    expectOneClearLine(run, /a client secret needs --tenant and --client-id/);
  });

  it("an authority over plain http outside loopback is a usage error (64), like every other URL", async () => {
    const run = await runCli([
      "check",
      "--env",
      emulator.envUrl("a"),
      "--no-admin-center",
      "--authority",
      "http://login.example.com",
      "--tenant",
      "t",
      "--client-id",
      "c",
      "--client-secret",
      "s",
      "--json",
    ]);
    expect(run.code).toBe(64); // 2 before: it was reported as a sign-in failure
    expectOneClearLine(run, /--authority http:\/\/login\.example\.com is not https/);
  });
});

describe("token command and access token", () => {
  it("--token-command runs once per resource with {resource} replaced; its output is used, never shown", async () => {
    const dir = mkdtempSync(join(tmpdir(), "finops-token-"));
    const log = join(dir, "asked.txt");
    const run = await runCli([
      "check",
      ...envs(),
      "--env",
      emulator.envUrl("a"),
      "--no-admin-center",
      "--token-command",
      `echo {resource} >> ${log}; echo pipeline-secret-token-123`,
      "--json",
    ]);
    expect(run.code).toBe(1);
    expect(states(run)).toEqual(["linked", "notLinked"]); // the repeated URL is checked once
    expect(readFileSync(log, "utf8").trim().split("\n").sort()).toEqual(
      [emulator.envUrl("a"), emulator.envUrl("b")].sort(),
    );
    expectNoTokenShown(run, ["pipeline-secret-token-123"]);
  });

  it("a token command that prints nothing is one clear error per environment", async () => {
    const run = await runCli([
      "check",
      "--env",
      emulator.envUrl("a"),
      "--no-admin-center",
      "--token-command",
      "true",
      "--json",
    ]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      environments: [
        {
          state: "unauthorized",
          error: { message: `--token-command printed no single token for ${emulator.envUrl("a")}` },
        },
      ],
    });
  });

  it("FINOPS_ACCESS_TOKEN is an access token for every request, never shown", async () => {
    const run = await runCli(["check", ...envs(), "--json"], {
      env: { FINOPS_ACCESS_TOKEN: "pipeline-secret-token-123" },
    });
    expect(run.code).toBe(1);
    expectNoTokenShown(run, ["pipeline-secret-token-123"]);
  });

  it("a wrong --access-token: Dataverse's 401 for each environment", async () => {
    const run = await runCli(["check", ...envs(), "--access-token", "not-a-token-anyone-issued", "--json"]);
    expect(run.code).toBe(2);
    expect(states(run)).toEqual(["unauthorized", "unauthorized"]);
    expectNoTokenShown(run, ["not-a-token-anyone-issued"]);
  });
});

describe("device code", () => {
  it("prompts on stderr, keeps stdout the document, writes the cache 0600 in a 0700 folder, and signs in silently next time", async () => {
    const home = mkdtempSync(join(tmpdir(), "finops-home-"));
    const args = ["check", ...envs(), "--device-code", "--authority", emulator.authority, "--json"];
    const before = emulator.stats().tokensIssued;
    const first = await runCli(args, { env: { HOME: home } });
    expect(first.code).toBe(1);
    expect(states(first)).toEqual(["linked", "notLinked"]);
    expect(first.stderr).toBe(
      `To sign in, open ${emulator.origin}/auth/devicelogin and enter the code EMU-1234 to authenticate.\n`,
    );
    const cache = join(home, ".finops-link", "msal-cache.json");
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, ".finops-link")).mode & 0o777).toBe(0o700);
    expect(emulator.stats().tokensIssued - before).toBe(2); // one device-code prompt; the second resource went silently
    // The cache is the one place the tokens are written.
    const issued = emulator.issuedTokens().slice(-2);
    expect(issued.some((token) => readFileSync(cache, "utf8").includes(token))).toBe(true);
    expectNoTokenShown(first, issued);

    const second = await runCli(args, { env: { HOME: home } });
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(""); // no prompt: the cached account's tokens were used
    expect(emulator.stats().tokensIssued - before).toBe(2);
  });

  it("--token-cache elsewhere, and a cache file others could read is closed to 0600 before use", async () => {
    const dir = mkdtempSync(join(tmpdir(), "finops-cache-"));
    const cache = join(dir, "cache.json");
    writeFileSync(cache, "{}");
    chmodSync(cache, 0o644);
    const run = await runCli([
      "check",
      "--env",
      emulator.envUrl("a"),
      "--no-admin-center",
      "--device-code",
      "--authority",
      emulator.authority,
      "--token-cache",
      cache,
      "--json",
    ]);
    expect(run.code).toBe(0);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(run.stderr).toMatch(/^To sign in, open /);
  });
});
