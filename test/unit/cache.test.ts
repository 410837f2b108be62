import { getIntegrationDetails, type GetDetailsOptions } from "../../core";
import { HandOff } from "../../core/cache/handOff";
import { cacheScope, normaliseOrg, normaliseUser } from "../../core/cache/scope";
import { sessionStorageOrNull } from "../../core/storage";
import { FakeClock, FakeStorage, fetchReturning, linkedBody, webApiRejecting } from "./fakes";
import { ENVIRONMENT_ID, errorBody, FO_URL, NOT_LINKED, ORG, TENANT, USER } from "../fixtures/dataverse";

/** The user id as the core keys its storage: the host's braced upper-case id, bare and lower case. */
const USER_KEY = USER.slice(1, -1).toLowerCase();

const RESULT_KEY = `finopslink:v1:result:${ORG}|${USER_KEY}`;
const MINUTE = 60_000;

function setup(body: unknown = linkedBody(), status = 200) {
  const storage = new FakeStorage();
  const clock = new FakeClock();
  const fetchImpl = fetchReturning(status, body);
  const call = (extra: Partial<GetDetailsOptions> = {}) =>
    getIntegrationDetails({
      orgUrl: ORG,
      userId: USER,
      fetch: fetchImpl,
      storage,
      now: clock.now,
      sleep: clock.sleep,
      ...extra,
    });
  return { storage, clock, fetchImpl, call };
}

describe("TTL", () => {
  test("a linked answer is reused for 15 minutes, then asked again", async () => {
    const { clock, fetchImpl, call } = setup();
    await expect(call()).resolves.toMatchObject({ kind: "linked", fromCache: false });
    clock.advance(15 * MINUTE - 1);
    await expect(call()).resolves.toMatchObject({ kind: "linked", fromCache: true });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    clock.advance(1);
    await expect(call()).resolves.toMatchObject({ kind: "linked", fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  test("cacheMinutes sets the TTL; 0 always asks; nonsense falls back to 15", async () => {
    const { clock, fetchImpl, call } = setup();
    await call({ cacheMinutes: 1 });
    clock.advance(MINUTE);
    await expect(call({ cacheMinutes: 1 })).resolves.toMatchObject({ fromCache: false });
    await expect(call({ cacheMinutes: 0 })).resolves.toMatchObject({ fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    await expect(call({ cacheMinutes: Number.NaN })).resolves.toMatchObject({ fromCache: true });
    await expect(call({ cacheMinutes: -5 })).resolves.toMatchObject({ fromCache: true });
  });

  test("notLinked is cached; errors are not", async () => {
    const notLinked = setup(errorBody(NOT_LINKED), 400);
    await notLinked.call();
    await expect(notLinked.call()).resolves.toEqual({ kind: "notLinked", fromCache: true });
    expect(notLinked.fetchImpl).toHaveBeenCalledTimes(1);

    const failing = setup({ error: { code: "0x80040216", message: "x" } }, 500);
    await failing.call();
    await failing.call();
    expect(failing.fetchImpl).toHaveBeenCalledTimes(2);
    expect(failing.storage.data.size).toBe(0);
  });

  test("forceRefresh skips the cached answer and refreshes it", async () => {
    const { storage, clock, fetchImpl, call } = setup();
    await call();
    const before = storage.data.get(RESULT_KEY);
    clock.advance(1000);
    await expect(call({ forceRefresh: true })).resolves.toMatchObject({ kind: "linked", fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(storage.data.get(RESULT_KEY)).not.toBe(before);
  });

  test("storage: null turns the cache off", async () => {
    const { fetchImpl, call } = setup();
    await call({ storage: null });
    await call({ storage: null });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });
});

describe("key per organization and user", () => {
  test("getClientUrl() and location.origin forms, braces and case in the user id: one entry", async () => {
    const { fetchImpl, call } = setup();
    await call({ orgUrl: "https://CONTOSO.crm.dynamics.com/", userId: USER });
    await expect(
      call({ orgUrl: "https://contoso.crm.dynamics.com", userId: USER.slice(1, -1).toLowerCase() }),
    ).resolves.toMatchObject({ fromCache: true });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("another user or another organization asks for itself", async () => {
    const { fetchImpl, call } = setup();
    await call();
    await call({ userId: "00000000-0000-0000-0000-000000000001" });
    await call({ orgUrl: "https://fabrikam.crm.dynamics.com" });
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  test("normalisers", () => {
    expect(normaliseOrg(" https://Contoso.CRM.dynamics.com/main.aspx?appid=1 ")).toBe(
      "https://contoso.crm.dynamics.com",
    );
    expect(normaliseOrg("contoso/")).toBe("contoso");
    expect(normaliseOrg(undefined)).toBe("");
    expect(normaliseUser("{ABCDEF00-0000-0000-0000-000000000000}")).toBe("abcdef00-0000-0000-0000-000000000000");
    expect(normaliseUser(" SomeUser ")).toBe("someuser");
  });
});

describe("corrupt, foreign and tampered entries are ignored", () => {
  const now = new FakeClock().time;
  const good = { v: 1, org: ORG, user: USER_KEY, savedAt: now };
  const details = {
    url: FO_URL,
    tenantId: TENANT,
    environmentId: ENVIRONMENT_ID,
    extra: {},
  };
  test.each([
    ["not JSON", "{oops"],
    ["JSON null", "null"],
    ["another version", JSON.stringify({ ...good, v: 2, result: { kind: "notLinked" } })],
    ["another org inside", JSON.stringify({ ...good, org: "https://evil.example", result: { kind: "notLinked" } })],
    ["another user inside", JSON.stringify({ ...good, user: "someone", result: { kind: "notLinked" } })],
    ["savedAt missing", JSON.stringify({ ...good, savedAt: "yesterday", result: { kind: "notLinked" } })],
    ["savedAt far in the future", JSON.stringify({ ...good, savedAt: now + 3_600_000, result: { kind: "notLinked" } })],
    ["unknown result kind", JSON.stringify({ ...good, result: { kind: "failed" } })],
    [
      "a javascript: url",
      JSON.stringify({ ...good, result: { kind: "linked", details: { ...details, url: "javascript:alert(1)" } } }),
    ],
    ["a bad tenant", JSON.stringify({ ...good, result: { kind: "linked", details: { ...details, tenantId: "x" } } })],
    [
      "extra not an object",
      JSON.stringify({ ...good, result: { kind: "linked", details: { ...details, extra: [] } } }),
    ],
  ])("%s", async (_label, stored) => {
    const { storage, fetchImpl, call } = setup();
    storage.data.set(RESULT_KEY, stored);
    await expect(call()).resolves.toMatchObject({ kind: "linked", fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("an entry dated even a second in the future (a clock that jumped back, a copied tab) is ignored", async () => {
    const { storage, fetchImpl, call } = setup();
    storage.data.set(RESULT_KEY, JSON.stringify({ ...good, savedAt: now + 1000, result: { kind: "notLinked" } }));
    await expect(call()).resolves.toMatchObject({ kind: "linked", fromCache: false });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("stored details go through the server answer's parser: extra cannot smuggle in another Url", async () => {
    const { storage, fetchImpl, call } = setup();
    const smuggled = { ...details, extra: { Url: "javascript:alert(1)", "@odata.context": "x", Region: "EU" } };
    storage.data.set(RESULT_KEY, JSON.stringify({ ...good, result: { kind: "linked", details: smuggled } }));
    await expect(call()).resolves.toEqual({
      kind: "linked",
      details: { ...details, extra: { Region: "EU" } },
      fromCache: true,
    });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test("a well-formed entry is used (the control of the check above)", async () => {
    const { storage, fetchImpl, call } = setup();
    storage.data.set(RESULT_KEY, JSON.stringify({ ...good, result: { kind: "linked", details } }));
    await expect(call()).resolves.toEqual({ kind: "linked", details, fromCache: true });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  test("other keys in sessionStorage are left alone", async () => {
    const { storage, call } = setup();
    storage.data.set("someone-else", "value");
    await call();
    expect(storage.data.get("someone-else")).toBe("value");
    expect([...storage.data.keys()].filter((k) => k.startsWith("finopslink:"))).toEqual([RESULT_KEY]);
  });
});

describe("storage that misbehaves never breaks the call", () => {
  test.each([
    ["getItem throws", { get: true }],
    ["setItem throws (quota)", { set: true }],
    ["removeItem throws", { remove: true }],
    ["everything throws", { get: true, set: true, remove: true }],
  ])("%s", async (_label, fail) => {
    const { storage, fetchImpl, call } = setup();
    storage.fail = fail;
    await expect(call()).resolves.toMatchObject({ kind: "linked" });
    await expect(call()).resolves.toMatchObject({ kind: "linked" });
    expect(fetchImpl.mock.calls.length).toBeGreaterThanOrEqual(1);
  });

  test("the default storage is sessionStorage", async () => {
    sessionStorage.clear();
    const { fetchImpl, clock } = setup();
    await getIntegrationDetails({ orgUrl: ORG, userId: USER, fetch: fetchImpl, now: clock.now });
    expect(sessionStorage.getItem(RESULT_KEY)).toContain('"kind":"linked"');
    sessionStorage.clear();
  });

  test("a sessionStorage getter that throws (sandboxed frame) means no cache", async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, "sessionStorage")!;
    Object.defineProperty(window, "sessionStorage", {
      configurable: true,
      get: () => {
        throw new DOMException("denied", "SecurityError");
      },
    });
    try {
      expect(sessionStorageOrNull()).toBeNull();
      const { fetchImpl } = setup();
      await expect(getIntegrationDetails({ orgUrl: ORG, userId: USER, fetch: fetchImpl })).resolves.toMatchObject({
        kind: "linked",
      });
    } finally {
      Object.defineProperty(window, "sessionStorage", descriptor);
    }
  });

  test("details that cannot be serialised are simply not cached", async () => {
    const body = linkedBody();
    const webApi = { online: { execute: jest.fn(async () => ({ ...body, Huge: BigInt(1) })) } };
    const { storage, call } = setup();
    await expect(call({ webApi })).resolves.toMatchObject({ kind: "linked" });
    expect(storage.data.size).toBe(0);
  });
});

describe("offline and lastKnown", () => {
  test("the host says offline: the last linked answer is shown, even past the TTL, and nothing is requested", async () => {
    const { clock, fetchImpl, call } = setup();
    const first = await call();
    clock.advance(8 * 60 * MINUTE);
    await expect(call({ isOffline: () => true })).resolves.toEqual({
      kind: "offline",
      lastKnown: first.kind === "linked" ? first.details : undefined,
    });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test("the network fails after the TTL: offline with lastKnown", async () => {
    const { clock, call } = setup();
    await call();
    clock.advance(16 * MINUTE);
    const result = await call({ fetch: jest.fn(async () => Promise.reject(new TypeError("Failed to fetch"))) });
    expect(result).toMatchObject({ kind: "offline", lastKnown: { url: FO_URL } });
  });

  test("a later notLinked answer replaces the link: offline then shows no lastKnown", async () => {
    const { call } = setup();
    await call();
    await call({ forceRefresh: true, webApi: webApiRejecting({ errorCode: 2147781899, message: "" }) });
    await expect(call({ isOffline: () => true })).resolves.toEqual({ kind: "offline" });
  });

  test("an isOffline that throws is ignored", async () => {
    const { call } = setup();
    await expect(
      call({
        isOffline: () => {
          throw new Error("host bug");
        },
      }),
    ).resolves.toMatchObject({ kind: "linked" });
  });
});

describe("single flight in one page", () => {
  test("concurrent callers share one request and one answer", async () => {
    const { fetchImpl, call } = setup();
    const results = await Promise.all([call(), call(), call()]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });

  test("Retry (forceRefresh) is the user asking again: it starts its own request instead of joining one", async () => {
    const { fetchImpl, call } = setup();
    const [first, retried] = await Promise.all([call(), call({ forceRefresh: true })]);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(retried).toEqual(first);
  });

  test("after it settles, the next caller is not joined to the old promise", async () => {
    const { fetchImpl, call } = setup();
    await call({ cacheMinutes: 0 });
    await call({ cacheMinutes: 0 });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  test("the marker is gone after the request", async () => {
    const { storage, call } = setup({ error: { code: "0x80040216", message: "x" } }, 500);
    await call();
    expect([...storage.data.keys()]).toEqual([]);
  });
});

describe("HandOff marker", () => {
  test("release only clears our own marker", () => {
    const storage = new FakeStorage();
    const clock = new FakeClock();
    const cache = new HandOff(storage, cacheScope(ORG, USER), clock.now);
    const mine = cache.claim();
    const theirs = cache.claim();
    cache.release(mine);
    expect(cache.pending()?.token).toBe(theirs);
    cache.release(theirs);
    expect(cache.pending()).toBeUndefined();
  });

  test("a marker from the future or of the wrong shape is not believed", () => {
    const storage = new FakeStorage();
    const clock = new FakeClock();
    const cache = new HandOff(storage, cacheScope(ORG, USER), clock.now);
    const key = `finopslink:v1:pending:${ORG}|${USER_KEY}`;
    storage.data.set(key, JSON.stringify({ v: 1, token: "t", at: clock.time + 3_600_000 }));
    expect(cache.pending()).toBeUndefined();
    storage.data.set(key, JSON.stringify({ v: 1, token: "t", at: clock.time + 1000 }));
    expect(cache.pending()).toBeUndefined();
    storage.data.set(key, JSON.stringify({ v: 1, token: 5, at: clock.time }));
    expect(cache.pending()).toBeUndefined();
    storage.data.set(key, JSON.stringify({ v: 1, token: "t", at: clock.time }));
    expect(cache.pending()).toEqual({ token: "t", at: clock.time });
  });

  test("without storage there is no marker and nothing to release", () => {
    const cache = new HandOff(null, cacheScope(ORG, USER), Date.now);
    expect(cache.claim()).toEqual(expect.any(String));
    expect(cache.pending()).toBeUndefined();
    expect(() => cache.release("x")).not.toThrow();
  });
});

test("a page whose event API throws still gets its answer", async () => {
  const added = jest.spyOn(window, "addEventListener").mockImplementation(() => {
    throw new Error("locked down");
  });
  const removed = jest.spyOn(window, "removeEventListener").mockImplementation(() => {
    throw new Error("locked down");
  });
  try {
    const { call } = setup();
    await expect(call()).resolves.toMatchObject({ kind: "linked" });
  } finally {
    added.mockRestore();
    removed.mockRestore();
  }
});
