/** The command line's pure rules, in process: URLs, Retry-After, versions, CSV cells, exit codes, MSAL's setup. */
import { Agent } from "undici";
import { msalConfiguration, scopeFor } from "../../cli/auth/msal";
import { exitCodeFor, summarise, type EnvironmentReport } from "../../cli/check/report";
import { UsageError } from "../../cli/failures";
import { retryAfterMs, retryWait } from "../../cli/http";
import { compareVersions } from "../../cli/import/solutionZip";
import { renderCsv } from "../../cli/output/csv";
import { environmentUrl, isLoopback, nameOf } from "../../cli/targets";

describe("environment URLs", () => {
  it.each([
    ["https://contoso.crm.dynamics.com/", "https://contoso.crm.dynamics.com"],
    ["contoso", "https://contoso.crm.dynamics.com"],
    ["contoso.crm4.dynamics.com", "https://contoso.crm4.dynamics.com"],
    ["HTTPS://Contoso.CRM.dynamics.com", "https://contoso.crm.dynamics.com"],
    ["http://127.0.0.1:5179", "http://127.0.0.1:5179"],
    ["http://localhost:8080/", "http://localhost:8080"],
    ["http://[::1]:8080", "http://[::1]:8080"],
  ])("%s -> %s", (input, url) => expect(environmentUrl(input, "crm.dynamics.com")).toBe(url));

  it.each([
    "http://contoso.crm.dynamics.com",
    "http://127.0.0.1.example.com",
    "http://128.0.0.1",
    "javascript:alert(1)",
    "https://a:b@contoso.crm.dynamics.com",
    "https://contoso.crm.dynamics.com/?x=1",
    "not a url",
  ])("%s is refused", (input) => expect(() => environmentUrl(input, "crm.dynamics.com")).toThrow(UsageError));

  it("loopback is 127/8, localhost and ::1 only", () => {
    expect(["127.0.0.1", "127.1.2.3", "localhost", "[::1]"].every(isLoopback)).toBe(true);
    expect(["10.0.0.1", "127.0.0.1.nip.io", "localhost.example.com"].some(isLoopback)).toBe(false);
  });

  it("names: the first host label, or host:port for an IP", () => {
    expect(nameOf("https://contoso.crm.dynamics.com")).toBe("contoso");
    expect(nameOf("http://127.0.0.1:5179")).toBe("127.0.0.1:5179");
  });
});

describe("service protection", () => {
  const answer = (status: number, retryAfter?: string) => ({
    status,
    headers: { get: (name: string) => (name === "retry-after" ? (retryAfter ?? null) : null) },
  });
  it("Retry-After in seconds or as an HTTP date", () => {
    expect(retryAfterMs("5", 0)).toBe(5000);
    expect(retryAfterMs("0.5", 0)).toBe(500);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(retryAfterMs("soon", 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
  it("429 waits what it asks (capped), or backs off without a header; 503 only with Retry-After; others never", () => {
    expect(retryWait(answer(429, "3"), 0, 3, 60_000)).toBe(3000);
    expect(retryWait(answer(429, "3600"), 0, 3, 60_000)).toBe(60_000);
    expect(retryWait(answer(429), 2, 3, 60_000)).toBe(4000);
    expect(retryWait(answer(503, "2"), 0, 3, 60_000)).toBe(2000);
    expect(retryWait(answer(503), 0, 3, 60_000)).toBeUndefined();
    expect(retryWait(answer(500, "2"), 0, 3, 60_000)).toBeUndefined();
    expect(retryWait(answer(429, "1"), 3, 3, 60_000)).toBeUndefined(); // bounded
  });
});

describe("versions", () => {
  it("compare part by part as numbers", () => {
    expect(compareVersions("1.10.0.0", "1.9.0.0")).toBe(1);
    expect(compareVersions("1.0.0", "1.0.0.0")).toBe(0);
    expect(compareVersions("0.9.0.0", "1.0.0.0")).toBe(-1);
  });
});

const report = (state: EnvironmentReport["state"], message?: string): EnvironmentReport => ({
  url: "https://x.crm.dynamics.com",
  name: "x",
  state,
  financeAndOperations: null,
  solution: null,
  error: message === undefined ? null : { code: null, status: null, message },
  elapsedMs: 1,
});

describe("exit codes and summary", () => {
  it("0 all linked, 1 some not linked, 2 any not checked; environments without Dataverse do not count", () => {
    expect(exitCodeFor([report("linked"), report("noDataverse")])).toBe(0);
    expect(exitCodeFor([report("linked"), report("notLinked")])).toBe(1);
    for (const state of ["unauthorized", "forbidden", "offline", "invalid", "failed"] as const)
      expect(exitCodeFor([report("notLinked"), report(state)])).toBe(2);
  });
  it("counts every state, zeros included", () => {
    expect(summarise([report("linked"), report("linked"), report("failed")], 4)).toEqual({
      total: 3,
      linked: 2,
      notLinked: 0,
      unauthorized: 0,
      forbidden: 0,
      offline: 0,
      invalid: 0,
      failed: 1,
      noDataverse: 0,
      retried: 4,
    });
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses formula-like text from servers", () => {
    const csv = renderCsv({
      environments: [report("failed", '=HYPERLINK("x"), and\nmore')],
      summary: summarise([], 0),
    });
    expect(csv.split("\r\n")[1]).toBe(`x,https://x.crm.dynamics.com,failed,,,,,,,,,"'=HYPERLINK(""x""), and\nmore",1`);
  });
});

describe("MSAL", () => {
  const network = { timeoutMs: 1000, dispatcher: new Agent() };
  afterAll(() => network.dispatcher.close());
  it("is told the authority in full, so it asks no discovery endpoint", () => {
    const config = msalConfiguration({
      authority: "https://login.microsoftonline.us/",
      tenant: "contoso.onmicrosoft.us",
      clientId: "c",
      ...network,
    });
    expect(config.auth.authority).toBe("https://login.microsoftonline.us/contoso.onmicrosoft.us/");
    expect(config.auth.knownAuthorities).toEqual(["login.microsoftonline.us"]);
    expect(JSON.parse(config.auth.authorityMetadata!)).toMatchObject({
      token_endpoint: "https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token",
    });
    expect(JSON.parse(config.auth.cloudDiscoveryMetadata!).metadata[0].aliases).toEqual(["login.microsoftonline.us"]);
  });
  it("a loopback http authority: an https name, http endpoints", () => {
    const config = msalConfiguration({ authority: "http://127.0.0.1:9/auth", tenant: "t", clientId: "c", ...network });
    expect(config.auth.authority).toBe("https://127.0.0.1:9/auth/t/");
    expect(JSON.parse(config.auth.authorityMetadata!).token_endpoint).toBe(
      "http://127.0.0.1:9/auth/t/oauth2/v2.0/token",
    );
  });
  it("scopes: Dataverse's URL, and the admin API's resource with its trailing slash", () => {
    expect(scopeFor("https://contoso.crm.dynamics.com")).toBe("https://contoso.crm.dynamics.com/.default");
    expect(scopeFor("https://service.powerapps.com/")).toBe("https://service.powerapps.com//.default");
  });
});
