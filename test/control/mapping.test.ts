import type { IntegrationResult } from "../../core";
import { columnValueToWrite, createOutputNotifier } from "../../pcf/LinkedEnvironment/mapping/columnOutput";
import { ResultStore } from "../../pcf/LinkedEnvironment/resultStore";
import { readSettings } from "../../pcf/LinkedEnvironment/mapping/settings";
import { createTranslator } from "../../pcf/LinkedEnvironment/mapping/translate";
import { fakeParameters } from "./pcfContext";
import { RESULTS } from "./fixtures";
import { FO_URL } from "../fixtures/dataverse";
import { deferred, type Deferred } from "./renderView";

describe("readSettings", () => {
  it("applies the manifest's defaults when the maker set nothing", () => {
    expect(readSettings(fakeParameters())).toEqual({
      layout: "card",
      showTenantId: true,
      showEnvironmentId: true,
      label: undefined,
      openInNewTab: true,
      legalEntity: undefined,
      menuItem: undefined,
      cacheMinutes: 15,
      writeUrlToColumn: false,
      record: { recordLink: undefined, recordTable: null, recordMatch: null, recordCompany: null },
    });
  });

  it("reads every property when set, trimming text", () => {
    const settings = readSettings(
      fakeParameters({
        layout: "linkOnly",
        showTenantId: "no",
        showEnvironmentId: "no",
        label: "  ERP ",
        openIn: "sameTab",
        legalEntity: " USMF",
        menuItem: "CustTableListPage ",
        cacheMinutes: 0,
        writeUrlToColumn: "yes",
        recordLink: "matchRow",
        recordTable: "mserp_custcustomerv3entity",
        recordMatch: "mserp_customeraccount=accountnumber",
        recordCompany: "=USMF",
      }),
    );
    expect(settings).toEqual({
      layout: "linkOnly",
      showTenantId: false,
      showEnvironmentId: false,
      label: "ERP",
      openInNewTab: false,
      legalEntity: "USMF",
      menuItem: "CustTableListPage",
      cacheMinutes: 0,
      writeUrlToColumn: true,
      record: {
        recordLink: "matchRow",
        recordTable: "mserp_custcustomerv3entity",
        recordMatch: "mserp_customeraccount=accountnumber",
        recordCompany: "=USMF",
      },
    });
  });

  it("treats blank text as unset and ignores values no manifest allows", () => {
    const parameters = fakeParameters({ label: "   ", cacheMinutes: -5 });
    (parameters.layout as { raw: string }).raw = "grid";
    const settings = readSettings(parameters);
    expect(settings.label).toBeUndefined();
    expect(settings.cacheMinutes).toBe(15);
    expect(settings.layout).toBe("card");
  });
});

describe("columnValueToWrite", () => {
  const answeredAt = 1_700_000_000_000;
  const base = {
    result: RESULTS.linked as IntegrationResult,
    answeredAt,
    now: answeredAt + 60_000,
    cacheMinutes: 15,
    writeUrlToColumn: true,
    canEdit: true,
    currentValue: null,
  };

  it("gives the URL up to the cache time after the answer, and with cacheMinutes 0 for the hand-over only", () => {
    expect(columnValueToWrite({ ...base, now: answeredAt + 15 * 60_000 })).toBe(FO_URL);
    expect(columnValueToWrite({ ...base, cacheMinutes: 0, now: answeredAt + 10 })).toBe(FO_URL);
  });

  it("gives the F&O URL when the option is on and the column differs", () => {
    expect(columnValueToWrite(base)).toBe(FO_URL);
    expect(columnValueToWrite({ ...base, currentValue: "https://other.example.com" })).toBe(FO_URL);
  });

  it.each([
    ["option off", { writeUrlToColumn: false }],
    ["cannot edit", { canEdit: false }],
    ["same value", { currentValue: FO_URL }],
    ["still loading", { result: undefined }],
    ["not linked", { result: RESULTS.notLinked }],
    ["offline last known", { result: RESULTS.offlineLastKnown }],
    ["the answer is older than the cache time", { now: answeredAt + 15 * 60_000 + 1 }],
    ["the answer time is unknown", { answeredAt: undefined }],
    ["cacheMinutes 0 and the answer is past the hand-over", { cacheMinutes: 0, now: answeredAt + 5_001 }],
  ] as const)("gives nothing when %s", (_name, change) => {
    expect(columnValueToWrite({ ...base, ...change })).toBeUndefined();
  });
});

describe("createOutputNotifier", () => {
  it("notifies once per new pending value and never for nothing", () => {
    const notify = jest.fn();
    const notifyIfPending = createOutputNotifier(notify);
    notifyIfPending(undefined);
    notifyIfPending("a");
    notifyIfPending("a");
    notifyIfPending(undefined);
    notifyIfPending("b");
    expect(notify).toHaveBeenCalledTimes(2);
  });
});

describe("ResultStore", () => {
  function storeWith(...answers: Array<Deferred<IntegrationResult>>) {
    const calls: boolean[] = [];
    const store = new ResultStore(
      (force) => answers[calls.push(force) - 1].promise,
      () => 1234, // the store's clock: when an answer arrived
    );
    return { store, calls };
  }

  it("starts loading, then holds the answer and tells subscribers", async () => {
    const answer = deferred<IntegrationResult>();
    const { store } = storeWith(answer);
    const listener = jest.fn();
    store.subscribe(listener);
    store.refresh();
    expect(store.snapshot).toEqual({ result: undefined, loading: true, attempt: 1 });
    answer.resolve(RESULTS.linked);
    await answer.promise;
    await Promise.resolve();
    expect(store.snapshot).toEqual({ result: RESULTS.linked, loading: false, attempt: 1, answeredAt: 1234 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("keeps the newest answer when an older request answers late", async () => {
    const first = deferred<IntegrationResult>();
    const second = deferred<IntegrationResult>();
    const { store, calls } = storeWith(first, second);
    store.refresh();
    store.refresh(true);
    second.resolve(RESULTS.linked);
    await second.promise;
    first.resolve(RESULTS.failed);
    await first.promise;
    await Promise.resolve();
    expect(calls).toEqual([false, true]);
    expect(store.snapshot.result).toBe(RESULTS.linked);
    expect(store.snapshot.attempt).toBe(2);
  });

  it("after dispose, ignores answers and starts nothing", async () => {
    const answer = deferred<IntegrationResult>();
    const { store, calls } = storeWith(answer);
    const listener = jest.fn();
    store.subscribe(listener);
    store.refresh();
    listener.mockClear();
    store.dispose();
    answer.resolve(RESULTS.linked);
    await answer.promise;
    await Promise.resolve();
    store.refresh();
    expect(listener).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    expect(store.snapshot.loading).toBe(true);
  });

  it("turns a rejected load into a failed answer instead of spinning forever", async () => {
    const store = new ResultStore(
      () => Promise.reject(new Error("boom")),
      () => 1234,
    );
    store.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.snapshot).toEqual({ result: { kind: "failed" }, loading: false, attempt: 1, answeredAt: 1234 });
  });
});

describe("createTranslator", () => {
  it("fills placeholders from the host's text", () => {
    const translate = createTranslator((key) => (key === "Control_CopyLabel" ? "{0} kopieren" : ""));
    expect(translate("Control_CopyLabel", "Mandanten-ID")).toBe("Mandanten-ID kopieren");
  });

  // Issue 23, kind 3: an unshipped language or a host that loads no resx answers "", null or the key itself.
  it.each<[string, (key: string) => string | null | undefined]>([
    ["an empty string", () => ""],
    ["blanks", () => "  "],
    ["null", () => null],
    ["undefined", () => undefined],
    ["the key itself", (key) => key],
    [
      "a throw",
      () => {
        throw new Error("no resx");
      },
    ],
  ])("a host answering %s: built-in English, never a raw key", (_label, getString) => {
    const translate = createTranslator(getString);
    expect(translate("Control_Heading")).toBe("Finance and operations");
    expect(translate("Result_TenantId")).toBe("Tenant ID");
    expect(translate("Control_CopyLabel", "Tenant ID")).toBe("Copy Tenant ID");
    expect(translate("Record_Unsaved")).toBe("Save this row to open it in finance and operations.");
    expect(translate("Result_Retry")).toBe("Retry");
  });
});
