/** The record link in the control: every state's view (exact hrefs), and the lifecycle through the PCF context's calls. */
import { fireEvent, render, screen } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL, type IntegrationResult, type RecordResult } from "../../core";
import { LinkedEnvironment } from "../../pcf/LinkedEnvironment/index";
import { whenEnvironmentKnown, type RecordLinkState } from "../../pcf/LinkedEnvironment/recordLoader";
import { ResultStore } from "../../pcf/LinkedEnvironment/resultStore";
import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  errorResponse,
  fetchResponse,
  FO_URL,
  linkedBody,
  METADATA_NOT_FOUND,
  NOT_LINKED,
  TABLE_FORBIDDEN,
  xrmError,
} from "../fixtures/dataverse";
import { RESULTS } from "./fixtures";
import { fakeContext, type FakeContextOptions } from "./pcfContext";
import { flush, renderView } from "./renderView";

expect.extend(toHaveNoViolations);

const CONTOSO = CUSTOMER_ROWS[0];
const RECORD_HREF = `${FO_URL}/?cmp=usmf&mi=action:SysEntityNavigation&entityName=${CUSTOMERS_V3.entitySet}&entityGuid=${CONTOSO.mserp_custcustomerv3entityid}`;
const found: RecordResult = {
  kind: "found",
  fromCache: false,
  target: { cmp: "usmf", entityName: CUSTOMERS_V3.entitySet, entityGuid: CONTOSO.mserp_custcustomerv3entityid },
};

describe("views", () => {
  it("found: 'Open <name> in finance and operations' beside the environment link, exact href, new tab", async () => {
    const { container } = await renderView(RESULTS.linked, { record: found, recordName: "Contoso Ltd" });
    const link = screen.getByRole("link", { name: /^Open Contoso Ltd in finance and operations/ });
    expect(link.getAttribute("href")).toBe(RECORD_HREF);
    expect(link.getAttribute("target")).toBe("_blank");
    expect(screen.getByRole("link", { name: /contoso-prod/ }).getAttribute("href")).toBe(FO_URL);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("found without a name, in the same tab", async () => {
    await renderView(RESULTS.linked, { record: found, properties: { openIn: "sameTab" } });
    const link = screen.getByRole("link", { name: "Open this record in finance and operations" });
    expect(link.getAttribute("href")).toBe(RECORD_HREF);
    expect(link.getAttribute("target")).toBeNull();
  });

  it("loading: says it is looking; off: nothing at all", async () => {
    await renderView(RESULTS.linked, { record: "pending" });
    expect(screen.getByText("Looking for this record in finance and operations…")).toBeTruthy();
    const off = await renderView(RESULTS.linked, { record: { kind: "off" } });
    expect(off.container.textContent).not.toMatch(/record/i);
  });

  it.each<[string, RecordLinkState, string]>([
    ["no match", { kind: "noMatch", company: "usmf" }, "No finance and operations record matches this row."],
    ["two matches", { kind: "manyMatches", company: "usmf" }, "More than one finance and operations record"],
    ["an empty column", { kind: "missingValue", column: "accountnumber" }, "This row has no value in accountnumber"],
  ])("%s: says which, and offers the company-level link when the company is known", async (_name, state, words) => {
    const { container } = await renderView(RESULTS.linked, { record: state });
    expect(container.textContent).toContain(words);
    const company = screen.queryByRole("link", { name: /^Open company usmf/ });
    if ("company" in state && state.company) expect(company?.getAttribute("href")).toBe(`${FO_URL}/?cmp=usmf`);
    else expect(company).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("not enabled: names the table and links Microsoft's article", async () => {
    const { container } = await renderView(RESULTS.linked, {
      record: { kind: "notEnabled", table: "mserp_vendvendorv2entity" },
    });
    expect(container.textContent).toContain("The virtual table mserp_vendvendorv2entity isn't available");
    const article = screen.getByRole("link", { name: /How to enable virtual tables/ });
    expect(article.getAttribute("href")).toBe(ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL);
  });

  it.each<[string, RecordLinkState, string]>([
    [
      "forbidden",
      { kind: "unavailable", table: "mserp_hcmworkerentity", failure: { kind: "forbidden", code: "0x80040220" } },
      "You don't have permission to read mserp_hcmworkerentity.",
    ],
    ["offline", { kind: "unavailable", table: "x", failure: { kind: "offline" } }, "You're offline."],
    [
      "timed out",
      { kind: "unavailable", table: "x", failure: { kind: "failed", timedOutAfterSeconds: 30 } },
      "The request took longer than 30 seconds.",
    ],
  ])(
    "%s: the link check's words, Retry asks the record again; the environment link stays",
    async (_n, state, words) => {
      const { container, recordLoads, loads } = await renderView(RESULTS.linked, { record: state });
      expect(container.textContent).toContain(words);
      expect(screen.getByRole("link", { name: /contoso-prod/ }).getAttribute("href")).toBe(FO_URL);
      fireEvent.click(screen.getByRole("button", { name: "Retry" }));
      expect(recordLoads).toEqual([false, true]);
      expect(loads).toEqual([false]);
      await flush(); // the Retry's answer lands inside act, before the test ends
    },
  );

  it("a maker's mistake: one message naming the setting", async () => {
    const { container } = await renderView(RESULTS.linked, {
      record: {
        kind: "invalid",
        property: "recordCompany",
        value: "=CONTOSO",
        example: "msdyn_company.cdm_companycode",
      },
    });
    expect(container.textContent).toContain(
      'The record link setting recordCompany isn\'t valid: "=CONTOSO". Example: msdyn_company.cdm_companycode',
    );
  });

  it("in German and Arabic", async () => {
    await renderView(RESULTS.linked, { record: found, recordName: "Contoso Ltd", lcid: 1031 });
    expect(
      screen.getByRole("link", { name: /^Contoso Ltd in Finance and Operations öffnen/ }).getAttribute("href"),
    ).toBe(RECORD_HREF);
    await renderView(RESULTS.linked, { record: { kind: "noMatch" }, lcid: 1025 });
    expect(document.body.textContent).toContain("لا يوجد سجل");
  });

  it("not shown when the environment is not linked", async () => {
    const { container } = await renderView(RESULTS.notLinked, { record: found, recordName: "Contoso Ltd" });
    expect(container.textContent).not.toContain("Open Contoso Ltd");
  });
});

/** The PCF context's documented calls, answering from the fixtures. */
function platform(overrides: { search?: jest.Mock; metadata?: jest.Mock; row?: jest.Mock } = {}) {
  const webAPI = {
    execute: jest.fn(async () => fetchResponse(200, linkedBody())),
    retrieveRecord:
      overrides.row ??
      jest.fn(async () => ({
        accountnumber: ACCOUNTS.contoso.accountnumber,
        msdyn_company: { cdm_companycode: "usmf" },
      })),
    retrieveMultipleRecords: overrides.search ?? jest.fn(async () => ({ entities: [CONTOSO] })),
    createRecord: jest.fn(),
    updateRecord: jest.fn(),
    deleteRecord: jest.fn(),
  };
  const utils = {
    getEntityMetadata: overrides.metadata ?? jest.fn(async () => ({ EntitySetName: CUSTOMERS_V3.entitySet })),
  };
  return { webAPI, utils };
}

const ACCOUNT_ROW = {
  entityTypeName: "account",
  entityId: ACCOUNTS.contoso.accountid,
  entityRecordName: "Contoso Ltd",
};

function start(options: FakeContextOptions) {
  const control = new LinkedEnvironment();
  const context = fakeContext(options);
  control.init(context, jest.fn());
  const view = render(control.updateView(context));
  return { control, view, rerender: () => view.rerender(control.updateView(fakeContext(options))) };
}

describe("lifecycle", () => {
  beforeEach(() => sessionStorage.clear());

  it("recordLink=matchRow alone on an account form: the Customers V3 preset, three reads, never a write", async () => {
    const { webAPI, utils } = platform();
    const { rerender } = start({ webAPI, utils, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /^Open Contoso Ltd in finance and operations/ }).getAttribute("href")).toBe(
      RECORD_HREF,
    );
    expect(utils.getEntityMetadata).toHaveBeenCalledWith(CUSTOMERS_V3.table);
    expect(webAPI.retrieveRecord).toHaveBeenCalledWith(
      "account",
      ACCOUNTS.contoso.accountid,
      "?$select=accountnumber&$expand=msdyn_company($select=cdm_companycode)",
    );
    expect(webAPI.retrieveMultipleRecords).toHaveBeenCalledWith(
      CUSTOMERS_V3.table,
      "?$select=mserp_custcustomerv3entityid,mserp_dataareaid&$filter=mserp_customeraccount eq 'US-001' and mserp_dataareaid eq 'usmf'&$top=2",
    );
    for (const write of [webAPI.createRecord, webAPI.updateRecord, webAPI.deleteRecord])
      expect(write).not.toHaveBeenCalled();
  });

  it("a new row: 'Save this row…', then the first save (updateView with the id and name) looks the record up", async () => {
    // Issue 23, kind 2: the text used to stay until a reload, with no Retry.
    const { webAPI, utils } = platform();
    const control = new LinkedEnvironment();
    const properties = { recordLink: "matchRow" as const };
    const unsaved = { entityTypeName: "account", entityId: "", entityRecordName: "" };
    const first = fakeContext({ webAPI, utils, row: unsaved, properties });
    control.init(first, jest.fn());
    const view = render(control.updateView(first));
    await flush();
    view.rerender(control.updateView(fakeContext({ webAPI, utils, row: unsaved, properties })));
    expect(screen.getByText("Save this row to open it in finance and operations.")).toBeTruthy();
    expect(webAPI.retrieveRecord).not.toHaveBeenCalled();

    const saved = { ...ACCOUNT_ROW, entityRecordName: "Contoso Pharmaceuticals" };
    view.rerender(control.updateView(fakeContext({ webAPI, utils, row: saved, properties })));
    await flush();
    view.rerender(control.updateView(fakeContext({ webAPI, utils, row: saved, properties })));
    expect(screen.queryByText("Save this row to open it in finance and operations.")).toBeNull();
    expect(
      screen
        .getByRole("link", { name: /^Open Contoso Pharmaceuticals in finance and operations/ })
        .getAttribute("href"),
    ).toBe(RECORD_HREF);
    expect(webAPI.retrieveRecord).toHaveBeenCalledTimes(1);
    // Further updateView calls with the same row ask nothing more.
    view.rerender(control.updateView(fakeContext({ webAPI, utils, row: saved, properties })));
    await flush();
    expect(webAPI.retrieveRecord).toHaveBeenCalledTimes(1);
  });

  it("where Dataverse is not linked it reads nothing; once Retry finds the link, it looks the record up", async () => {
    const { webAPI, utils } = platform();
    webAPI.execute.mockImplementation(async () => errorResponse(NOT_LINKED));
    const { rerender } = start({ webAPI, utils, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /How to enable the Power Platform integration/ })).toBeTruthy();
    for (const read of [utils.getEntityMetadata, webAPI.retrieveRecord, webAPI.retrieveMultipleRecords])
      expect(read).not.toHaveBeenCalled();
    // An admin links the environment; the user presses Retry.
    webAPI.execute.mockImplementation(async () => fetchResponse(200, linkedBody()));
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /^Open Contoso Ltd/ }).getAttribute("href")).toBe(RECORD_HREF);
    expect(webAPI.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
  });

  it("a found record is reused for the cache time: a second form load reads nothing", async () => {
    const first = platform();
    start({ ...first, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } }).view.unmount();
    await flush();
    const second = platform();
    const { rerender } = start({ ...second, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /^Open Contoso Ltd/ }).getAttribute("href")).toBe(RECORD_HREF);
    expect(second.webAPI.retrieveMultipleRecords).not.toHaveBeenCalled();
    expect(second.webAPI.retrieveRecord).not.toHaveBeenCalled();
  });

  it("a maker's mistake sends nothing", async () => {
    const { webAPI, utils } = platform();
    const { rerender, view } = start({
      webAPI,
      utils,
      row: ACCOUNT_ROW,
      properties: { recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a" },
    });
    await flush();
    rerender();
    expect(view.container.textContent).toContain("The record link setting recordMatch isn't valid");
    expect(webAPI.retrieveRecord).not.toHaveBeenCalled();
    expect(utils.getEntityMetadata).not.toHaveBeenCalled();
  });

  it("thisRow on a virtual table form: the entity set from metadata, the company from the row", async () => {
    const row = CUSTOMER_ROWS[1];
    const { webAPI, utils } = platform({ row: jest.fn(async () => ({ mserp_dataareaid: row.mserp_dataareaid })) });
    const { rerender } = start({
      webAPI,
      utils,
      row: {
        entityTypeName: CUSTOMERS_V3.table,
        entityId: `{${row.mserp_custcustomerv3entityid.toUpperCase()}}`,
        entityRecordName: row.mserp_name,
      },
      properties: { recordLink: "thisRow" },
    });
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /^Open Contoso GmbH/ }).getAttribute("href")).toBe(
      `${FO_URL}/?cmp=demf&mi=action:SysEntityNavigation&entityName=${CUSTOMERS_V3.entitySet}&entityGuid=${row.mserp_custcustomerv3entityid}`,
    );
    expect(webAPI.retrieveMultipleRecords).not.toHaveBeenCalled();
  });

  it("not enabled and forbidden come from the platform's rejections", async () => {
    const notEnabled = platform({ metadata: jest.fn(async () => Promise.reject(xrmError(METADATA_NOT_FOUND))) });
    const first = start({ ...notEnabled, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    first.rerender();
    expect(first.view.container.textContent).toContain(`The virtual table ${CUSTOMERS_V3.table} isn't available`);
    first.view.unmount();
    const forbidden = platform({ search: jest.fn(async () => Promise.reject(xrmError(TABLE_FORBIDDEN))) });
    const second = start({ ...forbidden, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    second.rerender();
    expect(second.view.container.textContent).toContain(`You don't have permission to read ${CUSTOMERS_V3.table}.`);
    expect(second.view.container.textContent).toContain(TABLE_FORBIDDEN.code);
  });

  it("a host without the record calls (Microsoft's harness): the environment link still shows", async () => {
    const { rerender, view } = start({
      webAPI: { execute: jest.fn(async () => fetchResponse(200, linkedBody())) },
      row: ACCOUNT_ROW,
      properties: { recordLink: "matchRow" },
    });
    await flush();
    rerender();
    expect(screen.getByRole("link", { name: /contoso-prod/ }).getAttribute("href")).toBe(FO_URL);
    expect(view.container.textContent).toContain("Couldn't look up this record in finance and operations.");
  });

  it("destroy silences a pending record lookup", async () => {
    const { webAPI, utils } = platform({ search: jest.fn(() => new Promise(() => undefined)) });
    const { control } = start({ webAPI, utils, row: ACCOUNT_ROW, properties: { recordLink: "matchRow" } });
    await flush();
    expect(() => control.destroy()).not.toThrow();
  });
});

describe("whenEnvironmentKnown", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("stays pending while the link check is loading or not linked; resolves on linked, and stops listening", async () => {
    const answers: IntegrationResult[] = [RESULTS.notLinked, RESULTS.linked];
    const store = new ResultStore(async (): Promise<IntegrationResult> => answers.shift() ?? { kind: "failed" });
    const subscribe = jest.spyOn(store, "subscribe");
    let known = false;
    void whenEnvironmentKnown(store).then(() => (known = true));
    store.refresh(); // not linked
    await settle();
    expect(known).toBe(false);
    store.refresh(true); // Retry: loading, then linked
    expect(known).toBe(false);
    await settle();
    expect(known).toBe(true);
    // The one listener it added is gone: a later answer finds nobody of it.
    const unsubscribe = subscribe.mock.results[0].value as () => boolean;
    expect(unsubscribe()).toBe(false);
  });

  it("offline with the last known link names the environment; offline without one does not", async () => {
    const lastKnown = RESULTS.linked.kind === "linked" ? RESULTS.linked.details : undefined;
    const withLink = new ResultStore(async (): Promise<IntegrationResult> => ({ kind: "offline", lastKnown }));
    const without = new ResultStore(async (): Promise<IntegrationResult> => ({ kind: "offline" }));
    const seen: string[] = [];
    void whenEnvironmentKnown(withLink).then(() => seen.push("lastKnown"));
    void whenEnvironmentKnown(without).then(() => seen.push("none"));
    withLink.refresh();
    without.refresh();
    await settle();
    expect(seen).toEqual(["lastKnown"]);
  });
});
