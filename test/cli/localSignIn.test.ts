/**
 * Sign-in problems that are not Entra's (issue 23, kind 6). A sign-in that succeeded at Entra and a token cache that
 * cannot be written: the sign-in is used, one warning names the cache and the local cause, and no temporary file
 * holding tokens is left. A certificate out of its validity and a clock Entra disagrees with are named as local.
 * The built program against the hostile test server's token and device-code endpoints.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { entra, serve, TokenBook } from "./support/hostile";
import { requireBuiltCli, runCli } from "./support/cli";
import { deviceCodeTenant } from "./support/deviceCodeTenant";

jest.setTimeout(60_000);
requireBuiltCli();

const tenant = deviceCodeTenant();
const PROMPT = "To sign in, enter the code HOSTILE-1.\n";

it("rename refused (EPERM: an immutable cache file, as chattr +i makes it even for root): signed in, one warning, no temporary file", async () => {
  const folder = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const cache = join(folder, "msal-cache.json");
  writeFileSync(cache, "{}", { mode: 0o600 });
  // chattr needs root (CI runs as root, .ci/run) and a file system with attributes (ext4, xfs, btrfs, overlayfs).
  execFileSync("chattr", ["+i", cache]);
  try {
    const run = await runCli(tenant.check(cache));
    expect(JSON.parse(run.stdout)).toMatchObject({ environments: [{ state: "linked" }] });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `${PROMPT}finops-link: warning: the token cache ${cache} could not be written (EPERM: another process holds it, or it is read-only or immutable): this run goes on signed in; the next one asks to sign in again\n`,
    );
    expect(run.stderr).not.toMatch(/refused|another tenant/);
    expect(readdirSync(folder)).toEqual(["msal-cache.json"]); // no .msal-cache.json.<random>.tmp holding tokens
  } finally {
    execFileSync("chattr", ["-i", cache]);
  }
});

it("a temporary file that cannot be created (ENAMETOOLONG): signed in, one warning, nothing written", async () => {
  const folder = mkdtempSync(join(tmpdir(), "finops-cache-"));
  const cache = join(folder, `${"c".repeat(230)}.json`); // the name fits; the temporary name (38 more) does not
  const run = await runCli(tenant.check(cache));
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`could not be written (ENAMETOOLONG: its name is too long)`);
  expect(run.stderr.match(/warning/g)).toHaveLength(1);
  expect(readdirSync(folder)).toEqual([]);
});

describe("local causes are named as local", () => {
  it("an expired certificate: one usage line saying so and what to do, before any request", async () => {
    const day = 86_400_000;
    const pems = await generate([{ name: "commonName", value: "finops-link-expired" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: new Date(Date.now() - 400 * day),
      notAfterDate: new Date(Date.now() - 35 * day),
    });
    const pem = join(mkdtempSync(join(tmpdir(), "finops-cert-")), "expired.pem");
    writeFileSync(pem, `${pems.private}\n${pems.cert}\n`, { mode: 0o600 });
    const run = await runCli([
      ...["check", "--env", tenant.env.origin, "--no-admin-center", "--authority", `${tenant.login.origin}/auth`],
      ...["--tenant", "contoso.example", "--client-id", "00000000-0000-4000-8000-00000000c0de", "--certificate", pem],
    ]);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(
      /^finops-link: the certificate in \S+expired\.pem expired on \d{4}-\d\d-\d\dT[\d:.]+Z: make a new one and upload it to the app registration/,
    );
  });

  it("Entra's AADSTS700024 (assertion outside its time range) names this computer's clock, not a refused sign-in", async () => {
    const book = new TokenBook();
    const skewed = await serve([
      entra({ book, verify: () => "AADSTS700024: Client assertion is not within its valid time range." }),
    ]);
    try {
      const run = await runCli([
        ...["check", "--env", tenant.env.origin, "--no-admin-center", "--authority", `${skewed.origin}/auth`, "--json"],
        ...["--tenant", "contoso.example", "--client-id", "00000000-0000-4000-8000-00000000c0de"],
        ...["--client-secret", "local-causes-secret"],
      ]);
      const environment = (
        JSON.parse(run.stdout) as { environments: Array<{ state: string; error: { message: string } }> }
      ).environments[0];
      expect(environment?.state).toBe("failed");
      expect(environment?.error.message).toMatch(
        /AADSTS700024: .*; this is this computer's clock \(.+\), not the sign-in: set it right/,
      );
    } finally {
      await skewed.close();
    }
  });
});
