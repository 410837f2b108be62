import { bearerFetch, type PlainFetch } from "../../core/bearerFetch";
import { getIntegrationDetails } from "../../core/client";
import { pcfWebApi } from "../../core/pcfWebApi";
import { FUNCTION_PATH } from "../../core/request";

type Call = Parameters<PlainFetch>;
const ORG = "https://contoso.crm.dynamics.com";

function recording(status = 200, body: unknown = {}) {
  const calls: Call[] = [];
  const fetch: PlainFetch = async (url, init) => {
    calls.push([url, init]);
    return { ok: status < 300, status, json: async () => body, text: async () => JSON.stringify(body) };
  };
  return { calls, fetch };
}

describe("bearerFetch", () => {
  it("resolves the core's path against the environment, adds the bearer token, never follows a redirect", async () => {
    const { calls, fetch } = recording();
    const signal = new AbortController().signal;
    await bearerFetch({ orgUrl: `${ORG}/`, token: "t0k", fetch })(FUNCTION_PATH, {
      headers: { Accept: "application/json" },
      signal,
    });
    expect(calls).toEqual([
      [
        `${ORG}${FUNCTION_PATH}`,
        {
          method: "GET",
          headers: { Accept: "application/json", Authorization: "Bearer t0k" },
          redirect: "manual",
          signal,
        },
      ],
    ]);
  });

  it("asks a token function before every request", async () => {
    const { calls, fetch } = recording();
    let n = 0;
    const send = bearerFetch({ orgUrl: ORG, token: async () => `t${++n}`, fetch });
    await send(FUNCTION_PATH);
    await send(FUNCTION_PATH);
    expect(calls.map(([, init]) => init.headers.Authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it.each([
    ["throws", () => Promise.reject(new Error("no token"))],
    ["returns an empty string", () => ""],
  ])("when the token function %s nothing is sent and the core says unauthorized", async (_, token) => {
    const { calls, fetch } = recording();
    const result = await getIntegrationDetails({
      orgUrl: ORG,
      userId: "u",
      storage: null,
      fetch: bearerFetch({ orgUrl: ORG, token, fetch }),
    });
    expect(result).toEqual({ kind: "unauthorized" });
    expect(calls).toHaveLength(0);
  });

  it.each([
    "http://contoso.crm.dynamics.com",
    "ftp://contoso.crm.dynamics.com",
    "https://user:pw@contoso.crm.dynamics.com",
    "https://contoso.crm.dynamics.com/main.aspx",
    "https://contoso.crm.dynamics.com/?x=1",
    "contoso",
  ])("refuses %s at once", (orgUrl) => {
    expect(() => bearerFetch({ orgUrl, token: "t" })).toThrow(/^orgUrl must be/);
  });

  it("allows plain http on loopback only (a local emulator), and takes only a path", async () => {
    const { calls, fetch } = recording();
    const send = bearerFetch({ orgUrl: "http://127.0.0.1:8080", token: "t", fetch });
    await send(FUNCTION_PATH);
    expect(calls[0][0]).toBe(`http://127.0.0.1:8080${FUNCTION_PATH}`);
    await expect(send("https://elsewhere.example/x")).rejects.toThrow(TypeError);
    await expect(send("//elsewhere.example/x")).rejects.toThrow(TypeError);
  });

  it("carries a linked answer through getIntegrationDetails", async () => {
    const { fetch } = recording(200, {
      Url: "https://contoso.operations.dynamics.com",
      TenantId: "8f0c4b1e-2b5d-4c1a-9b7e-1f2a3b4c5d6e",
      Id: "2d8e7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    });
    const result = await getIntegrationDetails({
      orgUrl: ORG,
      userId: "u",
      storage: null,
      fetch: bearerFetch({ orgUrl: ORG, token: "t", fetch }),
    });
    expect(result).toMatchObject({ kind: "linked", details: { url: "https://contoso.operations.dynamics.com" } });
  });
});

describe("pcfWebApi", () => {
  it("adapts context.webAPI.execute, called on the webAPI itself", async () => {
    const webAPI = {
      marker: 7,
      execute(this: { marker: number }, request: object) {
        return Promise.resolve({ request, marker: this.marker });
      },
    };
    const request = {};
    await expect(pcfWebApi(webAPI)?.online.execute(request)).resolves.toEqual({ request, marker: 7 });
  });

  it("is undefined without an execute, or when reading it throws", () => {
    expect(pcfWebApi(undefined)).toBeUndefined();
    expect(pcfWebApi({ retrieveRecord: () => undefined })).toBeUndefined();
    const hostile = Object.defineProperty({}, "execute", {
      get() {
        throw new Error("Feature 'WebAPI.execute' is required");
      },
    });
    expect(pcfWebApi(hostile)).toBeUndefined();
  });
});
