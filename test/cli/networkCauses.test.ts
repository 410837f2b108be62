/**
 * Causes lost between the network and the admin (issue 23, kind 5): the built program in a child process, a real
 * proxy (npm `proxy`) that asks for a Windows sign-in, and https servers whose certificates are not trusted, expired
 * or another host's. Each row, the table's summary and `--json` must name the real cause and what to do.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { dataverse, entra, finOpsLinkOf, serve, TokenBook, type Served } from "./support/hostile";
import { startLoggingProxy, type LoggingProxy } from "./support/proxy";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const ACCESS_TOKEN = "network-causes-access-token";
const SECRET = "network-causes-client-secret";
const started = closeAfterAll<Served>();
const book = new TokenBook();
book.accepted.add(ACCESS_TOKEN);

interface Document {
  environments: Array<{ name: string; state: string; error: { message: string } | null }>;
}
const first = (run: CliRun) => (JSON.parse(run.stdout) as Document).environments[0];
const signIn = (authority: string) => [
  ...["--authority", authority, "--tenant", "contoso.example"],
  ...["--client-id", "00000000-0000-4000-8000-00000000c0de", "--client-secret", SECRET],
];
const day = 86_400_000;

/** A certificate authority of the test's own (trusted through NODE_EXTRA_CA_CERTS) and a key pair signed by it. */
async function certificate(names: string[], validity: { from: number; to: number } = { from: -day, to: 30 * day }) {
  const pems = await generate([{ name: "commonName", value: names[0] ?? "test" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date(Date.now() + validity.from),
    notAfterDate: new Date(Date.now() + validity.to),
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "subjectAltName", altNames: names.map((value) => ({ type: 2, value })) },
    ],
  });
  const caFile = join(mkdtempSync(join(tmpdir(), "finops-ca-")), "ca.pem");
  writeFileSync(caFile, pems.cert);
  return { tls: { key: pems.private, cert: pems.cert }, caFile };
}

describe("a proxy that wants a Windows sign-in (407, Proxy-Authenticate: Negotiate)", () => {
  let proxy: LoggingProxy;
  let contoso: Served;
  let login: Served;
  let caFile: string;
  beforeAll(async () => {
    proxy = await startLoggingProxy({ negotiate: true });
    const made = await certificate(["*.proxied.test"]);
    caFile = made.caFile;
    contoso = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps: finOpsLinkOf("contoso") })], {
        tls: made.tls,
        host: "contoso.proxied.test",
      }),
    );
    login = await started(serve([entra({ book })], { tls: made.tls, host: "login.proxied.test" }));
  });
  afterAll(() => proxy.close());

  const NEGOTIATE =
    /the proxy http:\/\/127\.0\.0\.1:\d+ wants Negotiate sign-in \(Windows\) \(HTTP 407 Proxy Authentication Required; Proxy-Authenticate: Negotiate\); finops-link supports only Basic credentials in the proxy URL .*cntlm, px.*NO_PROXY/;

  it("--json: the row failed (not offline) and names Negotiate, Basic-only, a local relay and NO_PROXY", async () => {
    const run = await runCli(
      ["check", "--env", contoso.origin, "--no-admin-center", "--access-token", ACCESS_TOKEN, "--json"],
      { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(run.code).toBe(2);
    expect(first(run)?.state).toBe("failed");
    expect(first(run)?.error?.message).toMatch(NEGOTIATE);
    expect(run.stdout).not.toContain("Request was cancelled");
  });

  it("the sign-in: not 'network failure', the proxy's sign-in named; the table's summary says it once", async () => {
    const fabrikam = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps: finOpsLinkOf("fabrikam") })], {
        tls: (await certificate(["fabrikam.proxied.test"])).tls,
        host: "fabrikam.proxied.test",
      }),
    );
    const run = await runCli(
      [
        ...["check", "--env", contoso.origin, "--env", fabrikam.origin, "--no-admin-center"],
        ...signIn(`${login.origin}/auth`),
      ],
      { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^contoso\s+failed\s*$/m);
    expect(run.stdout).toMatch(/^fabrikam\s+failed\s*$/m);
    const summary = run.stdout.slice(run.stdout.indexOf("Could not be checked:"));
    expect(summary.split("\n")[1]).toMatch(
      new RegExp(`^  2 environments \\(contoso, fabrikam\\): ${NEGOTIATE.source}`),
    );
    expect(run.stdout + run.stderr).not.toMatch(/network failure|Request was cancelled|refused the sign-in/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it("Basic credentials in the proxy URL do not help a Negotiate proxy, and are never printed", async () => {
    const withUser = proxy.url.replace("http://", "http://alice:pr0xy-pa55@");
    const run = await runCli(
      ["check", "--env", contoso.origin, "--no-admin-center", "--access-token", ACCESS_TOKEN, "--json"],
      { env: { HTTPS_PROXY: withUser, NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(first(run)?.error?.message).toMatch(NEGOTIATE);
    expect(run.stdout + run.stderr).not.toMatch(/alice|pr0xy-pa55/);
  });
});

describe("certificates", () => {
  it("not trusted (a TLS-inspecting proxy's own root): failed, NODE_EXTRA_CA_CERTS named", async () => {
    const made = await certificate(["localhost"]);
    const env = await started(
      serve([dataverse({ book, solution: null, messages: [] })], { tls: made.tls, host: "localhost" }),
    );
    const run = await runCli([
      "check",
      "--env",
      env.origin,
      "--no-admin-center",
      "--access-token",
      ACCESS_TOKEN,
      "--json",
    ]);
    expect(first(run)).toMatchObject({
      state: "failed",
      error: {
        message: expect.stringMatching(
          /^the certificate localhost:\d+ presents is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\): .*NODE_EXTRA_CA_CERTS=/,
        ),
      },
    });
  });

  it("another host's (hostname mismatch): failed, said as a proxy or portal in its place", async () => {
    const made = await certificate(["elsewhere.example"]);
    const env = await started(
      serve([dataverse({ book, solution: null, messages: [] })], { tls: made.tls, host: "localhost" }),
    );
    const run = await runCli(
      ["check", "--env", env.origin, "--no-admin-center", "--access-token", ACCESS_TOKEN, "--json"],
      {
        env: { NODE_EXTRA_CA_CERTS: made.caFile },
      },
    );
    expect(first(run)).toMatchObject({
      state: "failed",
      error: {
        message: expect.stringMatching(/is another host's \(ERR_TLS_CERT_ALTNAME_INVALID\): a proxy, a captive portal/),
      },
    });
  });

  it("expired: failed, with this computer's clock", async () => {
    const made = await certificate(["localhost"], { from: -400 * day, to: -2 * day });
    const env = await started(
      serve([dataverse({ book, solution: null, messages: [] })], { tls: made.tls, host: "localhost" }),
    );
    const run = await runCli(
      ["check", "--env", env.origin, "--no-admin-center", "--access-token", ACCESS_TOKEN, "--json"],
      {
        env: { NODE_EXTRA_CA_CERTS: made.caFile },
      },
    );
    expect(first(run)).toMatchObject({
      state: "failed",
      error: { message: expect.stringMatching(/has expired \(CERT_HAS_EXPIRED\), or this computer's clock is wrong/) },
    });
  });
});
