/**
 * Tokens in long runs and sign-in for pipelines, with the built program against the hostile test server: tokens that
 * expire during an import, a 401 that says "expired", sign-ins that never answer, certificates and federated
 * workload identity through msal-node.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import {
  adminList,
  dataverse,
  entra,
  finOpsLinkOf,
  serve,
  testJwt,
  TokenBook,
  verifyCertificateAssertion,
  type DataverseState,
  type Served,
} from "./support/hostile";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";
import { finOpsLinkZip } from "./support/solutionZips";

jest.setTimeout(90_000);
requireBuiltCli();

const TENANT = ["--tenant", "contoso.example", "--client-id", "00000000-0000-4000-8000-00000000c0de"];
/** The same tenant and client as TENANT, as a pipeline gives them (AZURE_TENANT_ID, AZURE_CLIENT_ID), plus `more`. */
const azureEnvironment = (more: Record<string, string>) => ({
  AZURE_TENANT_ID: "contoso.example",
  AZURE_CLIENT_ID: "00000000-0000-4000-8000-00000000c0de",
  ...more,
});
const started = closeAfterAll<Served>();

const stateOf = (book: TokenBook, overrides: Partial<DataverseState> = {}): DataverseState => ({
  book,
  solution: null,
  messages: [],
  ...overrides,
});
/** The admin API's resource: `check --env` asks a token for it too, for the admin center's view. */
const ADMIN_SCOPE = "https://service.powerapps.com//.default";
const firstEnvironment = (run: CliRun) =>
  (JSON.parse(run.stdout) as { environments: Array<Record<string, unknown>> }).environments[0];

/** `finops-link import --env <env> --zip <FinOpsLink 1.0.0.0 managed> <signIn> --poll 1 --json`, polled for up to 60 s. */
const polledImport = (env: Served, signIn: string[]) =>
  runCli(["import", "--env", env.origin, "--zip", finOpsLinkZip("1.0.0.0", true), ...signIn, "--poll", "1", "--json"], {
    timeoutMs: 60_000,
  });

describe("tokens stay fresh in long runs", () => {
  it("client credentials: a token that expires while an import is polled is acquired again (MSAL's cache), and the import ends", async () => {
    const book = new TokenBook();
    const login = await started(serve([entra({ book, lifetimeSeconds: 3 })]));
    const env = await started(serve([dataverse(stateOf(book, { pollsBeforeDone: 4 }))]));
    const run = await polledImport(env, ["--authority", `${login.origin}/auth`, ...TENANT, "--client-secret", "s"]);
    expect(firstEnvironment(run)).toMatchObject({ outcome: "imported" });
    expect(run.code).toBe(0);
    expect(book.for(env.origin).length).toBeGreaterThan(1);
  });

  it("--token-command runs again when its token (a JWT) is refused as expired", async () => {
    const book = new TokenBook();
    const env = await started(serve([dataverse(stateOf(book, { pollsBeforeDone: 4 }))]));
    const dir = mkdtempSync(join(tmpdir(), "finops-jwt-"));
    const log = join(dir, "runs.txt");
    const script = join(dir, "token.cjs");
    writeFileSync(
      script,
      `const b64 = (v) => Buffer.from(JSON.stringify(v)).toString("base64url");
require("node:fs").appendFileSync(${JSON.stringify(log)}, "run\\n");
process.stdout.write(b64({ alg: "none", typ: "JWT" }) + "." + b64({ iss: "hostile-test", exp: Math.floor(Date.now() / 1000) + 3, jti: Math.random() }) + ".");`,
    );
    expect(book.check(testJwt(3))).toBe("valid"); // the server takes these JWTs until their exp
    const run = await polledImport(env, ["--token-command", `${JSON.stringify(process.execPath)} ${script}`]);
    expect(firstEnvironment(run)).toMatchObject({ outcome: "imported" });
    expect(readFileSync(log, "utf8").trim().split("\n").length).toBeGreaterThan(1);
  });

  it("a 401 that says the token expired: a new token is asked once, and the request sent again", async () => {
    const book = new TokenBook();
    // The command prints "stale-token" first, then "fresh-token": the server says the first expired.
    book.issued.set("stale-token", { expiresAt: Date.now() - 1000, resource: "x" });
    book.accepted.add("fresh-token");
    const env = await started(serve([dataverse(stateOf(book))]));
    const dir = mkdtempSync(join(tmpdir(), "finops-401-"));
    const counter = join(dir, "count");
    const runs = join(dir, "runs");
    writeFileSync(counter, "");
    const run = await runCli([
      "check",
      "--env",
      env.origin,
      "--no-admin-center", // one resource, so the command's first and second runs are this environment's
      "--token-command",
      `echo run >> ${runs}; if [ -s ${counter} ]; then echo fresh-token; else echo 1 > ${counter}; echo stale-token; fi`,
      "--json",
    ]);
    expect(firstEnvironment(run)).toMatchObject({ state: "linked", solution: { installed: false } });
    expect(run.code).toBe(0);
    const refused = env.exchanges.filter((e) => e.headers.authorization === "Bearer stale-token");
    // The environment's two reads went out together with the stale token; both were refused, the command ran once
    // more for both, and every later request carried the new token.
    expect(refused).toHaveLength(2);
    expect(readFileSync(runs, "utf8")).toBe("run\nrun\n");
    expect(run.stdout + run.stderr).not.toMatch(/stale-token|fresh-token/);
  });
});

describe("sign-in is bounded", () => {
  it("client credentials: a token endpoint that never answers ends at --timeout, as unreachable", async () => {
    const book = new TokenBook();
    const login = await started(serve([entra({ book, intercept: () => true /* read, never answered */ })]));
    const env = await started(serve([dataverse(stateOf(book))]));
    const run = await runCli(
      [
        "check",
        "--env",
        env.origin,
        "--authority",
        `${login.origin}/auth`,
        ...TENANT,
        "--client-secret",
        "s",
        "--timeout",
        "2",
        "--json",
      ],
      { timeoutMs: 40_000 },
    );
    expect(firstEnvironment(run)).toMatchObject({
      state: "offline",
      error: { message: expect.stringMatching(/^sign-in for .*: (network failure: )?no answer within 2 s/) },
    });
    expect(run.ms).toBeLessThan(10_000);
  });

  it("device code: the wait ends when the device code expires, even when the token endpoint hangs", async () => {
    const book = new TokenBook();
    const login = await started(
      serve([
        entra({
          book,
          deviceCodeExpiresIn: 2,
          intercept: (form) => form.get("grant_type")?.includes("device_code") === true, // polls hang
        }),
      ]),
    );
    const env = await started(serve([dataverse(stateOf(book))]));
    const home = mkdtempSync(join(tmpdir(), "finops-home-"));
    const run = await runCli(
      ["check", "--env", env.origin, "--device-code", "--authority", `${login.origin}/auth`, "--json"],
      { env: { HOME: home }, timeoutMs: 40_000 },
    );
    expect(run.stderr).toContain("To sign in, enter the code HOSTILE-1.");
    expect(firstEnvironment(run)).toMatchObject({
      state: "unauthorized",
      error: { message: `sign-in for ${env.origin}: the device code expired before the sign-in was completed` },
    });
    expect(run.ms).toBeLessThan(10_000);
  });
});

describe("pipelines sign in without a secret on the command line", () => {
  let pemFile: string;
  let certificate: string;
  beforeAll(async () => {
    const pems = await generate([{ name: "commonName", value: "finops-link-pipeline" }], {
      keySize: 2048,
      algorithm: "sha256",
    });
    certificate = pems.cert;
    pemFile = join(mkdtempSync(join(tmpdir(), "finops-cert-")), "app.pem");
    writeFileSync(pemFile, `${pems.private}\n${pems.cert}\n`, { mode: 0o600 });
  });

  /** A token endpoint that checks the assertion, one environment, and an admin API listing it with its F&O link. */
  const pipelineTenant = async (verify: (form: URLSearchParams) => string | undefined) => {
    const book = new TokenBook();
    const forms: URLSearchParams[] = [];
    const login = await started(serve([entra({ book, verify: (form) => (forms.push(form), verify(form)) })]));
    const finOps = finOpsLinkOf("pipeline");
    const env = await started(serve([dataverse(stateOf(book, { finOps }))]));
    const admin = await started(
      serve([adminList([{ name: "pipeline", instanceUrl: env.origin, finOps }], { book, pageSize: 10 })]),
    );
    const args = ["check", "--env", env.origin, "--admin-api", `${admin.origin}/bap`];
    return { login, env, forms, args: [...args, "--authority", `${login.origin}/auth`, "--json"] };
  };
  const certificateTenant = () => pipelineTenant((form) => verifyCertificateAssertion(form, certificate));
  /** One sign-in per resource, Dataverse's then the admin API's, and both checked by the token endpoint. */
  const expectSignedInOncePerResource = (run: CliRun, env: Served, forms: URLSearchParams[]) => {
    expect(firstEnvironment(run)).toMatchObject({ state: "linked", adminCenter: { compared: true } });
    expect(run.code).toBe(0);
    expect(
      forms.map((form) =>
        form
          .get("scope")
          ?.split(" ")
          .find((s) => s.endsWith("/.default")),
      ),
    ).toEqual([`${env.origin}/.default`, ADMIN_SCOPE]);
  };

  it("--certificate <pem>: MSAL signs a client assertion the token endpoint verifies; no secret is sent", async () => {
    const { env, forms, args } = await certificateTenant();
    const run = await runCli([...args, ...TENANT, "--certificate", pemFile]);
    expectSignedInOncePerResource(run, env, forms);
    for (const form of forms) expect(form.has("client_secret")).toBe(false);
  });

  it("AZURE_CLIENT_CERTIFICATE_PATH does the same", async () => {
    const { env, forms, args } = await certificateTenant();
    const run = await runCli(args, { env: azureEnvironment({ AZURE_CLIENT_CERTIFICATE_PATH: pemFile }) });
    expectSignedInOncePerResource(run, env, forms);
  });

  it("a certificate file without a key is one clear usage line (64)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "finops-cert-")), "cert-only.pem");
    writeFileSync(path, certificate);
    const run = await runCli(["check", "--env", "https://contoso.crm.dynamics.com", ...TENANT, "--certificate", path]);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/^finops-link: .*cert-only\.pem needs the certificate and its unencrypted private key/);
  });

  it("AZURE_FEDERATED_TOKEN_FILE: the pipeline's token is the client assertion (workload identity federation)", async () => {
    const { env, forms, args } = await pipelineTenant((form) =>
      form.get("client_assertion") === "pipeline-oidc-token" &&
      form.get("client_assertion_type") === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        ? undefined
        : "AADSTS700213: No matching federated identity record found",
    );
    const file = join(mkdtempSync(join(tmpdir(), "finops-oidc-")), "token");
    writeFileSync(file, "pipeline-oidc-token\n");
    const run = await runCli(args, { env: azureEnvironment({ AZURE_FEDERATED_TOKEN_FILE: file }) });
    expectSignedInOncePerResource(run, env, forms);
    expect(run.stdout + run.stderr).not.toContain("pipeline-oidc-token");
  });
});
