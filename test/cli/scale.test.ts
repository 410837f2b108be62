/**
 * `check` at tenant scale (docs/link-audit.md, "How a large tenant is checked"): the built program against hostile
 * servers on 127.0.0.1 that hold requests until the one that proves the order has arrived. No clock decides a
 * result: a program that sends in the wrong order waits for its --timeout and its row says so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adminList, dataverse, json, serve, TokenBook, type Route, type Served } from "./support/hostile";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { closeAfterAll } from "./support/closeAfterAll";

jest.setTimeout(60_000);
requireBuiltCli();

const started = closeAfterAll<Served>();
const TOKEN = "scale-test-token";
const bookWithToken = () => {
  const book = new TokenBook();
  book.accepted.add(TOKEN);
  return book;
};

interface Row {
  name: string;
  state: string;
  solution: { installed: boolean } | null;
  error: { message: string } | null;
}
const rowsOf = (run: CliRun) => (JSON.parse(run.stdout) as { environments: Row[] }).environments;

/** A promise with its resolve, for a route to wait on. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => undefined as void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

describe("one round trip per environment", () => {
  it("an environment's reads are in flight together: the link function and the solutions row are both asked before either is answered", async () => {
    const log: string[] = [];
    const both = signal();
    const holdUntilBoth: Route = async (exchange) => {
      log.push(`asked ${exchange.path.replace(/^\/api\/data\/v9\.2\//, "")}`);
      if (log.length === 2) both.fire();
      await both.promise;
      return false;
    };
    const env = await started(
      serve([
        holdUntilBoth,
        dataverse({ book: bookWithToken(), solution: { version: "1.0.0.0", managed: true }, messages: [] }),
      ]),
    );
    const run = await runCli([
      "check",
      "--env",
      env.origin,
      "--no-admin-center",
      "--access-token",
      TOKEN,
      "--timeout",
      "5", // one read at a time would wait here for the second read that never comes
      "--retries",
      "0",
      "--json",
    ]);
    expect(rowsOf(run)[0]).toMatchObject({ state: "linked", solution: { installed: true } });
    // Neither was answered before both had arrived: one read at a time would have timed out above.
    expect([...log].sort()).toEqual(["asked RetrieveFinanceAndOperationsIntegrationDetails()", "asked solutions"]);
  });

  it("a throttled environment's slot goes to the next environment during its Retry-After wait (--concurrency 1)", async () => {
    const log: string[] = [];
    let throttled = false;
    const throttleFirstLinkCall: Route = (exchange, response) => {
      log.push(`a asked ${exchange.path.replace(/^\/api\/data\/v9\.2\//, "")}`);
      if (throttled || !exchange.path.endsWith("RetrieveFinanceAndOperationsIntegrationDetails()")) return false;
      throttled = true;
      response.setHeader("Retry-After", "1");
      return json(response, 429, { error: { code: "0x80072322", message: "Number of requests exceeded the limit." } });
    };
    const noteB: Route = (exchange) => {
      log.push(`b asked ${exchange.path.replace(/^\/api\/data\/v9\.2\//, "")}`);
      return false;
    };
    const book = bookWithToken();
    const a = await started(serve([throttleFirstLinkCall, dataverse({ book, solution: null, messages: [] })]));
    const b = await started(serve([noteB, dataverse({ book, solution: null, messages: [] })]));
    const run = await runCli([
      "check",
      "--env",
      a.origin,
      "--env",
      b.origin,
      "--no-admin-center",
      "--access-token",
      TOKEN,
      "--concurrency",
      "1",
      "--json",
    ]);
    expect(rowsOf(run).map((row) => row.state)).toEqual(["linked", "linked"]);
    const links = log.filter((line) => line.endsWith("RetrieveFinanceAndOperationsIntegrationDetails()"));
    // a's first call (429), then b's while a waits, then a's call again: b held the one slot meanwhile.
    expect(links).toEqual([
      "a asked RetrieveFinanceAndOperationsIntegrationDetails()",
      "b asked RetrieveFinanceAndOperationsIntegrationDetails()",
      "a asked RetrieveFinanceAndOperationsIntegrationDetails()",
    ]);
    expect(run.stderr).toBe(""); // a 1 s wait is not said (only waits over 3 s are)
  });
});

describe("the admin list's pages", () => {
  it("the first page's environments are asked before the second page is answered", async () => {
    const log: string[] = [];
    const firstEnvironmentAsked = signal();
    const book = bookWithToken();
    const environments: Served[] = [];
    for (const name of ["one", "two", "three"]) {
      const noteAndRelease: Route = (exchange) => {
        log.push(`${name} asked ${exchange.path.replace(/^\/api\/data\/v9\.2\//, "")}`);
        firstEnvironmentAsked.fire();
        return false;
      };
      environments.push(await started(serve([noteAndRelease, dataverse({ book, solution: null, messages: [] })])));
    }
    const listed = ["one", "two", "three"].map((name, i) => ({ name, instanceUrl: environments[i]!.origin }));
    const holdSecondPage: Route = async (exchange) => {
      if (!exchange.path.endsWith("/environments")) return false;
      const page = exchange.query.has("$skiptoken") ? 2 : 1;
      log.push(`page ${page} asked`);
      if (page === 2) await firstEnvironmentAsked.promise;
      log.push(`page ${page} answered`);
      return false;
    };
    const admin = await started(serve([holdSecondPage, adminList(listed, { book, pageSize: 2 })]));
    const run = await runCli([
      "check",
      "--all",
      "--admin-api",
      `${admin.origin}/bap`,
      "--access-token",
      TOKEN,
      "--timeout",
      "5", // the whole list first would wait here for page 2, then give up on it
      "--retries",
      "0",
      "--json",
    ]);
    expect(rowsOf(run).map((row) => [row.name, row.state])).toEqual([
      ["one", "linked"],
      ["two", "linked"],
      ["three", "linked"],
    ]);
    const secondPageAnswered = log.indexOf("page 2 answered");
    expect(secondPageAnswered).toBeGreaterThan(0);
    expect(log.findIndex((line) => line.startsWith("one asked"))).toBeLessThan(secondPageAnswered);
    expect(log.findIndex((line) => line.startsWith("three asked"))).toBeGreaterThan(secondPageAnswered);
  });
});

describe("sign-in per audience", () => {
  const tokenCommandRun = async (template: (log: string) => string, count: number) => {
    const dir = mkdtempSync(join(tmpdir(), "finops-audience-"));
    const log = join(dir, "runs.txt");
    writeFileSync(log, "");
    const book = new TokenBook();
    const names = Array.from({ length: count }, (_, i) => `env${i}`);
    const environments: Served[] = [];
    for (let i = 0; i < count; i++)
      environments.push(await started(serve([dataverse({ book, solution: null, messages: [] })])));
    const listed = names.map((name, i) => ({ name, instanceUrl: environments[i]!.origin }));
    const admin = await started(serve([adminList(listed, { book, pageSize: 4 })]));
    const run = await runCli([
      "check",
      "--all",
      "--admin-api",
      `${admin.origin}/bap`,
      "--token-command",
      template(log),
      "--json",
    ]);
    return { run, runs: readFileSync(log, "utf8").trim().split("\n"), environments };
  };
  // A JWT that expires in 2 minutes: inside the 5-minute margin a token would be renewed in, as az hands out its
  // cached token until shortly before it expires. It is refused as expired by none of these servers.
  const script = () => {
    const dir = mkdtempSync(join(tmpdir(), "finops-jwt-"));
    const path = join(dir, "token.cjs");
    writeFileSync(
      path,
      `require("node:fs").appendFileSync(process.argv[2], (process.argv[3] ?? "one") + "\\n");
const b64 = (v) => Buffer.from(JSON.stringify(v)).toString("base64url");
process.stdout.write(b64({ alg: "none", typ: "JWT" }) + "." + b64({ iss: "hostile-test", exp: Math.floor(Date.now() / 1000) + 120 }) + ".");`,
    );
    return path;
  };

  it("--token-command runs once per resource it is asked for (its JWT, two minutes from expiry, is not renewed)", async () => {
    const path = script();
    const { run, runs, environments } = await tokenCommandRun(
      (log) => `${JSON.stringify(process.execPath)} ${path} ${log} {resource}`,
      6,
    );
    expect(rowsOf(run).map((row) => row.state)).toEqual(Array(6).fill("linked"));
    // Each environment's origin once, and the admin API's resource once.
    expect(runs).toHaveLength(7);
    expect(new Set(runs).size).toBe(7);
    for (const environment of environments) expect(runs).toContain(environment.origin);
  });

  it("--token-command without {resource} runs once for the whole run", async () => {
    const path = script();
    const { run, runs } = await tokenCommandRun((log) => `${JSON.stringify(process.execPath)} ${path} ${log}`, 6);
    expect(rowsOf(run).map((row) => row.state)).toEqual(Array(6).fill("linked"));
    expect(runs).toEqual(["one"]);
  });
});
