import { getIntegrationDetails, type GetDetailsOptions, type IntegrationResult } from "../../core";
import { fetchReturning, linkedBody, webApiRejecting, webApiResolving } from "./fakes";
import {
  DATAVERSE_HEADERS,
  ENVIRONMENT_ID,
  errorBody,
  fetchResponse,
  FO_URL,
  HOST_FAILURES,
  HOST_RESOLUTIONS,
  LINKED_EXTRA,
  mobileOfflineError,
  NOT_LINKED,
  ORG,
  PLAYER_404_HTML,
  SERVER_ERROR,
  TENANT,
  USER,
} from "../fixtures/dataverse";

/** Every call here is uncached (storage: null) so each scenario reaches its transport. */
function viaFetch(fetchImpl: GetDetailsOptions["fetch"]): Promise<IntegrationResult> {
  return getIntegrationDetails({ orgUrl: ORG, userId: USER, fetch: fetchImpl, storage: null });
}
function viaXrm(webApi: GetDetailsOptions["webApi"]): Promise<IntegrationResult> {
  return getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: jest.fn() });
}

const expectedDetails = {
  url: FO_URL,
  tenantId: TENANT,
  environmentId: ENVIRONMENT_ID,
  extra: { ...LINKED_EXTRA },
};

describe("linked", () => {
  test("fetch: same-origin relative GET with OData headers, details normalised, extra kept, annotations dropped", async () => {
    const fetchImpl = fetchReturning(200, linkedBody());
    await expect(viaFetch(fetchImpl)).resolves.toEqual({ kind: "linked", details: expectedDetails, fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe("/api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails");
    expect(init).toEqual({
      method: "GET",
      credentials: "same-origin",
      headers: { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" },
      signal: expect.any(AbortSignal),
    });
  });

  test("Xrm: execute gets the unbound function request and the Response is read as fetch reads it", async () => {
    const webApi = webApiResolving(linkedBody());
    await expect(viaXrm(webApi)).resolves.toEqual({ kind: "linked", details: expectedDetails, fromCache: false });
    const request = webApi.online.execute.mock.calls[0][0] as { getMetadata(): unknown };
    expect(Object.prototype.hasOwnProperty.call(request, "getMetadata")).toBe(false);
    expect(request.getMetadata()).toEqual({
      boundParameter: null,
      parameterTypes: {},
      operationType: 1,
      operationName: "RetrieveFinanceAndOperationsIntegrationDetails",
    });
  });

  test("Xrm: a host that resolves with the body itself is read too", async () => {
    const webApi = { online: { execute: jest.fn(async () => linkedBody()) } };
    await expect(viaXrm(webApi)).resolves.toMatchObject({ kind: "linked", details: expectedDetails });
  });

  test("the webApi transport wins over fetch when both are given", async () => {
    const fetchImpl = fetchReturning(200, linkedBody());
    const webApi = webApiResolving(linkedBody());
    await getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, fetch: fetchImpl, storage: null });
    expect(webApi.online.execute).toHaveBeenCalledTimes(1);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe("notLinked (0x80048d0b)", () => {
  test("fetch: HTTP 400 with the hex code in the body", async () => {
    await expect(viaFetch(fetchReturning(400, errorBody(NOT_LINKED)))).resolves.toEqual({
      kind: "notLinked",
      fromCache: false,
    });
  });
  test("fetch: upper-case hex is the same code", async () => {
    const body = { error: { code: "0x80048D0B", message: "x" } };
    await expect(viaFetch(fetchReturning(400, body))).resolves.toEqual({ kind: "notLinked", fromCache: false });
  });
  test.each([
    ["unsigned", 2147781899],
    ["signed", -2147185397],
    ["unsigned as a string", "2147781899"],
  ])("Xrm: errorCode %s", async (_label, errorCode) => {
    const error = { errorCode, message: "Dataverse instance isn't integrated with finance and operations." };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({ kind: "notLinked", fromCache: false });
  });
  test("Xrm: only the hex code in raw (no errorCode)", async () => {
    const error = { message: "Bad request", raw: JSON.stringify(errorBody(NOT_LINKED)) };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({ kind: "notLinked", fromCache: false });
  });
  test("Xrm: code field with innerror, as some hosts send", async () => {
    const error = { code: -2147185397, message: "", innerror: { message: "Dataverse instance isn't integrated" } };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({ kind: "notLinked", fromCache: false });
  });
});

describe("unauthorized", () => {
  test("fetch: HTTP 401 with an empty body", async () => {
    await expect(viaFetch(fetchReturning(401, ""))).resolves.toEqual({ kind: "unauthorized" });
  });
  test("Xrm: AccessTokenExpired, signed", async () => {
    const error = { errorCode: -2147094271, message: "The requested resource requires authentication." };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({
      kind: "unauthorized",
      code: "0x8005f101",
      message: "The requested resource requires authentication.",
    });
  });
  test("Xrm: status 401", async () => {
    await expect(viaXrm(webApiRejecting({ status: 401, message: "Unauthorized" }))).resolves.toMatchObject({
      kind: "unauthorized",
    });
  });
});

describe("forbidden", () => {
  const missingPrivilege = "Principal user (Id=8c4b5e0f, type=8) is missing prvReadSolution privilege";
  test("fetch: HTTP 403 with 0x80042f09", async () => {
    const body = { error: { code: "0x80042f09", message: missingPrivilege } };
    await expect(viaFetch(fetchReturning(403, body))).resolves.toEqual({
      kind: "forbidden",
      code: "0x80042f09",
      message: missingPrivilege,
    });
  });
  test("fetch: PrivilegeDenied 0x80040220 even when the status is not 403", async () => {
    const body = { error: { code: "0x80040220", message: "SecLib::CheckPrivilege failed" } };
    await expect(viaFetch(fetchReturning(500, body))).resolves.toMatchObject({ kind: "forbidden", code: "0x80040220" });
  });
  test("Xrm: PrivilegeDenied as a signed decimal", async () => {
    const error = { errorCode: -2147220960, message: missingPrivilege };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({
      kind: "forbidden",
      code: "0x80040220",
      message: missingPrivilege,
    });
  });
  test("Xrm: unknown code, but the message says a prv privilege is missing", async () => {
    const error = { errorCode: 2147746326, message: missingPrivilege };
    await expect(viaXrm(webApiRejecting(error))).resolves.toMatchObject({ kind: "forbidden", code: "0x80040216" });
  });
});

describe("offline", () => {
  test("fetch: rejects with TypeError (no response)", async () => {
    const fetchImpl = jest.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(viaFetch(fetchImpl)).resolves.toEqual({ kind: "offline" });
  });
  test("fetch: the body stream breaks after the headers", async () => {
    const fetchImpl = jest.fn(async () => ({
      ...fetchResponse(200, ""),
      text: async () => Promise.reject(new TypeError("network error")),
    }));
    await expect(viaFetch(fetchImpl)).resolves.toEqual({ kind: "offline" });
  });
  test("Xrm: an error that says the client is offline", async () => {
    // The words mobile offline hosts use (reported in MicrosoftDocs/powerapps-docs#857); the code varies by host.
    const error = {
      errorCode: 2147943859,
      message: "This operation failed because you're offline. Reconnect and try again.",
    };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({ kind: "offline" });
  });
  test("Xrm: the mobile app's UciError, without errorCode", async () => {
    await expect(viaXrm(webApiRejecting(mobileOfflineError()))).resolves.toEqual({ kind: "offline" });
  });
  test("fetch: a host whose fetch rejects with the mobile app's UciError", async () => {
    await expect(viaFetch(jest.fn(async () => Promise.reject(mobileOfflineError())))).resolves.toEqual({
      kind: "offline",
    });
  });
  test("Xrm: a network TypeError", async () => {
    await expect(
      viaXrm(webApiRejecting(new TypeError("NetworkError when attempting to fetch resource."))),
    ).resolves.toEqual({ kind: "offline" });
  });
  test("Xrm: status 0", async () => {
    await expect(viaXrm(webApiRejecting({ status: 0, message: "" }))).resolves.toEqual({ kind: "offline" });
  });
  test.each(["fetch", "xrm"] as const)("%s: the host says offline: no request at all", async (transport) => {
    const fetchImpl = fetchReturning(200, linkedBody());
    const webApi = webApiResolving(linkedBody());
    const result = await getIntegrationDetails({
      orgUrl: ORG,
      userId: USER,
      storage: null,
      fetch: fetchImpl,
      ...(transport === "xrm" ? { webApi } : {}),
      isOffline: () => true,
    });
    expect(result).toEqual({ kind: "offline" });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(webApi.online.execute).not.toHaveBeenCalled();
  });
});

describe("invalid", () => {
  test.each([
    ["javascript:", { Url: "javascript:alert(document.cookie)" }, "Url"],
    ["http:", { Url: "http://contoso.operations.dynamics.com" }, "Url"],
    ["a bad tenant", { TenantId: "not-a-guid" }, "TenantId"],
    ["a missing Id", { Id: undefined }, "Id"],
  ])("fetch and Xrm agree on %s", async (_label, overrides, field) => {
    const body = linkedBody(overrides);
    await expect(viaFetch(fetchReturning(200, body))).resolves.toMatchObject({ kind: "invalid", field });
    await expect(viaXrm(webApiResolving(body))).resolves.toMatchObject({ kind: "invalid", field });
  });
  test("fetch: a 200 from Dataverse (its OData-Version header) that is HTML, not JSON", async () => {
    const html = "<html><a href='https://x'>x</a></html>";
    const fetchImpl = jest.fn(async () => fetchResponse(200, html, DATAVERSE_HEADERS));
    await expect(viaFetch(fetchImpl)).resolves.toEqual({
      kind: "invalid",
      field: "body",
      reason: "not a JSON object",
    });
  });
  test("Xrm: a Response whose json() fails is no answer: fetch carries the request", async () => {
    const webApi = {
      online: {
        execute: jest.fn(async () => ({
          ok: true,
          status: 200,
          json: async () => Promise.reject(new SyntaxError("Unexpected token <")),
        })),
      },
    };
    const fetchImpl = fetchReturning(200, linkedBody());
    await expect(
      getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: fetchImpl }),
    ).resolves.toMatchObject({ kind: "linked" });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

describe("the page is not a Dataverse organization (a canvas app's or another player's page)", () => {
  test.each([
    ["an HTML 404", fetchResponse(404, PLAYER_404_HTML, { "Content-Type": "text/html" })],
    ["an empty 404", fetchResponse(404, "")],
    ["a 200 HTML page without Dataverse's OData-Version header", fetchResponse(200, "<html><body>app</body></html>")],
  ])("fetch: %s says so, never a bare 404, invalid or offline", async (_label, response) => {
    await expect(viaFetch(jest.fn(async () => response))).resolves.toEqual({ kind: "failed", notDataverse: true });
  });
  test("a 404 with Dataverse's OData error body is Dataverse's answer", async () => {
    const body = { error: { code: "0x8006088a", message: "Resource not found for the segment 'X'." } };
    await expect(viaFetch(fetchReturning(404, body))).resolves.toEqual({
      kind: "failed",
      code: "0x8006088a",
      status: 404,
      message: "Resource not found for the segment 'X'.",
    });
  });
});

describe("failed", () => {
  test("fetch: HTTP 500 with a Dataverse code and message", async () => {
    const body = { error: { code: "0x80040216", message: "An unexpected error occurred." } };
    await expect(viaFetch(fetchReturning(500, body))).resolves.toEqual({
      kind: "failed",
      code: "0x80040216",
      status: 500,
      message: "An unexpected error occurred.",
    });
  });
  test("fetch: HTTP 502 from a proxy with an HTML body", async () => {
    await expect(viaFetch(fetchReturning(502, "<html>Bad gateway</html>"))).resolves.toEqual({
      kind: "failed",
      status: 502,
    });
  });
  test("fetch: aborted", async () => {
    const fetchImpl = jest.fn(async () => Promise.reject(new DOMException("The operation was aborted.", "AbortError")));
    await expect(viaFetch(fetchImpl)).resolves.toEqual({ kind: "failed", message: "The operation was aborted." });
  });
  test.each([
    ["unsigned", 2147746326],
    ["signed", -2147220970],
  ])("Xrm: errorCode %s becomes hex", async (_label, errorCode) => {
    const error = { errorCode, message: "An unexpected error occurred.", raw: "{}" };
    await expect(viaXrm(webApiRejecting(error))).resolves.toEqual({
      kind: "failed",
      code: "0x80040216",
      message: "An unexpected error occurred.",
    });
  });
  test("Xrm: a Response with ok false and no body is no answer: fetch asks, and gives the same", async () => {
    const webApi = {
      online: { execute: jest.fn(async () => ({ ok: false, status: 503, statusText: "Service Unavailable" })) },
    };
    const fetchImpl = fetchReturning(503, "");
    await expect(
      getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: fetchImpl }),
    ).resolves.toEqual({ kind: "failed", status: 503 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await expect(viaFetch(fetchReturning(503, ""))).resolves.toEqual({ kind: "failed", status: 503 });
  });
  test("Xrm: execute throws synchronously: the host cannot, so fetch carries it and its words are never shown", async () => {
    const webApi = {
      online: {
        execute: () => {
          throw new Error("boom\n    at execute (webapi.js:1:1)\n    at onLoad (form.js:2:2)");
        },
      },
    };
    const fetchImpl = fetchReturning(500, errorBody(SERVER_ERROR));
    await expect(
      getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: fetchImpl }),
    ).resolves.toEqual({ kind: "failed", code: SERVER_ERROR.code, status: 500, message: SERVER_ERROR.message });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
  test("no fetch and no webApi", async () => {
    const original = globalThis.fetch;
    Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });
    try {
      await expect(getIntegrationDetails({ orgUrl: ORG, userId: USER, storage: null })).resolves.toEqual({
        kind: "failed",
        noTransport: true,
      });
    } finally {
      Object.defineProperty(globalThis, "fetch", { value: original, configurable: true, writable: true });
    }
  });
  test("the default fetch is the global one", async () => {
    const original = globalThis.fetch;
    const fake = fetchReturning(200, linkedBody());
    Object.defineProperty(globalThis, "fetch", { value: fake, configurable: true, writable: true });
    try {
      await expect(getIntegrationDetails({ orgUrl: ORG, userId: USER, storage: null })).resolves.toMatchObject({
        kind: "linked",
      });
      expect(fake).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(globalThis, "fetch", { value: original, configurable: true, writable: true });
    }
  });
});

describe("never throws, whatever the host hands in", () => {
  test("options whose getters throw", async () => {
    const hostile = Object.defineProperty({ orgUrl: ORG, userId: USER }, "now", {
      get: () => {
        throw new Error("host bug");
      },
    });
    // A script error caught by the client is never shown word for word.
    await expect(getIntegrationDetails(hostile)).resolves.toEqual({ kind: "failed" });
  });
  test("no options at all", async () => {
    await expect(getIntegrationDetails(undefined as unknown as GetDetailsOptions)).resolves.toMatchObject({
      kind: "failed",
    });
  });
  test("fetch rejects with a non-Error value, or its body does", async () => {
    await expect(viaFetch(jest.fn(async () => Promise.reject("socket closed")))).resolves.toEqual({ kind: "offline" });
    const brokenBody = jest.fn(async () => ({ ...fetchResponse(200, ""), text: async () => Promise.reject("reset") }));
    await expect(viaFetch(brokenBody)).resolves.toEqual({ kind: "offline" });
  });
  test("Xrm resolves with a primitive, or a bare ok: false: fetch carries the request", async () => {
    for (const value of ["nonsense", { ok: false }]) {
      const fetchImpl = fetchReturning(200, linkedBody());
      const webApi = { online: { execute: jest.fn(async () => value) } };
      await expect(
        getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: fetchImpl }),
      ).resolves.toMatchObject({ kind: "linked" });
    }
  });
});

describe("one classification for one answer, through both transports", () => {
  test("a 200 whose body is an OData error object is failed with that code, not invalid", async () => {
    const body = {
      error: { code: "0x80040216", message: "An unexpected error occurred.\r\n   at Microsoft.Crm.X.Y()" },
    };
    const expected = { kind: "failed", code: "0x80040216", message: "An unexpected error occurred." };
    await expect(viaFetch(fetchReturning(200, body))).resolves.toEqual(expected);
    await expect(viaXrm(webApiResolving(body))).resolves.toEqual(expected);
    await expect(viaXrm({ online: { execute: jest.fn(async () => body) } })).resolves.toEqual(expected);
  });

  test("fetch: a numeric error.code in the body reads like the hex string", async () => {
    await expect(viaFetch(fetchReturning(400, { error: { code: 2147781899, message: "x" } }))).resolves.toEqual({
      kind: "notLinked",
      fromCache: false,
    });
  });

  test("a status that is not an integer 100-599 is never kept", async () => {
    const weird = (status: number) => jest.fn(async () => ({ ...fetchResponse(200, ""), ok: false, status }));
    for (const status of [0, Number.NaN, 700, 99.5]) {
      await expect(viaFetch(weird(status))).resolves.toEqual({ kind: "failed" });
      const webApi = { online: { execute: jest.fn(async () => ({ ok: false, status })) } };
      const fallback = weird(status);
      await expect(
        getIntegrationDetails({ orgUrl: ORG, userId: USER, webApi, storage: null, fetch: fallback }),
      ).resolves.toEqual({ kind: "failed" });
    }
  });
});

describe("only an answer from Dataverse is an answer: any other failure of execute goes through fetch", () => {
  function ask(execute: () => unknown, fetchImpl?: GetDetailsOptions["fetch"]): Promise<IntegrationResult> {
    return getIntegrationDetails({
      orgUrl: ORG,
      userId: USER,
      storage: null,
      webApi: { online: { execute: execute as () => Promise<unknown> } },
      ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    });
  }
  const throwing = (make: () => unknown) => () => {
    throw make();
  };
  const rejecting = (make: () => unknown) => () => Promise.reject(make());

  describe.each([
    ["throws", throwing],
    ["rejects", rejecting],
  ])("execute %s", (_how, fail) => {
    test.each(HOST_FAILURES)("%s: one fetch carries the request, and its outcome is shown", async (_label, make) => {
      const linked = fetchReturning(200, linkedBody());
      await expect(ask(fail(make), linked)).resolves.toMatchObject({ kind: "linked" });
      expect(linked).toHaveBeenCalledTimes(1);
      const notLinked = fetchReturning(400, errorBody(NOT_LINKED));
      await expect(ask(fail(make), notLinked)).resolves.toEqual({ kind: "notLinked", fromCache: false });
      expect(notLinked).toHaveBeenCalledTimes(1);
    });
  });

  test.each(HOST_RESOLUTIONS)(
    "execute resolves %s: no answer, one fetch carries the request and its outcome is shown",
    async (_label, make) => {
      const linked = fetchReturning(200, linkedBody());
      await expect(ask(async () => make(), linked)).resolves.toMatchObject({ kind: "linked" });
      expect(linked).toHaveBeenCalledTimes(1);
      const notLinked = fetchReturning(400, errorBody(NOT_LINKED));
      await expect(ask(async () => make(), notLinked)).resolves.toEqual({ kind: "notLinked", fromCache: false });
      expect(notLinked).toHaveBeenCalledTimes(1);
      const player = jest.fn(async () => fetchResponse(404, PLAYER_404_HTML));
      await expect(ask(async () => make(), player)).resolves.toEqual({ kind: "failed", notDataverse: true });
    },
  );

  test.each([
    ["a 2xx JSON body", () => fetchResponse(200, linkedBody()), "linked"],
    ["an OData body handed back as such", () => linkedBody(), "linked"],
    ["a failed Response with Dataverse's error body", () => fetchResponse(400, errorBody(NOT_LINKED)), "notLinked"],
    ["a 2xx HTML body with Dataverse's header", () => fetchResponse(200, "<p>", DATAVERSE_HEADERS), "invalid"],
  ])("execute resolves %s: an answer, no fetch", async (_label, make, kind) => {
    const fetchImpl = fetchReturning(200, linkedBody());
    await expect(ask(async () => make(), fetchImpl)).resolves.toMatchObject({ kind });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test("a missing method (online or execute absent) goes through fetch as well", async () => {
    const fetchImpl = fetchReturning(200, linkedBody());
    const noOnline = { online: undefined } as unknown as NonNullable<GetDetailsOptions["webApi"]>;
    await expect(
      getIntegrationDetails({ orgUrl: ORG, userId: USER, storage: null, webApi: noOnline, fetch: fetchImpl }),
    ).resolves.toMatchObject({ kind: "linked" });
    const noExecute = { online: {} } as unknown as NonNullable<GetDetailsOptions["webApi"]>;
    await expect(
      getIntegrationDetails({ orgUrl: ORG, userId: USER, storage: null, webApi: noExecute, fetch: fetchImpl }),
    ).resolves.toMatchObject({ kind: "linked" });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  test.each([
    ["an error code", { errorCode: 2147746326, message: "Not implemented yet on the server side" }, "failed"],
    ["a signed error code", { errorCode: -2147185397, message: "" }, "notLinked"],
    ["an HTTP status", { status: 403, message: "Forbidden" }, "forbidden"],
    ["a status line and an empty body", { message: "401 Unauthorized", raw: "" }, "unauthorized"],
    ["a Dataverse error body", { message: "Bad request", raw: JSON.stringify(errorBody(NOT_LINKED)) }, "notLinked"],
    ["the platform's offline report (status 0)", { status: 0, message: "" }, "offline"],
    ["fetch's own network TypeError inside the host", new TypeError("Failed to fetch"), "offline"],
    ["the mobile app's UciError while offline", mobileOfflineError(), "offline"],
  ])("%s is an answer: shown, no fetch", async (_label, error, kind) => {
    const fetchImpl = fetchReturning(200, linkedBody());
    await expect(
      ask(
        rejecting(() => error),
        fetchImpl,
      ),
    ).resolves.toMatchObject({ kind });
    await expect(
      ask(
        throwing(() => error),
        fetchImpl,
      ),
    ).resolves.toMatchObject({ kind });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test("with no fetch to fall back to, the failure is classified as it is: a script error's words never shown", async () => {
    const original = globalThis.fetch;
    Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });
    try {
      for (const error of [new TypeError("or.execute is not a function"), new ReferenceError("Xrm is not defined")]) {
        await expect(ask(rejecting(() => error))).resolves.toEqual({ kind: "failed" });
        await expect(ask(throwing(() => error))).resolves.toEqual({ kind: "failed" });
      }
    } finally {
      Object.defineProperty(globalThis, "fetch", { value: original, configurable: true, writable: true });
    }
  });

  test("the fallback fetch is bounded by the same timeout", async () => {
    jest.useFakeTimers();
    try {
      const never = jest.fn(() => new Promise<never>(() => undefined));
      const result = ask(
        throwing(() => new TypeError("x is not a function")),
        never,
      );
      await jest.advanceTimersByTimeAsync(30_000);
      await expect(result).resolves.toEqual({ kind: "failed", timedOutAfterSeconds: 30 });
      expect(never).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
