/** The command line's pure rules, in process: URLs, Retry-After, versions, CSV cells, exit codes, MSAL's setup. */
import { Agent } from "undici";
import { msalConfiguration, scopeFor } from "../../cli/auth/msal";
import { failedSignInsKept, freshPerResource, staticToken } from "../../cli/auth/tokenSource";
import { findingsFor, finOpsKind } from "../../cli/check/findings";
import { exitCodeFor, summarise, type EnvironmentReport } from "../../cli/check/report";
import { terminalText } from "../../cli/output/sanitize";
import { UsageError } from "../../cli/failures";
import { retryAfterMs, retryWait, saysExpired } from "../../cli/http";
import { checkProxySettings, proxySettings } from "../../cli/net/agent";
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
    ["https://contoso.crm4.dynamics.com/main.aspx", "https://contoso.crm4.dynamics.com"],
    ["https://contoso.crm4.dynamics.com/main.aspx?appid=0b5c&pagetype=entitylist", "https://contoso.crm4.dynamics.com"],
    ["https://contoso.crm.dynamics.com/?x=1", "https://contoso.crm.dynamics.com"],
    ["https://contoso.crm.dynamics.com/api/data/v9.2/", "https://contoso.crm.dynamics.com"],
    ["https://contoso.api.crm.dynamics.com/XRMServices/2011/Organization.svc", "https://contoso.api.crm.dynamics.com"],
    ["contoso.crm.dynamics.com/main.aspx#etn=account", "https://contoso.crm.dynamics.com"],
  ])("%s is used at its origin %s, and the notice says so", (input, url) => {
    const notices: Array<[string, string]> = [];
    expect(environmentUrl(input, "crm.dynamics.com", (given, used) => notices.push([given, used]))).toBe(url);
    expect(notices).toEqual([[input, url]]);
  });

  it.each([
    "http://contoso.crm.dynamics.com",
    "http://127.0.0.1.example.com",
    "http://128.0.0.1",
    "javascript:alert(1)",
    "https://a:b@contoso.crm.dynamics.com",
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
  answer: null,
  erpUrl: null,
  adminCenter: { compared: false, reason: "--no-admin-center" },
  parts: null,
  findings: [],
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
    expect(summarise([report("linked"), report("linked"), report("failed")], [], 4)).toEqual({
      total: 3,
      linked: 2,
      notLinked: 0,
      unauthorized: 0,
      forbidden: 0,
      offline: 0,
      invalid: 0,
      failed: 1,
      noDataverse: 0,
      notChecked: 0,
      retried: 4,
      findings: { error: 0, warning: 0, info: 0 },
    });
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses formula-like text from servers", () => {
    const csv = renderCsv([report("failed", '=HYPERLINK("x"), and\nmore')]);
    // One line per environment: the server's line break is a space (terminalText).
    expect(csv.slice(1).split("\r\n")[1]).toBe(
      `x,https://x.crm.dynamics.com,failed,,,,,,,,,"'=HYPERLINK(""x""), and more",1,,,,,,,,,,`,
    );
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

describe("terminalText: one line of plain text from a server's string", () => {
  it.each([
    ["CR, LF and TAB become spaces", "a\r\nb\tc", "a  b c"],
    ["SGR colour", "\u001b[31mred\u001b[0m", "red"],
    ["clear screen and cursor home", "\u001b[2J\u001b[Hclear", "clear"],
    ["OSC 8 link with BEL, any URL text", "\u001b]8;;https://evil.example/?a=b,c!\u0007click\u001b]8;;\u0007", "click"],
    ["OSC title ended by ST", "\u001b]0;a title\u001b\\after", "after"],
    ["8-bit CSI", "\u009b31mC1", "C1"],
    ["bidi override and isolate", "abc\u202edcba\u2066x\u2069", "abcdcbax"],
    ["a lone ESC and NUL", "esc\u001b and\u0000", "esc and"],
    ["line separators", "one\u2028two\u0085three", "one two three"],
    ["null", null, ""],
    ["numbers", 42, "42"],
  ])("%s", (_, input, output) => expect(terminalText(input)).toBe(output));
});

describe("findings", () => {
  const linked = (name: string, fno: { id: string; url: string; tenant?: string }, admin?: Partial<AdminView>) =>
    ({
      ...report("linked"),
      name,
      financeAndOperations: {
        url: fno.url,
        tenantId: fno.tenant ?? "t1",
        environmentId: fno.id,
        extra: {},
      },
      adminCenter:
        admin === undefined
          ? { compared: false, reason: "x" }
          : {
              compared: true,
              environmentId: name,
              sku: "Production",
              tenantId: "t1",
              runtimeState: "Enabled",
              instanceState: "Ready",
              linkedApp: { type: "Linked", id: fno.id, url: fno.url },
              ...admin,
            },
    }) as EnvironmentReport;
  type AdminView = Extract<EnvironmentReport["adminCenter"], { compared: true }>;

  it("F&O hosts: sandbox, cloud-hosted development, production", () => {
    expect(finOpsKind("https://x-uat.sandbox.operations.dynamics.com")).toBe("sandbox");
    expect(finOpsKind("https://x.sandbox.operations.eu.dynamics.com")).toBe("sandbox");
    expect(finOpsKind("https://x1234devaos.cloudax.dynamics.com")).toBe("development");
    expect(finOpsKind("https://x.axcloud.dynamics.com")).toBe("development");
    expect(finOpsKind("https://x.operations.dynamics.com")).toBe("production");
    expect(finOpsKind("https://X-UAT.Sandbox.Operations.dynamics.com.")).toBe("sandbox"); // as DNS compares hosts
    expect(finOpsKind("https://example.com")).toBe("unknown");
  });

  it("a shared F&O environment is one finding naming each environment; ids compare case-insensitively", () => {
    const a = linked("a", { id: "ABC", url: "https://a.operations.dynamics.com" });
    const b = linked("b", { id: "abc", url: "https://a.operations.dynamics.com" });
    const c = linked("c", { id: "other", url: "https://c.operations.dynamics.com" });
    const findings = findingsFor([a, b, c]);
    expect(findings.map((f) => [f.code, f.severity, f.environments])).toEqual([
      ["sharedFinOpsEnvironment", "error", ["a", "b"]],
    ]);
    expect([a.findings, b.findings, c.findings]).toEqual([
      ["sharedFinOpsEnvironment"],
      ["sharedFinOpsEnvironment"],
      [],
    ]);
  });

  it("the admin center and Dataverse: another F&O environment, linked on one side only; nothing when they agree", () => {
    const fno = { id: "f1", url: "https://f1.operations.dynamics.com" };
    expect(findingsFor([linked("same", fno, {})])).toEqual([]);
    // Compared by host (no id): upper case and the root's trailing dot name the same host (core/inputs.ts).
    const dotted = { linkedApp: { type: "Linked", id: null, url: "https://F1.Operations.dynamics.com." } };
    expect(findingsFor([linked("dotted", fno, dotted)])).toEqual([]);
    expect(findingsFor([linked("other", fno, { linkedApp: { type: "Linked", id: "f2", url: null } })])[0].code).toBe(
      "adminCenterMismatch",
    );
    expect(findingsFor([linked("none", fno, { linkedApp: null })])[0].code).toBe("adminCenterMismatch");
    // The admin center's link without Dataverse's: a setup that did not finish (test/cli/readiness.test.ts).
    const notLinked = { ...linked("nl", fno, {}), state: "notLinked", financeAndOperations: null } as EnvironmentReport;
    expect(findingsFor([notLinked])[0].code).toBe("setupIncomplete");
    // Not compared: no comparison finding.
    expect(findingsFor([linked("x", fno)])).toEqual([]);
  });

  it("pairing: production with a sandbox or development host, a sandbox with production; tenant", () => {
    const sandboxHost = { id: "s", url: "https://s.sandbox.operations.dynamics.com" };
    const devHost = { id: "d", url: "https://d.cloudax.dynamics.com" };
    const prodHost = { id: "p", url: "https://p.operations.dynamics.com" };
    expect(findingsFor([linked("a", sandboxHost, {})]).map((f) => f.code)).toEqual(["pairingMismatch"]);
    expect(findingsFor([linked("b", devHost, {})]).map((f) => f.code)).toEqual(["pairingMismatch"]);
    expect(findingsFor([linked("c", prodHost, { sku: "Sandbox" })]).map((f) => f.code)).toEqual(["pairingMismatch"]);
    expect(findingsFor([linked("d", devHost, { sku: "Sandbox" })])).toEqual([]);
    expect(findingsFor([linked("e", { ...prodHost, tenant: "t2" }, {})]).map((f) => f.code)).toEqual([
      "tenantMismatch",
    ]);
  });

  it("exit codes: a finding at or above --fail-on is 1 (default warning), never 2: 2 is for what could not be checked", () => {
    expect(exitCodeFor([report("linked")], [{ severity: "error" }])).toBe(1);
    expect(exitCodeFor([report("linked")], [{ severity: "warning" }])).toBe(1);
    expect(exitCodeFor([report("linked"), report("notChecked")], [{ severity: "info" }])).toBe(0);
    expect(exitCodeFor([report("linked")], [{ severity: "warning" }], "error")).toBe(0);
    expect(exitCodeFor([report("linked")], [{ severity: "error" }], "error")).toBe(1);
    expect(exitCodeFor([report("linked")], [{ severity: "info" }], "info")).toBe(1);
    expect(exitCodeFor([report("linked"), report("failed")], [{ severity: "error" }], "error")).toBe(2);
    expect(exitCodeFor([report("notLinked")], [], "error")).toBe(1); // not linked is always something found
  });
});

describe("tokens kept fresh", () => {
  const provider = (lifetimeMs: number | undefined, clock: { now: number }) => {
    const asked: Array<{ resource: string; force: boolean }> = [];
    let n = 0;
    return {
      asked,
      provider: {
        kind: "test",
        canRefresh: true,
        acquire: async (resource: string, force: boolean) => {
          asked.push({ resource, force });
          n++;
          return lifetimeMs === undefined
            ? { accessToken: `t${n}` }
            : { accessToken: `t${n}`, expiresOnMs: clock.now + lifetimeMs };
        },
      },
    };
  };

  it("one acquisition per resource, shared by concurrent callers; again when within the margin of expiry", async () => {
    const clock = { now: 0 };
    const { asked, provider: p } = provider(60 * 60_000, clock);
    const tokens = freshPerResource(p, () => clock.now);
    expect(await Promise.all([tokens.token("a"), tokens.token("a"), tokens.token("b")])).toEqual(["t1", "t1", "t2"]);
    clock.now = 54 * 60_000; // 6 minutes left: still fresh
    expect(await tokens.token("a")).toBe("t1");
    clock.now = 56 * 60_000; // 4 minutes left: within MSAL's 5-minute margin
    expect(await tokens.token("a")).toBe("t3");
    expect(asked).toHaveLength(3);
  });

  it("a short lifetime is renewed in its last quarter; a token without expiry is kept", async () => {
    const clock = { now: 0 };
    const short = freshPerResource(provider(4000, clock).provider, () => clock.now);
    expect(await short.token("a")).toBe("t1");
    clock.now = 2500;
    expect(await short.token("a")).toBe("t1");
    clock.now = 3100;
    expect(await short.token("a")).toBe("t2");
    const unknown = freshPerResource(provider(undefined, clock).provider, () => clock.now);
    expect(await unknown.token("a")).toBe("t1");
    clock.now = 10 ** 9;
    expect(await unknown.token("a")).toBe("t1");
  });

  it("refresh after 'expired': one forced acquisition, shared; a fixed token cannot be refreshed", async () => {
    const clock = { now: 0 };
    const { asked, provider: p } = provider(undefined, clock);
    const tokens = freshPerResource(p, () => clock.now);
    expect(await tokens.token("a")).toBe("t1");
    const [x, y] = await Promise.all([tokens.refresh("a", "t1"), tokens.refresh("a", "t1")]);
    expect([x, y]).toEqual(["t2", "t2"]);
    expect(asked.filter((a) => a.force)).toHaveLength(1);
    expect(await tokens.token("a")).toBe("t2");
    expect(await staticToken("fixed").refresh("a", "fixed")).toBeUndefined();
  });

  it("a failed acquisition is not kept", async () => {
    let calls = 0;
    const tokens = freshPerResource({
      kind: "test",
      canRefresh: true,
      acquire: async () => {
        calls++;
        if (calls === 1) throw new Error("no");
        return { accessToken: "ok" };
      },
    });
    await expect(tokens.token("a")).rejects.toThrow("no");
    expect(await tokens.token("a")).toBe("ok");
  });

  it("in a check or doctor run a failed sign-in is given again, not asked again; other resources and refreshes are", async () => {
    const asked: string[] = [];
    const tokens = failedSignInsKept(
      freshPerResource({
        kind: "test",
        canRefresh: true,
        acquire: async (resource, force) => {
          asked.push(`${resource}${force ? "!" : ""}`);
          if (resource === "a") throw new Error(`no token for ${resource}`);
          return { accessToken: `${resource}${asked.length}` };
        },
      }),
    );
    await expect(tokens.token("a")).rejects.toThrow("no token for a");
    await expect(tokens.token("a")).rejects.toThrow("no token for a");
    expect(await tokens.token("b")).toBe("b2");
    expect(await tokens.token("b")).toBe("b2");
    expect(await tokens.refresh("b", "b2")).toBe("b3");
    expect(asked).toEqual(["a", "b", "b!"]);
  });

  it("a 401 says expired in its challenge or its body", () => {
    const headers = (challenge: string | null) => ({ get: () => challenge, forEach: () => undefined });
    const answer = (status: number, challenge: string | null, text = "") => ({
      status,
      text,
      headers: headers(challenge),
    });
    expect(
      saysExpired(answer(401, 'Bearer error="invalid_token", error_description="The access token has expired."')),
    ).toBe(true);
    expect(saysExpired(answer(401, null, '{"error":{"message":"Token expired"}}'))).toBe(true);
    expect(saysExpired(answer(401, 'Bearer error="invalid_token", error_description="Invalid audience"'))).toBe(false);
    expect(saysExpired(answer(403, "expired"))).toBe(false);
  });
});

describe("proxy settings", () => {
  it("either case, the lower-case one first, as curl reads them; empty values are none", () => {
    expect(proxySettings({ HTTPS_PROXY: "http://upper:1", https_proxy: "http://lower:2", NO_PROXY: "a,b" })).toEqual({
      httpsProxy: "http://lower:2",
      noProxy: "a,b",
    });
    expect(proxySettings({ HTTP_PROXY: " ", no_proxy: "" })).toEqual({});
  });

  it("http(s) proxies only; a bare host:port means http", () => {
    expect(checkProxySettings({ httpsProxy: "proxy.contoso.com:8080" })).toBeUndefined();
    expect(checkProxySettings({ httpProxy: "https://proxy:443" })).toBeUndefined();
    expect(checkProxySettings({ httpsProxy: "socks5://proxy:1080" })).toMatch(/^HTTPS_PROXY: only http/);
    expect(checkProxySettings({ httpProxy: "http://[bad" })).toBe("HTTP_PROXY is not a proxy URL");
  });
});
