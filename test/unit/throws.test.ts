/**
 * A throw anywhere on the request path (a rejection whose getters throw, a classification that throws, a transport
 * that throws) can neither leak the cross-bundle marker or the in-page single flight nor make the call reject.
 */
import { getIntegrationDetails, type GetDetailsOptions } from "../../core";
import * as errors from "../../core/errors";
import { FakeClock, FakeStorage, fetchReturning, linkedBody } from "./fakes";
import { ORG, USER } from "../fixtures/dataverse";

/** An object every operation on which throws: `instanceof`, property reads, `in`, key listing. */
function hostileError(): object {
  const boom = () => {
    throw new Error("hostile");
  };
  return new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
}

function setup() {
  const storage = new FakeStorage();
  const clock = new FakeClock();
  const call = (extra: Partial<GetDetailsOptions>) =>
    getIntegrationDetails({ orgUrl: ORG, userId: USER, storage, now: clock.now, sleep: clock.sleep, ...extra });
  const markers = () => [...storage.data.keys()].filter((k) => k.includes(":pending:"));
  return { storage, call, markers };
}

afterEach(() => jest.restoreAllMocks());

test("fetch rejects with an object whose every getter throws: failed, no marker left", async () => {
  const { call, markers } = setup();
  await expect(call({ fetch: jest.fn(async () => Promise.reject(hostileError())) })).resolves.toEqual({
    kind: "failed",
  });
  expect(markers()).toEqual([]);
});

test("Xrm rejects with an object whose every getter throws: no answer, so fetch carries it; no marker left", async () => {
  const { call, markers } = setup();
  const execute = jest.fn(async () => Promise.reject(hostileError()));
  const fetchImpl = fetchReturning(200, linkedBody());
  await expect(call({ webApi: { online: { execute } }, fetch: fetchImpl })).resolves.toMatchObject({ kind: "linked" });
  expect(fetchImpl).toHaveBeenCalledTimes(1);
  expect(markers()).toEqual([]);
});

test("a classification that throws: failed, no marker left, and the next call asks again", async () => {
  const { call, markers } = setup();
  jest.spyOn(errors, "classifyFailure").mockImplementation(() => {
    throw new TypeError("classification bug");
  });
  const failing = jest.fn(async () => Promise.reject(new Error("503")));
  await expect(call({ fetch: failing })).resolves.toEqual({ kind: "failed" });
  expect(markers()).toEqual([]);
  jest.restoreAllMocks();
  // The in-page single flight was released too: this is a new request, not the old promise.
  const answering = fetchReturning(200, linkedBody());
  await expect(call({ fetch: answering })).resolves.toMatchObject({ kind: "linked" });
  expect(answering).toHaveBeenCalledTimes(1);
});

test("a transport that throws while being chosen: failed, no marker left", async () => {
  const { storage, markers } = setup();
  const clock = new FakeClock();
  const options = Object.defineProperty({ orgUrl: ORG, userId: USER, storage, now: clock.now }, "fetch", {
    get: () => {
      throw new RangeError("host bug");
    },
  }) as GetDetailsOptions;
  await expect(getIntegrationDetails(options)).resolves.toEqual({ kind: "failed" });
  expect(markers()).toEqual([]);
});
