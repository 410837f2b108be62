/**
 * The command line on a corporate network, against hostile servers: the built program in a child process, a real
 * proxy (npm `proxy`) in another, https servers whose names only the proxy resolves (a certificate made for the
 * test, trusted through NODE_EXTRA_CA_CERTS), redirects to a thief's server, and answers too large to read.
 */
import type { ServerResponse } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { adminList, dataverse, entra, finOpsLinkOf, json, serve, TokenBook, type Served } from "./support/hostile";
import { startLoggingProxy, type LoggingProxy } from "./support/proxy";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const SECRET = "hostile-test-client-secret-4711";
const ACCESS_TOKEN = "hostile-fixed-access-token";
const started = closeAfterAll<Served>();

interface Document {
  environments: Array<{
    name: string;
    state: string;
    error: { message: string } | null;
    adminCenter: { compared: boolean; reason?: string };
  }>;
  findings: unknown[];
  listing?: { complete: boolean; error: string | null };
}
const documentOf = (run: CliRun) => JSON.parse(run.stdout) as Document;
/** `finops-link check --env <env> --json` with the accepted token and no admin center, then `more`. */
const checkEnvJson = (env: Served, ...more: string[]) =>
  runCli(["check", "--env", env.origin, "--no-admin-center", "--access-token", ACCESS_TOKEN, "--json", ...more]);
const signInArgs = (authority: string) => [
  "--authority",
  authority,
  "--tenant",
  "contoso.example",
  "--client-id",
  "00000000-0000-4000-8000-00000000c0de",
  "--client-secret",
  SECRET,
];

describe("proxies", () => {
  let proxy: LoggingProxy;
  let caFile: string;
  let tls: { key: string; cert: string };
  const book = new TokenBook();
  book.accepted.add(ACCESS_TOKEN);
  let login: Served;
  let admin: Served;
  let contoso: Served;

  beforeAll(async () => {
    const pems = await generate([{ name: "commonName", value: "proxied.test" }], {
      keySize: 2048,
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: true },
        { name: "subjectAltName", altNames: [{ type: 2, value: "*.proxied.test" }] },
      ],
    });
    tls = { key: pems.private, cert: pems.cert };
    caFile = join(mkdtempSync(join(tmpdir(), "finops-ca-")), "ca.pem");
    writeFileSync(caFile, pems.cert);
    proxy = await startLoggingProxy();
    login = await started(serve([entra({ book })], { tls, host: "login.proxied.test" }));
    const finOps = finOpsLinkOf("contoso");
    contoso = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps })], { tls, host: "contoso.proxied.test" }),
    );
    admin = await started(
      serve([adminList([{ name: "contoso", instanceUrl: contoso.origin, finOps }], { book, pageSize: 10 })], {
        tls,
        host: "admin.proxied.test",
      }),
    );
  });
  afterAll(() => proxy.close());

  it("HTTPS_PROXY: sign-in (MSAL), the admin API and Dataverse all go through the proxy; nothing goes around it", async () => {
    const run = await runCli(
      ["check", "--all", "--admin-api", `${admin.origin}/bap`, ...signInArgs(`${login.origin}/auth`), "--json"],
      { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile } },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(documentOf(run).environments.map((e) => [e.name, e.state, e.adminCenter.compared])).toEqual([
      ["contoso", "linked", true],
    ]);
    expect(documentOf(run).findings).toEqual([]);
    const tunnels = proxy.log.filter((e) => e.method === "CONNECT").map((e) => e.target);
    for (const server of [login, admin, contoso]) expect(tunnels).toContain(new URL(server.origin).host);
    expect(login.exchanges.length).toBeGreaterThan(0); // two tokens: the admin API's and Dataverse's
  });

  it("lower-case https_proxy/http_proxy and no_proxy: the listed host goes direct, the others through the proxy", async () => {
    // Each its own F&O environment: one shared by two Dataverse environments is an error finding (exit 2).
    const direct = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps: finOpsLinkOf("direct") })]),
    );
    const plain = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps: finOpsLinkOf("plain") })]),
    );
    const before = proxy.log.length;
    const run = await runCli(
      [
        "check",
        "--env",
        contoso.origin,
        "--env",
        direct.origin,
        "--env",
        `http://localhost:${plain.port}`, // plain http, not in no_proxy: http_proxy
        "--admin-api", // --env compares with the admin center's view: its list, through the proxy too
        `${admin.origin}/bap`,
        "--access-token",
        ACCESS_TOKEN,
        "--json",
      ],
      {
        env: {
          https_proxy: proxy.url,
          http_proxy: proxy.url,
          no_proxy: "127.0.0.1",
          NODE_EXTRA_CA_CERTS: caFile,
        },
      },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const document = documentOf(run);
    expect(document.environments.map((e) => e.state)).toEqual(["linked", "linked", "linked"]);
    expect(document.environments.map((e) => e.adminCenter.compared)).toEqual([true, false, false]);
    expect(document.findings).toEqual([]);
    const targets = proxy.log.slice(before).map((e) => e.target);
    expect(targets).toContain(new URL(contoso.origin).host);
    expect(targets).toContain(new URL(admin.origin).host);
    // Nothing but the test's own servers went through the proxy (it would resolve any name: the preload cannot see it).
    for (const target of targets) expect(target).toMatch(/^(https?:\/\/)?(\w+\.proxied\.test|localhost):\d+/);
    expect(targets.some((t) => t.includes(`localhost:${plain.port}`))).toBe(true);
    expect(targets.join(" ")).not.toContain(`127.0.0.1:${direct.port}`);
    expect(direct.exchanges.length).toBe(2); // the link and the solution row, straight to the server
  });

  it("a proxy that does not answer: sign-in is a network failure (unreachable), not a refused sign-in", async () => {
    const run = await runCli(["check", "--env", contoso.origin, ...signInArgs(`${login.origin}/auth`), "--json"], {
      env: { HTTPS_PROXY: "http://127.0.0.1:1", NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "offline",
      error: {
        message: expect.stringMatching(
          /^sign-in for https:\/\/contoso\.proxied\.test:\d+: network failure: the proxy http:\/\/127\.0\.0\.1:1 refused the connection \(ECONNREFUSED\): is HTTPS_PROXY right/,
        ),
      },
    });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it("a proxy URL that is not one is a usage error (64) before any request", async () => {
    const run = await runCli(["check", "--env", contoso.origin, "--access-token", ACCESS_TOKEN], {
      env: { HTTPS_PROXY: "socks5://127.0.0.1:1080" },
    });
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/^finops-link: HTTPS_PROXY: only http:\/\/ and https:\/\/ proxies are supported/);
  });
});

/** A sign-in server whose token endpoint answers with `answer` instead of a token, and an environment behind it. */
async function signInAnswering(answer: (response: ServerResponse) => void): Promise<{ login: Served; env: Served }> {
  const book = new TokenBook();
  const intercept = (_form: unknown, response: ServerResponse) => {
    answer(response);
    return true;
  };
  const login = await started(serve([entra({ book, intercept })]));
  const env = await started(serve([dataverse({ book, solution: null, messages: [] })]));
  return { login, env };
}

describe("redirects are never followed, and said", () => {
  it("a token endpoint answering 307 to another origin: the thief never receives the form (the secret); the row says redirect", async () => {
    const thief = await started(serve([(_e, response) => json(response, 200, { access_token: "stolen" })]));
    const { login, env } = await signInAnswering((response) => {
      response.writeHead(307, { Location: `${thief.origin}/steal`, "Content-Length": "0" });
      response.end();
    });
    const run = await runCli(["check", "--env", env.origin, ...signInArgs(`${login.origin}/auth`), "--json"]);
    expect(thief.exchanges).toEqual([]);
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: {
        message: `sign-in for ${env.origin}: the server answered HTTP 307, a redirect to ${thief.origin}: not followed`,
      },
    });
  });

  it("Dataverse answering 302 to another origin: failed with the redirect's words, not 'could not connect'", async () => {
    const thief = await started(serve([(_e, response) => json(response, 200, {})]));
    const env = await started(
      serve([
        (_e, response) => {
          response.writeHead(302, { Location: `${thief.origin}/api/data/v9.2/x`, "Content-Length": "0" });
          response.end();
          return true;
        },
      ]),
    );
    const run = await checkEnvJson(env);
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: { message: `the server answered HTTP 302, a redirect to ${thief.origin}: not followed` },
    });
    expect(thief.exchanges).toEqual([]);
    // The link and the solution row went out together (one round trip); neither redirect was followed.
    expect(env.exchanges.map((e) => e.path).sort()).toEqual([
      "/api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails()",
      "/api/data/v9.2/solutions",
    ]);
  });
});

describe("answers are capped", () => {
  it("an endless answer (no content-length) is cut at 8 MB and said, long before --timeout", async () => {
    const env = await started(
      serve([
        (_e, response) => {
          response.writeHead(200, { "Content-Type": "application/json" });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          const pump = () => {
            while (sent < 1024 * 1024 * 1024 && !response.destroyed) {
              sent += chunk.length;
              if (!response.write(chunk)) return void response.once("drain", pump);
            }
            response.end();
          };
          response.write('{"Url":"');
          pump();
          return true;
        },
      ]),
    );
    const run = await checkEnvJson(env, "--timeout", "20");
    expect(run.code).toBe(2);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: { message: "the answer is larger than 8 MB: not read" },
    });
    expect(run.ms).toBeLessThan(15_000);
  });

  it("a declared content-length of 700 MB is refused before reading, not reported as 'could not connect'", async () => {
    const env = await started(
      serve([
        (_e, response) => {
          response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(700 * 1024 * 1024) });
          response.write("{");
          return true; // and nothing more: only the header can end this quickly
        },
      ]),
    );
    const run = await checkEnvJson(env, "--timeout", "10");
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: { message: "the answer is larger than 8 MB: not read" },
    });
    expect(run.ms).toBeLessThan(8_000);
  });

  it("a token endpoint's oversized answer fails the sign-in with the same words", async () => {
    const { login, env } = await signInAnswering((response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024) });
      response.write("{");
    });
    const run = await runCli([
      "check",
      "--env",
      env.origin,
      ...signInArgs(`${login.origin}/auth`),
      "--json",
      "--timeout",
      "10",
    ]);
    expect(documentOf(run).environments[0]).toMatchObject({
      state: "failed",
      error: { message: `sign-in for ${env.origin}: the answer is larger than 8 MB: not read` },
    });
    expect(run.ms).toBeLessThan(8_000);
  });
});
