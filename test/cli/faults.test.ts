/**
 * Long runs and faults, with the built program against the hostile test server: an admin list whose later pages
 * fail or reset, an environment listed twice, and service protection waits long enough to be said.
 */
import type { ServerResponse, IncomingMessage } from "node:http";
import { adminList, dataverse, finOpsLinkOf, json, serve, TokenBook, type Served } from "./support/hostile";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";

jest.setTimeout(90_000);
requireBuiltCli();

const TOKEN = "hostile-fixed-access-token";
const started = closeAfterAll<Served>();

interface Document {
  environments: Array<{ name: string; state: string; adminCenter: { compared: boolean } }>;
  findings: unknown[];
  listing?: { complete: boolean; error: string | null };
  summary: Record<string, number>;
}
const documentOf = (run: CliRun) => JSON.parse(run.stdout) as Document;

/** `finops-link check --all --json [more options]` over the hostile admin API (its /bap path) with the accepted token. */
const checkAllJson = (admin: Served, ...more: string[]) =>
  runCli(["check", "--all", "--admin-api", `${admin.origin}/bap`, "--access-token", TOKEN, "--json", ...more]);

type Fault = (page: number, attempt: number, response: ServerResponse, request: IncomingMessage) => boolean;

/**
 * Five environments on their own servers, each linked to its own F&O environment (as the admin center says too, so a
 * clean run has no finding), listed two per page by an admin API with the given fault.
 */
async function tenant(fault: Fault, names = ["e1", "e2", "e3", "e4", "e5"]) {
  const book = new TokenBook();
  book.accepted.add(TOKEN);
  const environments: Parameters<typeof adminList>[0] = [];
  const envServers = new Map<string, Served>();
  for (const name of new Set(names)) {
    const server = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps: finOpsLinkOf(name) })]),
    );
    envServers.set(name, server);
  }
  for (const name of names)
    environments.push({ name, instanceUrl: envServers.get(name)!.origin, finOps: finOpsLinkOf(name) });
  const admin = await started(serve([adminList(environments, { book, pageSize: 2, fault })]));
  return { admin, envServers };
}

const serverError = (response: ServerResponse) =>
  json(response, 500, { error: { code: "InternalServerError", message: "Encountered internal server error." } });

describe("the admin list", () => {
  it("a 500 on page 2 that passes is retried with backoff: every environment is checked", async () => {
    const { admin } = await tenant((page, attempt, response) => page === 2 && attempt <= 2 && serverError(response));
    const run = await checkAllJson(admin);
    expect(run.code).toBe(0);
    const document = documentOf(run);
    expect(document.environments.map((e) => [e.name, e.state, e.adminCenter.compared])).toEqual(
      ["e1", "e2", "e3", "e4", "e5"].map((name) => [name, "linked", true]),
    );
    expect(document.findings).toEqual([]);
    expect(document.listing).toEqual({ complete: true, error: null });
  });

  it("a 500 on page 2 that does not pass: page 1's environments are still checked, the listing failure is reported, exit 2, --json one document", async () => {
    const { admin, envServers } = await tenant((page, _attempt, response) => page === 2 && serverError(response));
    const run = await checkAllJson(admin);
    expect(run.code).toBe(2);
    const document = documentOf(run);
    expect(document.environments.map((e) => [e.name, e.state])).toEqual([
      ["e1", "linked"],
      ["e2", "linked"],
    ]);
    expect(document.findings).toEqual([]); // exit 2 is the listing's alone
    expect(document.listing).toEqual({
      complete: false,
      error:
        "page 2 of the environment list: the admin API answered HTTP 500 InternalServerError: Encountered internal server error. (asked 4 times)",
    });
    expect(envServers.get("e3")!.exchanges).toEqual([]);
    expect(run.stderr).toMatch(
      /^finops-link: the environment list is incomplete: page 2 .*; the 2 listed were checked\n$/,
    );
  });

  it("--retries bounds the page retries too: with --retries 0 a 500 that would pass on the second ask stops the list", async () => {
    const { admin } = await tenant((page, attempt, response) => page === 2 && attempt === 1 && serverError(response));
    const run = await checkAllJson(admin, "--retries", "0");
    expect(run.code).toBe(2);
    expect(documentOf(run).listing).toEqual({
      complete: false,
      error:
        "page 2 of the environment list: the admin API answered HTTP 500 InternalServerError: Encountered internal server error. (asked once: --retries 0)",
    });
    expect(admin.exchanges).toHaveLength(2); // page 1, then page 2 once
  });

  it("a 503 with Retry-After on page 2 is retried by its Retry-After alone (--retries times, not squared), then the listed are checked", async () => {
    const { admin } = await tenant(
      (page, _attempt, response) =>
        page === 2 &&
        json(response, 503, { error: { code: "ServiceUnavailable", message: "Busy." } }, { "Retry-After": "0" }),
    );
    const run = await checkAllJson(admin, "--retries", "2");
    expect(run.code).toBe(2);
    expect(documentOf(run).environments.map((e) => e.name)).toEqual(["e1", "e2"]);
    expect(documentOf(run).listing).toEqual({
      complete: false,
      error:
        "page 2 of the environment list: the admin API answered HTTP 503 ServiceUnavailable: Busy. (its Retry-After waits used up)",
    });
    expect(admin.exchanges).toHaveLength(1 + 3); // page 1, then page 2 once and twice again
  });

  it("the page backoff doubles and a wait over 3 s is said on stderr", async () => {
    const { admin } = await tenant((page, attempt, response) => page === 2 && attempt <= 4 && serverError(response));
    const run = await checkAllJson(admin, "--retries", "4");
    expect(run.code).toBe(0);
    expect(documentOf(run).listing).toEqual({ complete: true, error: null });
    // Waits of 0.5, 1, 2 and 4 s: only the last is said.
    expect(run.stderr).toBe(
      "finops-link: page 2 of the environment list: the admin API answered HTTP 500 InternalServerError: Encountered internal server error.: asking again in 4 s\n",
    );
  });

  it("a connection reset on page 2: the same, in the table too (stdout the table, the failure on stderr)", async () => {
    const { admin } = await tenant((page, _attempt, _response, request) => {
      if (page !== 2) return false;
      request.socket.destroy();
      return true;
    });
    const run = await runCli(["check", "--all", "--admin-api", `${admin.origin}/bap`, "--access-token", TOKEN]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/\be1\b/);
    expect(run.stdout).toMatch(/\be2\b/);
    expect(run.stdout).not.toMatch(/\be3\b/);
    expect(run.stderr).toMatch(
      /the environment list is incomplete: page 2 of the environment list: the admin API \(http:\/\/127\.0\.0\.1:\d+\) did not answer/,
    );
  });

  it("an environment listed twice is checked once", async () => {
    const { admin, envServers } = await tenant(() => false, ["e1", "e2", "e1"]);
    const run = await checkAllJson(admin);
    expect(run.code).toBe(0);
    expect(documentOf(run).environments.map((e) => e.name)).toEqual(["e1", "e2"]);
    expect(documentOf(run).findings).toEqual([]);
    expect(envServers.get("e1")!.exchanges).toHaveLength(2); // the link and the solution row, once
  });
});

describe("service protection", () => {
  it("a wait longer than a few seconds is said on stderr (stdout stays the document)", async () => {
    const book = new TokenBook();
    book.accepted.add(TOKEN);
    let throttled = false;
    const env = await started(
      serve([
        (_e, response) => {
          if (throttled) return false;
          throttled = true;
          return json(
            response,
            429,
            {
              error: {
                code: "0x80072322",
                message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
              },
            },
            { "Retry-After": "4" },
          );
        },
        dataverse({ book, solution: null, messages: [] }),
      ]),
    );
    // Dataverse's own throttling is the subject: the admin center's view is left out (--no-admin-center).
    const run = await runCli(["check", "--env", env.origin, "--no-admin-center", "--access-token", TOKEN, "--json"]);
    expect(run.code).toBe(0);
    expect(documentOf(run).summary.retried).toBe(1);
    expect(run.stderr).toBe(`finops-link: ${new URL(env.origin).host} answered HTTP 429: asking again in 4 s\n`);
  });
});
