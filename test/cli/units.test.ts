/** The command line's pure rules, in process: URLs, Retry-After, versions, CSV cells, exit codes, MSAL's setup. */
import { Agent } from "undici";
import { msalConfiguration, scopeFor } from "../../cli/auth/msal";
import { freshPerResource, jwtExpiry, staticToken } from "../../cli/auth/tokenSource";
import { exitCodeFor, summarise, type EnvironmentReport } from "../../cli/check/report";
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

  it("a JWT's exp, in ms; anything else has none", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    expect(jwtExpiry(`${b64({ alg: "RS256" })}.${b64({ exp: 1700000000 })}.sig`)).toBe(1700000000000);
    expect(jwtExpiry("opaque-token")).toBeUndefined();
    expect(jwtExpiry("a.b.c")).toBeUndefined();
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
