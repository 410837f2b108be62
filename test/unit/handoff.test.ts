/**
 * The cross-bundle hand-off: the control and the form script are separate bundles (separate module instances, so
 * separate in-page single-flight maps) sharing one tab's sessionStorage. Two isolated module instances stand in for
 * them here.
 */
import type * as Core from "../../core";
import { FakeClock, FakeStorage, deferred, fetchReturning, linkedBody } from "./fakes";
import { fetchResponse, ORG, USER } from "../fixtures/dataverse";

/** The user id as the core keys its storage: the host's braced upper-case id, bare and lower case. */
const USER_KEY = USER.slice(1, -1).toLowerCase();

type Client = typeof Core.getIntegrationDetails;

function loadBundle(): Client {
  let client: Client | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    client = (require("../../core") as typeof Core).getIntegrationDetails;
  });
  return client!;
}

function setup() {
  const storage = new FakeStorage();
  const clock = new FakeClock();
  const control = loadBundle();
  const form = loadBundle();
  return { storage, clock, control, form };
}

/** Lets pending promise callbacks run (the fake sleep resolves at once). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

test("the two bundles really are separate module instances", () => {
  const { control, form } = setup();
  expect(control).not.toBe(form);
});

test("the second bundle waits for the first one's answer instead of asking again", async () => {
  const { storage, clock, control, form } = setup();
  const slow = deferred<ReturnType<typeof fetchResponse>>();
  const controlFetch = jest.fn(() => slow.promise);
  const formFetch = fetchReturning(200, linkedBody());
  let polls = 0;
  const sleep = async (ms: number) => {
    polls += 1;
    if (polls === 3) slow.resolve(fetchResponse(200, linkedBody())); // the first answer lands while the second polls
    await clock.sleep(ms);
  };

  const first = control({ orgUrl: ORG, userId: USER, fetch: controlFetch, storage, now: clock.now, sleep });
  await settle();
  expect([...storage.data.keys()].some((k) => k.startsWith("finopslink:v1:pending:"))).toBe(true);
  const second = form({
    orgUrl: `${ORG}/`,
    userId: USER.toLowerCase(),
    fetch: formFetch,
    storage,
    now: clock.now,
    sleep,
  });

  await expect(first).resolves.toMatchObject({ kind: "linked", fromCache: false });
  await expect(second).resolves.toMatchObject({ kind: "linked", fromCache: true });
  expect(controlFetch).toHaveBeenCalledTimes(1);
  expect(formFetch).not.toHaveBeenCalled();
  expect(polls).toBeGreaterThanOrEqual(3);
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(false);
});

test("when the first bundle gets an error (not shared), the second asks for itself", async () => {
  const { storage, clock, control, form } = setup();
  const slow = deferred<ReturnType<typeof fetchResponse>>();
  const formFetch = fetchReturning(200, linkedBody());
  const sleep = async (ms: number) => {
    slow.resolve(fetchResponse(500, { error: { code: "0x80040216", message: "Unexpected" } }));
    await clock.sleep(ms);
  };
  const first = control({ orgUrl: ORG, userId: USER, fetch: () => slow.promise, storage, now: clock.now, sleep });
  await settle();
  const second = form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep });
  await expect(first).resolves.toMatchObject({ kind: "failed", code: "0x80040216" });
  await expect(second).resolves.toMatchObject({ kind: "linked", fromCache: false });
  expect(formFetch).toHaveBeenCalledTimes(1);
});

test("a hung first bundle: the second gives up after the 10 s marker timeout and asks itself", async () => {
  const { storage, clock, control, form } = setup();
  const never = deferred<ReturnType<typeof fetchResponse>>();
  const formFetch = fetchReturning(200, linkedBody());
  void control({ orgUrl: ORG, userId: USER, fetch: () => never.promise, storage, now: clock.now, sleep: clock.sleep });
  await settle();
  const started = clock.time;
  await expect(
    form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep: clock.sleep }),
  ).resolves.toMatchObject({ kind: "linked", fromCache: false });
  expect(formFetch).toHaveBeenCalledTimes(1);
  expect(clock.time - started).toBeGreaterThanOrEqual(10_000);
  expect(clock.time - started).toBeLessThanOrEqual(10_200);
});

test("a marker left by a closed frame (older than 10 s) is not waited on", async () => {
  const { storage, clock, form } = setup();
  storage.data.set(
    `finopslink:v1:pending:${ORG}|${USER_KEY}`,
    JSON.stringify({ v: 1, token: "gone", at: clock.time - 10_001 }),
  );
  const sleep = jest.fn(clock.sleep);
  const formFetch = fetchReturning(200, linkedBody());
  await expect(
    form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep }),
  ).resolves.toMatchObject({ kind: "linked" });
  expect(sleep).not.toHaveBeenCalled();
  expect(formFetch).toHaveBeenCalledTimes(1);
});

test("a frozen clock cannot make the wait spin forever", async () => {
  const { storage, clock, form } = setup();
  storage.data.set(`finopslink:v1:pending:${ORG}|${USER_KEY}`, JSON.stringify({ v: 1, token: "hung", at: clock.time }));
  const sleep = jest.fn(async () => undefined); // time never moves
  const formFetch = fetchReturning(200, linkedBody());
  await expect(
    form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep }),
  ).resolves.toMatchObject({ kind: "linked" });
  expect(sleep.mock.calls.length).toBeLessThanOrEqual(102);
  expect(formFetch).toHaveBeenCalledTimes(1);
});

test("with the real timer the default sleep waits and hands off", async () => {
  const storage = new FakeStorage();
  const control = loadBundle();
  const form = loadBundle();
  const slow = deferred<ReturnType<typeof fetchResponse>>();
  const first = control({ orgUrl: ORG, userId: USER, fetch: () => slow.promise, storage });
  await settle();
  const formFetch = fetchReturning(200, linkedBody());
  const second = form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage });
  setTimeout(() => slow.resolve(fetchResponse(200, linkedBody())), 150);
  await expect(second).resolves.toMatchObject({ kind: "linked", fromCache: true });
  await first;
  expect(formFetch).not.toHaveBeenCalled();
});

test("a page that goes away mid-request clears its marker, so the next page does not wait", async () => {
  const { storage, clock, control, form } = setup();
  const never = deferred<ReturnType<typeof fetchResponse>>();
  void control({ orgUrl: ORG, userId: USER, fetch: () => never.promise, storage, now: clock.now, sleep: clock.sleep });
  await settle();
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(true);
  window.dispatchEvent(new Event("pagehide"));
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(false);
  const sleep = jest.fn(clock.sleep);
  await expect(
    form({ orgUrl: ORG, userId: USER, fetch: fetchReturning(200, linkedBody()), storage, now: clock.now, sleep }),
  ).resolves.toMatchObject({ kind: "linked" });
  expect(sleep).not.toHaveBeenCalled();
});

test("after the request the page listener is removed again", async () => {
  const { storage, clock, control } = setup();
  const added = jest.spyOn(window, "addEventListener");
  const removed = jest.spyOn(window, "removeEventListener");
  await control({ orgUrl: ORG, userId: USER, fetch: fetchReturning(200, linkedBody()), storage, now: clock.now });
  const listener = added.mock.calls.find(([type]) => type === "pagehide")?.[1];
  expect(listener).toBeDefined();
  expect(removed).toHaveBeenCalledWith("pagehide", listener);
  added.mockRestore();
  removed.mockRestore();
});

test("the marker is written in the task the call started in (another frame may start right after it)", () => {
  const { storage, clock, control } = setup();
  void control({ orgUrl: ORG, userId: USER, fetch: () => new Promise(() => undefined), storage, now: clock.now });
  // No await between the call and this check.
  expect([...storage.data.keys()].some((k) => k.includes(":pending:"))).toBe(true);
});

test("a marker dated a second in the future is not waited on", async () => {
  const { storage, clock, form } = setup();
  storage.data.set(
    `finopslink:v1:pending:${ORG}|${USER_KEY}`,
    JSON.stringify({ v: 1, token: "future", at: clock.time + 1000 }),
  );
  const sleep = jest.fn(clock.sleep);
  const formFetch = fetchReturning(200, linkedBody());
  await expect(
    form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep }),
  ).resolves.toMatchObject({ kind: "linked", fromCache: false });
  expect(sleep).not.toHaveBeenCalled();
});

test("a bundle whose owner timed out asks itself once the owner's marker is released", async () => {
  jest.useFakeTimers();
  try {
    const { storage, clock, control, form } = setup();
    const hung = control({
      orgUrl: ORG,
      userId: USER,
      fetch: () => new Promise(() => undefined),
      storage,
      now: clock.now,
      timeoutSeconds: 5,
    });
    await jest.advanceTimersByTimeAsync(5_000);
    await expect(hung).resolves.toEqual({ kind: "failed", timedOutAfterSeconds: 5 });
    const formFetch = fetchReturning(200, linkedBody());
    const sleep = jest.fn(clock.sleep);
    await expect(
      form({ orgUrl: ORG, userId: USER, fetch: formFetch, storage, now: clock.now, sleep }),
    ).resolves.toMatchObject({ kind: "linked", fromCache: false });
    expect(sleep).not.toHaveBeenCalled();
  } finally {
    jest.useRealTimers();
  }
});
