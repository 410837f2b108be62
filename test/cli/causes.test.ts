import { causeChain, networkCause, proxySignInWords } from "../../cli/net/causes";
import { couldNotCheckLines } from "../../cli/output/causeGroups";
import type { EnvironmentReport } from "../../cli/check/report";

/** undici's shape: `fetch failed` wrapping the real error, sometimes one level deeper. */
const fetchFailed = (cause: unknown) => Object.assign(new TypeError("fetch failed"), { cause });
const coded = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
const NOW = Date.parse("2026-12-07T12:00:00Z");
const URL_ = "https://contoso.crm.dynamics.com/api/data/v9.2/x";

describe("networkCause walks the whole chain and names what an admin can act on", () => {
  it("a proxy's 407 two levels down (undici: Request was cancelled -> Proxy response (407))", () => {
    const error = fetchFailed(
      Object.assign(new Error("Request was cancelled."), {
        cause: coded("Proxy response (407) !== 200 when HTTP Tunneling", { code: "UND_ERR_ABORTED" }),
      }),
    );
    expect(causeChain(error).map((l) => l.message)).toEqual([
      "fetch failed",
      "Request was cancelled.",
      "Proxy response (407) !== 200 when HTTP Tunneling",
    ]);
    expect(networkCause(error, URL_, "http://proxy:8080", NOW)).toMatchObject({
      offline: false,
      proxyStatus: 407,
      words: expect.stringMatching(/^the proxy http:\/\/proxy:8080 asks for a sign-in \(HTTP 407.*cntlm, px.*NO_PROXY/),
    });
  });

  it.each([
    [403, false, /refused the tunnel to contoso\.crm\.dynamics\.com \(HTTP 403\): its rules block that host/],
    [502, true, /could not reach contoso\.crm\.dynamics\.com \(HTTP 502\)/],
  ])("the proxy's %s to CONNECT", (status, offline, words) => {
    const error = fetchFailed(coded(`Proxy response (${status}) !== 200 when HTTP Tunneling`, {}));
    expect(networkCause(error, URL_, "http://proxy:8080", NOW)).toMatchObject({
      offline,
      words: expect.stringMatching(words),
    });
  });

  it.each([
    [
      { code: "ENOTFOUND", hostname: "contoso.crm.dynamics.com" },
      true,
      /^contoso\.crm\.dynamics\.com is not known to DNS \(ENOTFOUND\)/,
    ],
    [{ code: "EAI_AGAIN" }, true, /DNS did not answer/],
    [{ code: "ECONNREFUSED", address: "10.0.0.1", port: 443 }, true, /^10\.0\.0\.1:443 refused the connection/],
    [{ code: "ECONNRESET" }, true, /cut before an answer \(ECONNRESET\): a firewall or a TLS-inspecting proxy/],
    [{ code: "UND_ERR_CONNECT_TIMEOUT" }, true, /could be made in time/],
    [{ code: "EHOSTUNREACH" }, true, /no route to/],
    [{ code: "SELF_SIGNED_CERT_IN_CHAIN" }, false, /not trusted .*NODE_EXTRA_CA_CERTS/],
    [{ code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" }, false, /not trusted .*NODE_EXTRA_CA_CERTS/],
    [{ code: "CERT_HAS_EXPIRED" }, false, /has expired .*clock .*2026-12-07T12:00:00\.000Z/],
    [{ code: "ERR_TLS_CERT_ALTNAME_INVALID" }, false, /another host's/],
    [{ code: "EWHATEVER" }, true, /^could not connect to contoso\.crm\.dynamics\.com \(EWHATEVER\)$/],
  ])("%j", (fields, offline, words) => {
    const error = fetchFailed(coded("x", fields));
    expect(networkCause(error, URL_, undefined, NOW)).toMatchObject({ offline, words: expect.stringMatching(words) });
  });

  it("the proxy itself refusing is named as the proxy, never with its password", () => {
    const error = fetchFailed(
      coded("connect ECONNREFUSED 127.0.0.1:3128", { code: "ECONNREFUSED", address: "127.0.0.1", port: 3128 }),
    );
    expect(networkCause(error, URL_, "http://127.0.0.1:3128", NOW).words).toBe(
      "the proxy http://127.0.0.1:3128 refused the connection (ECONNREFUSED): is HTTPS_PROXY right, and is the proxy running?",
    );
  });

  it("an AggregateError's errors and a cycle are walked once", () => {
    const loop: { cause?: unknown; message: string } = { message: "loop" };
    loop.cause = loop;
    const error = fetchFailed(
      Object.assign(new Error("all failed"), { errors: [loop, coded("x", { code: "ENETUNREACH" })] }),
    );
    expect(networkCause(error, URL_, undefined, NOW).words).toMatch(/no route to .*ENETUNREACH/);
  });
});

describe("proxySignInWords", () => {
  it("Negotiate/NTLM: cannot be done here; a relay or NO_PROXY", () => {
    expect(proxySignInWords("http://proxy:8080", ["Negotiate", "NTLM"], false)).toMatch(
      /^the proxy http:\/\/proxy:8080 wants Negotiate\/NTLM sign-in \(Windows\) \(HTTP 407 Proxy Authentication Required; Proxy-Authenticate: Negotiate, NTLM\); finops-link supports only Basic/,
    );
  });
  it("Basic without credentials: put them in the URL; with them: they were refused", () => {
    expect(proxySignInWords("http://proxy:8080", ["Basic"], false)).toMatch(/put them in the proxy URL/);
    expect(proxySignInWords("http://proxy:8080", ["Basic"], true)).toMatch(/refused the user and password/);
  });
});

describe("Could not be checked: one line per cause shared by several environments", () => {
  const failed = (name: string, message: string) =>
    ({ name, state: "failed", error: { code: null, status: null, message } }) as unknown as EnvironmentReport;
  it("groups by cause (a sign-in's prefix aside), keeps single ones as they were", () => {
    const lines = couldNotCheckLines([
      failed("a", "sign-in for https://a.example: the proxy wants X"),
      failed("b", "HTTP 500"),
      failed("c", "sign-in for https://c.example: the proxy wants X"),
      ...["d", "e", "f", "g", "h"].map((n) => failed(n, "the proxy wants X")),
    ]);
    expect(lines).toEqual(["  7 environments (a, c, d, e, f and 2 more): the proxy wants X", "  b: HTTP 500"]);
  });
});
