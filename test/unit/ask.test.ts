/**
 * askIntegrationDetails (the library's lean link check): one request through the same transports and time limit as
 * getIntegrationDetails, with nothing stored, nothing read from a store, no single flight and no hand-off marker.
 */
import { askIntegrationDetails } from "../../core/client";
import { fetchReturning, linkedBody, webApiRejecting, webApiResolving } from "./fakes";
import { errorBody, FO_URL, HOST_FAILURES, NOT_LINKED, SERVER_ERROR } from "../fixtures/dataverse";

test("linked, through Xrm.WebApi: the same details getIntegrationDetails returns, never from a cache", async () => {
  const result = await askIntegrationDetails({ webApi: webApiResolving(linkedBody()) });
  expect(result).toMatchObject({ kind: "linked", fromCache: false, details: { url: FO_URL } });
});

test("not linked, a server error: classified as getIntegrationDetails classifies them", async () => {
  expect(await askIntegrationDetails({ fetch: fetchReturning(400, errorBody(NOT_LINKED)) })).toEqual({
    kind: "notLinked",
    fromCache: false,
  });
  expect(await askIntegrationDetails({ fetch: fetchReturning(500, errorBody(SERVER_ERROR)) })).toMatchObject({
    kind: "failed",
    status: 500,
  });
});

test("each call sends its own request: two calls, two requests (no single flight, no stored answer)", async () => {
  const fetchImpl = fetchReturning(200, linkedBody());
  await Promise.all([askIntegrationDetails({ fetch: fetchImpl }), askIntegrationDetails({ fetch: fetchImpl })]);
  await askIntegrationDetails({ fetch: fetchImpl });
  expect(fetchImpl).toHaveBeenCalledTimes(3);
});

test.each(HOST_FAILURES)("a host that cannot execute (%s) hands the request to fetch", async (_name, make) => {
  const fetchImpl = fetchReturning(200, linkedBody());
  const result = await askIntegrationDetails({ webApi: webApiRejecting(make()), fetch: fetchImpl });
  expect(result.kind).toBe("linked");
  expect(fetchImpl).toHaveBeenCalledTimes(1);
});

test("the host says offline: no request, offline without a last known link", async () => {
  const fetchImpl = fetchReturning(200, linkedBody());
  expect(await askIntegrationDetails({ fetch: fetchImpl, isOffline: () => true })).toEqual({ kind: "offline" });
  expect(fetchImpl).not.toHaveBeenCalled();
});

test("no transport at all: a failure that says so, not a throw", async () => {
  expect(await askIntegrationDetails({})).toEqual({ kind: "failed", noTransport: true });
});

test("a hostile host never makes it throw or reject", async () => {
  const hostile = {
    get online(): never {
      throw new Error("boom");
    },
  };
  const broken = (): boolean => {
    throw new Error("flag");
  };
  await expect(askIntegrationDetails({ webApi: hostile, isOffline: broken })).resolves.toMatchObject({
    kind: "failed",
  });
});

describe("the time limit", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  test("an answer that never comes is a failure timed out after timeoutSeconds", async () => {
    const pending = askIntegrationDetails({ fetch: () => new Promise<never>(() => undefined), timeoutSeconds: 2 });
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toEqual({ kind: "failed", timedOutAfterSeconds: 2 });
  });
});
