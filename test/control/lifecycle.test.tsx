/**
 * The control's lifecycle (index.ts) driven like the platform does, through the real core with a fake fetch and the
 * page's sessionStorage: init once, updateView many times, getOutputs after notifyOutputChanged, destroy.
 */
import { render, screen } from "@testing-library/react";
import { LinkedEnvironment } from "../../pcf/LinkedEnvironment/index";
import {
  ENVIRONMENT_ID,
  errorResponse,
  fetchResponse,
  FO_URL,
  HOST_FAILURES,
  HOST_RESOLUTIONS,
  linkedBody,
  mobileOfflineError,
  NOT_LINKED,
  SERVER_ERROR,
  TENANT,
  xrmError,
  type FetchResponse,
} from "../fixtures/dataverse";
import { fakeContext, type FakeContextOptions } from "./pcfContext";
import { deferred, flush, type Deferred } from "./renderView";

type FakeResponse = FetchResponse;

// The GUIDs as a host may send them (TenantId upper case, Id braced upper case): the control shows them normalised.
const LINKED = fetchResponse(
  200,
  linkedBody({ TenantId: TENANT.toUpperCase(), Id: `{${ENVIRONMENT_ID.toUpperCase()}}` }),
);
const NOT_LINKED_ANSWER = errorResponse(NOT_LINKED);
const SERVER_ERROR_ANSWER = errorResponse(SERVER_ERROR);

let fetchMock: jest.Mock<Promise<FakeResponse>, [string, unknown?]>;

beforeEach(() => {
  sessionStorage.clear();
  fetchMock = jest.fn<Promise<FakeResponse>, [string, unknown?]>(async () => LINKED);
  Object.defineProperty(globalThis, "fetch", { value: fetchMock, configurable: true, writable: true });
});

function start(options: FakeContextOptions = {}) {
  const control = new LinkedEnvironment();
  const notify = jest.fn();
  const context = fakeContext(options);
  control.init(context, notify);
  const view = render(control.updateView(context));
  return {
    control,
    notify,
    view,
    /** The platform calls updateView again with a (possibly new) context. */
    update(next: FakeContextOptions = options) {
      view.rerender(control.updateView(fakeContext(next)));
    },
  };
}

function pendingFetch(): Deferred<FakeResponse> {
  const answer = deferred<FakeResponse>();
  fetchMock.mockImplementation(() => answer.promise);
  return answer;
}

describe("init and updateView", () => {
  it("asks once, through same-origin fetch, and renders the answer", async () => {
    const { view } = start();
    expect(view.container.querySelector('[aria-busy="true"]')).not.toBeNull();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toMatch(/^\/api\/data\/v9\.\d\/RetrieveFinanceAndOperationsIntegrationDetails/);
    expect(screen.getByRole("link", { name: (name) => name.includes(new URL(FO_URL).host) }).getAttribute("href")).toBe(
      FO_URL,
    );
    expect(view.container.textContent).toContain(TENANT);
  });

  it("does not ask again when updateView is called repeatedly, nor when cache minutes change", async () => {
    const { update } = start();
    await flush();
    update();
    update({ properties: { cacheMinutes: 0 } });
    update({ properties: { layout: "compact", cacheMinutes: 60 } });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("link")).toBeTruthy();
  });

  it("applies changed properties on the next updateView", async () => {
    const { update } = start();
    await flush();
    update({ properties: { layout: "linkOnly", label: "ERP" } });
    expect(screen.getByRole("link", { name: /ERP/ })).toBeTruthy();
    expect(screen.queryByText(TENANT)).toBeNull();
  });

  it(`shows not linked from a ${NOT_LINKED.code} answer`, async () => {
    fetchMock.mockImplementation(async () => NOT_LINKED_ANSWER);
    start();
    await flush();
    expect(screen.getByRole("link", { name: /How to enable the Power Platform integration/ })).toBeTruthy();
  });

  it("does not ask while the host says it is offline", async () => {
    start({ offline: true });
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("not linked: Retry skips the cached answer, so a link an admin just made shows at once", async () => {
    fetchMock.mockImplementation(async () => NOT_LINKED_ANSWER);
    const first = start();
    await flush();
    first.control.destroy();
    first.view.unmount();
    fetchMock.mockImplementation(async () => LINKED); // the admin links the environment
    start(); // a second form within the cache time: "not linked" comes from the cache
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("link", { name: /contoso/ }).getAttribute("href")).toBe(FO_URL);
  });

  it("a deep link past 2,048 characters shows the plain environment link and says so", async () => {
    start({ properties: { legalEntity: "USMF", menuItem: "ü".repeat(400) } });
    await flush();
    expect(screen.getByRole("link", { name: /contoso/ }).getAttribute("href")).toBe(FO_URL);
    expect(screen.getByText(/was too long/)).toBeTruthy();
  });

  it("Retry asks Dataverse again", async () => {
    fetchMock.mockImplementationOnce(async () => SERVER_ERROR_ANSWER);
    start();
    await flush();
    expect(screen.getAllByText(new RegExp(SERVER_ERROR.code)).length).toBeGreaterThan(0);
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("link", { name: /contoso/ })).toBeTruthy();
  });
});

describe("the path the request takes", () => {
  /** The PCF runtime's webAPI in a model-driven app: execute resolves with the Response, or rejects like Xrm. */
  function runtimeWebApi(execute: jest.Mock) {
    return { execute, retrieveRecord: jest.fn(), retrieveMultipleRecords: jest.fn() };
  }

  afterEach(() => {
    delete (window as { Xrm?: unknown }).Xrm;
  });

  it("calls through context.webAPI.execute when the host has it, never fetch and never window.Xrm", async () => {
    const pageXrm = { WebApi: { online: { execute: jest.fn() } } };
    (window as { Xrm?: unknown }).Xrm = pageXrm;
    const execute = jest.fn(async (_request: object) => LINKED);
    start({ webAPI: runtimeWebApi(execute) });
    await flush();
    expect(execute).toHaveBeenCalledTimes(1);
    const request = execute.mock.calls[0][0] as { getMetadata(): { operationName: string } };
    expect(request.getMetadata().operationName).toBe("RetrieveFinanceAndOperationsIntegrationDetails");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(pageXrm.WebApi.online.execute).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: (name) => name.includes(new URL(FO_URL).host) })).toBeTruthy();
  });

  it("Retry goes through execute as well", async () => {
    const execute = jest.fn<Promise<FakeResponse>, [object]>(async () => Promise.reject(xrmError(SERVER_ERROR)));
    start({ webAPI: runtimeWebApi(execute) });
    await flush();
    expect(screen.getAllByText(new RegExp(SERVER_ERROR.code)).length).toBeGreaterThan(0);
    execute.mockImplementationOnce(async () => LINKED);
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(execute).toHaveBeenCalledTimes(2);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: /contoso/ })).toBeTruthy();
  });

  it.each([
    ["no execute (a canvas host, the test harness)", { retrieveRecord: jest.fn() }],
    [
      "an execute that throws 'not implemented' (a custom page)",
      {
        execute: () => {
          throw new Error("Method not implemented.");
        },
      },
    ],
    [
      "an execute that rejects 'not implemented'",
      { execute: async () => Promise.reject(new Error("Not implemented")) },
    ],
  ])("%s: same-origin fetch carries it", async (_label, webAPI) => {
    start({ webAPI });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("link", { name: /contoso/ })).toBeTruthy();
  });

  describe.each([
    [
      "throws",
      (make: () => unknown) => () => {
        throw make();
      },
    ],
    ["rejects", (make: () => unknown) => async () => Promise.reject(make())],
  ])("an execute that %s as a host that cannot execute does", (_how, fail) => {
    it.each(HOST_FAILURES)("%s: one fetch carries it and only its outcome shows", async (_label, make) => {
      fetchMock.mockImplementation(async () => NOT_LINKED_ANSWER);
      const execute = jest.fn(fail(make));
      const { view } = start({ webAPI: runtimeWebApi(execute) });
      await flush();
      expect(execute).toHaveBeenCalledTimes(1);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(screen.getByRole("link", { name: /How to enable the Power Platform integration/ })).toBeTruthy();
      expect(view.container.textContent).not.toMatch(/Feature|not a function|not defined|not supported|broke|Couldn't/);
    });
  });

  // Issue 23, kind 1: execute RESOLVES something that is no readable Dataverse answer (a Response whose body was
  // already read, HTML, no Response): never "You're offline" while fetch works.
  it.each(HOST_RESOLUTIONS)(
    "execute resolves %s: one fetch carries it and only its outcome shows",
    async (_l, make) => {
      fetchMock.mockImplementation(async () => NOT_LINKED_ANSWER);
      const execute = jest.fn(async () => make());
      const { view } = start({ webAPI: runtimeWebApi(execute) });
      await flush();
      expect(execute).toHaveBeenCalledTimes(1);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(screen.getByRole("link", { name: /How to enable the Power Platform integration/ })).toBeTruthy();
      expect(view.container.textContent).not.toMatch(/offline|body stream|Couldn't/);
    },
  );

  it("any other rejection of execute is the answer (no fetch)", async () => {
    const execute = jest.fn(async () => Promise.reject(xrmError(NOT_LINKED)));
    start({ webAPI: runtimeWebApi(execute) });
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: /How to enable the Power Platform integration/ })).toBeTruthy();
  });
});

describe("offline: the mobile app's rejection and the host's flag", () => {
  const lastKnownHost = new URL(FO_URL).host;
  function runtimeWebApi(execute: jest.Mock) {
    return { execute, retrieveRecord: jest.fn(), retrieveMultipleRecords: jest.fn() };
  }
  function expectOfflineWithLastKnown(): void {
    expect(screen.getByText("You're offline.")).toBeTruthy();
    expect(screen.getByRole("link", { name: (name) => name.includes(lastKnownHost) }).getAttribute("href")).toBe(
      FO_URL,
    );
    expect(document.body.textContent).not.toMatch(/Couldn't check|Reconnect and try again/);
  }

  it("execute rejects with UciError (no errorCode): offline with the last known link, and Retry keeps it", async () => {
    const execute = jest.fn<Promise<FakeResponse>, [object]>(async () => LINKED);
    const first = start({ webAPI: runtimeWebApi(execute), properties: { cacheMinutes: 0 } });
    await flush(); // this tab has now seen the link
    first.control.destroy();
    first.view.unmount();
    execute.mockImplementation(async () => Promise.reject(mobileOfflineError()));
    start({ webAPI: runtimeWebApi(execute), properties: { cacheMinutes: 0 } });
    await flush();
    expectOfflineWithLastKnown();
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(execute).toHaveBeenCalledTimes(3);
    expect(fetchMock).not.toHaveBeenCalled();
    expectOfflineWithLastKnown();
  });

  it("Retry while the host says offline asks nothing and keeps the last known link", async () => {
    const first = start({ properties: { cacheMinutes: 0 } });
    await flush();
    first.control.destroy();
    first.view.unmount();
    start({ properties: { cacheMinutes: 0 }, offline: true });
    await flush();
    expectOfflineWithLastKnown();
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1); // only the first form's
    expectOfflineWithLastKnown();
  });

  it("back online (the host's flag turns false at an updateView): the link is asked again without a Retry", async () => {
    // Issue 23, kind 2: what the host said at init is looked at again.
    const control = start({ offline: true });
    await flush();
    expect(screen.getByText("You're offline.")).toBeTruthy();
    control.update({ offline: true }); // still offline: nothing asked
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    control.update({ offline: false });
    await flush();
    control.update({ offline: false });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("You're offline.")).toBeNull();
    expect(screen.getByRole("link", { name: /contoso/ })).toBeTruthy();
  });

  it("without execute, a fetch rejected with UciError is offline too, and Retry keeps the last known link", async () => {
    const first = start({ properties: { cacheMinutes: 0 } });
    await flush();
    first.control.destroy();
    first.view.unmount();
    fetchMock.mockImplementation(async () => Promise.reject(mobileOfflineError()));
    start({ properties: { cacheMinutes: 0 } });
    await flush();
    expectOfflineWithLastKnown();
    screen.getByRole("button", { name: "Retry" }).click();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expectOfflineWithLastKnown();
  });
});

describe("several instances", () => {
  it("two controls on one form share one request and keep their own ids", async () => {
    const answer = pendingFetch();
    const first = start();
    const second = start({ properties: { layout: "compact" } });
    answer.resolve(LINKED);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole("link")).toHaveLength(2);
    const ids = Array.from(document.querySelectorAll("[id]")).map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    first.control.destroy();
    second.control.destroy();
  });
});

describe("destroy", () => {
  it("a late answer after destroy never re-renders or notifies", async () => {
    const answer = pendingFetch();
    const { control, notify, view } = start({ properties: { writeUrlToColumn: "yes" } });
    control.destroy();
    answer.resolve(LINKED);
    await flush();
    expect(notify).not.toHaveBeenCalled();
    expect(view.container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(view.container.querySelector("a")).toBeNull();
  });
});

describe("getOutputs: writing the URL into the column", () => {
  it("is off by default: never notifies, outputs nothing", async () => {
    const { control, notify } = start();
    await flush();
    expect(notify).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({});
  });

  it("when on, notifies once and hands over the URL while the column differs", async () => {
    const options: FakeContextOptions = { properties: { writeUrlToColumn: "yes", value: "https://old.example.com" } };
    const { control, notify, update } = start(options);
    await flush();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ value: FO_URL });
    update(options); // the platform re-renders before it applied the value: no second notification
    expect(notify).toHaveBeenCalledTimes(1);
    update({ properties: { writeUrlToColumn: "yes", value: FO_URL } });
    expect(control.getOutputs()).toEqual({});
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it("does not write again from an answer held past the cache time (the user cleared the column since)", async () => {
    const clock = jest.spyOn(Date, "now");
    try {
      clock.mockReturnValue(1_700_000_000_000);
      const options: FakeContextOptions = { properties: { writeUrlToColumn: "yes", cacheMinutes: 15 } };
      const { control, notify, update } = start(options);
      await flush();
      expect(control.getOutputs()).toEqual({ value: FO_URL });
      update({ properties: { ...options.properties, value: FO_URL } }); // the platform applied it
      clock.mockReturnValue(1_700_000_000_000 + 16 * 60_000);
      update({ properties: { ...options.properties, value: null } }); // the user clears it 16 minutes later
      expect(control.getOutputs()).toEqual({});
      expect(notify).toHaveBeenCalledTimes(1);
    } finally {
      clock.mockRestore();
    }
  });

  it("does not write when the column already holds the URL", async () => {
    const { control, notify } = start({ properties: { writeUrlToColumn: "yes", value: FO_URL } });
    await flush();
    expect(notify).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({});
  });

  it("does not write when the control is disabled or column security forbids editing", async () => {
    const disabled = start({ disabled: true, properties: { writeUrlToColumn: "yes" } });
    const secured = start({
      security: { readable: true, editable: false, secured: true },
      properties: { writeUrlToColumn: "yes" },
    });
    await flush();
    expect(disabled.notify).not.toHaveBeenCalled();
    expect(secured.notify).not.toHaveBeenCalled();
    expect(disabled.control.getOutputs()).toEqual({});
    expect(secured.control.getOutputs()).toEqual({});
  });

  it("does not write a failure", async () => {
    fetchMock.mockImplementation(async () => SERVER_ERROR_ANSWER);
    const { control, notify } = start({ properties: { writeUrlToColumn: "yes" } });
    await flush();
    expect(notify).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({});
  });

  it("shows, but does not write, an offline last-known value", async () => {
    start().control.destroy();
    await flush(); // a linked answer is now known to this tab
    const { control, notify } = start({ offline: true, properties: { writeUrlToColumn: "yes" } });
    await flush();
    expect(screen.getByText("Last known environment")).toBeTruthy();
    expect(notify).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({});
  });
});
