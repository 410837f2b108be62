/**
 * A request that never answers: both transports give up after the timeout (30 s unless the host says otherwise) with a
 * `failed` result marked timed out; the fetch is aborted; the in-page single flight and the cross-bundle marker are
 * released, so Retry starts a new request. Jest's fake timers drive the timeout; the cache's clock is injected.
 */
import { describeResult, getIntegrationDetails, type GetDetailsOptions, type IntegrationResult } from "../../core";
import { LANGUAGES } from "../../core/strings";
import { coreStrings } from "../../core/strings/words";
import { FakeClock, FakeStorage, deferred, fetchReturning, linkedBody } from "./fakes";
import { ORG, USER, fetchResponse } from "../fixtures/dataverse";

type FetchImpl = NonNullable<GetDetailsOptions["fetch"]>;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Whether `promise` has settled once the timers advanced by `ms` (the value when it has). */
async function after<T>(ms: number, promise: Promise<T>): Promise<{ settled: boolean; value?: T }> {
  let state: { settled: boolean; value?: T } = { settled: false };
  void promise.then((value) => (state = { settled: true, value }));
  await jest.advanceTimersByTimeAsync(ms);
  return state;
}

function hangingFetch(): jest.Mock<ReturnType<FetchImpl>, Parameters<FetchImpl>> {
  return jest.fn((_input: string, _init?: Parameters<FetchImpl>[1]) => new Promise<never>(() => undefined));
}

function setup() {
  const storage = new FakeStorage();
  const clock = new FakeClock();
  const call = (extra: Partial<GetDetailsOptions>) =>
    getIntegrationDetails({ orgUrl: ORG, userId: USER, storage, now: clock.now, sleep: clock.sleep, ...extra });
  return { storage, call };
}

const TIMED_OUT_30: IntegrationResult = { kind: "failed", timedOutAfterSeconds: 30 };

test("fetch: no answer within 30 s is a timed-out failure, and the fetch is aborted", async () => {
  const fetchImpl = hangingFetch();
  const { call } = setup();
  const pending = call({ fetch: fetchImpl });
  expect(await after(29_999, pending)).toEqual({ settled: false });
  expect(await after(1, pending)).toEqual({ settled: true, value: TIMED_OUT_30 });
  const signal = fetchImpl.mock.calls[0][1]?.signal;
  expect(signal?.aborted).toBe(true);
});

test("Xrm: an execute that never settles times out the same way", async () => {
  const webApi = { online: { execute: jest.fn(() => new Promise<never>(() => undefined)) } };
  const { call } = setup();
  expect(await after(30_000, call({ webApi, fetch: hangingFetch() }))).toEqual({ settled: true, value: TIMED_OUT_30 });
});

test("timeoutSeconds sets the limit; nonsense falls back to 30", async () => {
  const { call } = setup();
  expect(await after(5_000, call({ fetch: hangingFetch(), timeoutSeconds: 5 }))).toEqual({
    settled: true,
    value: { kind: "failed", timedOutAfterSeconds: 5 },
  });
  for (const timeoutSeconds of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
    const pending = call({ fetch: hangingFetch(), timeoutSeconds });
    expect(await after(29_000, pending)).toEqual({ settled: false });
    expect(await after(1_000, pending)).toEqual({ settled: true, value: TIMED_OUT_30 });
  }
});

test("an answer within the timeout wins, and no timer is left behind", async () => {
  const { call } = setup();
  await expect(call({ fetch: fetchReturning(200, linkedBody()) })).resolves.toMatchObject({ kind: "linked" });
  expect(jest.getTimerCount()).toBe(0);
});

test("a timed-out request releases the single flight and the marker; Retry starts a new request", async () => {
  const { storage, call } = setup();
  const hanging = hangingFetch();
  const first = call({ fetch: hanging });
  const joined = call({ fetch: hanging }); // joins the one in flight
  await jest.advanceTimersByTimeAsync(0);
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(true);
  await jest.advanceTimersByTimeAsync(30_000);
  await expect(first).resolves.toEqual(TIMED_OUT_30);
  await expect(joined).resolves.toEqual(TIMED_OUT_30);
  expect(hanging).toHaveBeenCalledTimes(1);
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(false);

  const answering = fetchReturning(200, linkedBody());
  await expect(call({ fetch: answering, forceRefresh: true })).resolves.toMatchObject({ kind: "linked" });
  expect(answering).toHaveBeenCalledTimes(1);
});

test("an answer that lands after the timeout changes nothing", async () => {
  const { storage, call } = setup();
  const late = deferred<ReturnType<typeof fetchResponse>>();
  const pending = call({ fetch: () => late.promise });
  await jest.advanceTimersByTimeAsync(30_000);
  await expect(pending).resolves.toEqual(TIMED_OUT_30);
  late.resolve(fetchResponse(200, linkedBody()));
  await jest.advanceTimersByTimeAsync(0);
  expect(storage.data.size).toBe(0);
});

test("the timed-out result says so in every language, with the seconds", () => {
  for (const { tag } of LANGUAGES) {
    const strings = coreStrings[tag];
    const { title, detail } = describeResult({ kind: "failed", timedOutAfterSeconds: 30 }, (key) => strings[key]);
    expect(title).toBe(strings.Result_Failed);
    expect(detail).toBe(strings.Result_TimedOut.replace("{0}", "30"));
    expect(detail).toContain("30");
  }
});

test("Retry while a request still hangs asks again at once: it neither joins the hung request nor waits on its marker", async () => {
  const first = deferred<Awaited<ReturnType<FetchImpl>>>();
  const fetchImpl = jest
    .fn<ReturnType<FetchImpl>, Parameters<FetchImpl>>()
    .mockImplementationOnce(() => first.promise)
    .mockImplementation(async () => fetchResponse(200, linkedBody()));
  const { call } = setup();
  const hung = call({ fetch: fetchImpl });
  await jest.advanceTimersByTimeAsync(10_000);
  const joined = call({ fetch: fetchImpl });
  expect(fetchImpl).toHaveBeenCalledTimes(1); // a plain caller still joins the running request
  const retried = await after(0, call({ fetch: fetchImpl, forceRefresh: true }));
  expect(fetchImpl).toHaveBeenCalledTimes(2);
  expect(retried).toMatchObject({ settled: true, value: { kind: "linked", fromCache: false } });
  // A caller after the Retry finds its answer; the hung request, when it finally times out, changes nothing for it.
  expect(await after(0, call({ fetch: fetchImpl }))).toMatchObject({ settled: true, value: { kind: "linked" } });
  expect(await after(20_000, hung)).toEqual({ settled: true, value: TIMED_OUT_30 });
  expect(await after(0, joined)).toEqual({ settled: true, value: TIMED_OUT_30 });
  expect(fetchImpl).toHaveBeenCalledTimes(2);
});
