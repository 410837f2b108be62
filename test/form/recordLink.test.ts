/** The form script's record link: FinOpsLink.Form.openRecordInFinOps (command bar) and the onLoad record option. */
import { openRecord, openRecordInFinOps } from "../../webresources/openRecord";
import { onLoad, showLinkOnForm } from "../../webresources/onLoad";
import { OPTIONS_ID, STATUS_ID, globalNotificationsSettled } from "../../webresources/notifier";
import type { FormPort } from "../../webresources/ports";
import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  FO_URL,
  METADATA_NOT_FOUND,
  TABLE_FORBIDDEN,
  xrmError,
  type AccountRow,
} from "../fixtures/dataverse";
import { ANSWERS, executionContextOf, fakeForm, fakeXrm, type FakeXrm } from "./fakes";

beforeEach(() => sessionStorage.clear());

const hrefOf = (row: (typeof CUSTOMER_ROWS)[number]) =>
  `${FO_URL}/?cmp=${row.mserp_dataareaid}&mi=action:SysEntityNavigation&entityName=${CUSTOMERS_V3.entitySet}&entityGuid=${row.mserp_custcustomerv3entityid}`;

/** An account form (or a virtual table's) whose row the fake Web API serves; calls are recorded. */
function setUp(account: AccountRow | null = ACCOUNTS.contoso, table = "account") {
  const xrm = fakeXrm(ANSWERS.linked);
  const calls: string[] = [];
  const form = Object.assign(fakeForm(), {
    data: {
      entity: {
        getEntityName: () => table,
        getId: () => (account ? `{${account.accountid.toUpperCase()}}` : ""),
        getPrimaryAttributeValue: () => account?.name ?? null,
      },
    },
  }) satisfies FormPort;
  const metadata = jest.fn(async (name: string) => {
    calls.push(`metadata ${name}`);
    if (name === CUSTOMERS_V3.table) return { EntitySetName: CUSTOMERS_V3.entitySet };
    throw xrmError(METADATA_NOT_FOUND);
  });
  const search = jest.fn(async (name: string, options: string) => {
    calls.push(`retrieveMultipleRecords ${name} ${options}`);
    const filter = decodeURIComponent(/\$filter=([^&]*)/.exec(options)?.[1] ?? "");
    const wanted = [...filter.matchAll(/(\w+) eq '((?:[^']|'')*)'/g)].map((m) => [m[1], m[2].replace(/''/g, "'")]);
    return {
      entities: CUSTOMER_ROWS.filter((row) =>
        wanted.every(([c, v]) => (row as unknown as Record<string, string>)[c] === v),
      ),
    };
  });
  const retrieve = jest.fn(async (name: string, id: string, options: string) => {
    calls.push(`retrieveRecord ${name} ${id} ${options}`);
    if (name === CUSTOMERS_V3.table)
      return { mserp_dataareaid: CUSTOMER_ROWS.find((r) => r.mserp_custcustomerv3entityid === id)?.mserp_dataareaid };
    return { accountnumber: account?.accountnumber, msdyn_company: { cdm_companycode: account?.companyCode } };
  });
  const updateRecord = jest.fn();
  Object.assign(xrm.WebApi!, { retrieveRecord: retrieve, retrieveMultipleRecords: search, updateRecord });
  Object.assign(xrm.Utility!, { getEntityMetadata: metadata });
  return { xrm: xrm as FakeXrm, form, calls, search, metadata, updateRecord };
}

describe("openRecordInFinOps (command bar button)", () => {
  it("on an account form with no parameter: the Customers V3 preset opens the customer, exact href", async () => {
    const { xrm, form, calls, updateRecord } = setUp();
    const host = globalThis as { Xrm?: unknown };
    host.Xrm = xrm;
    try {
      await openRecordInFinOps(form);
    } finally {
      delete host.Xrm;
    }
    expect(xrm.openedUrls).toEqual([hrefOf(CUSTOMER_ROWS[0])]);
    expect(xrm.alerts).toEqual([]);
    expect(calls).toEqual([
      `metadata ${CUSTOMERS_V3.table}`,
      `retrieveRecord account ${ACCOUNTS.contoso.accountid} ?$select=accountnumber&$expand=msdyn_company($select=cdm_companycode)`,
      `retrieveMultipleRecords ${CUSTOMERS_V3.table} ?$select=mserp_custcustomerv3entityid,mserp_dataareaid&$filter=mserp_customeraccount eq 'US-001' and mserp_dataareaid eq 'usmf'&$top=2`,
    ]);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it("an account number with an apostrophe, in the other company", async () => {
    const { xrm, form } = setUp(ACCOUNTS.obrien);
    await openRecord(xrm, form, '{"recordLink":"matchRow"}');
    expect(xrm.openedUrls).toEqual([hrefOf(CUSTOMER_ROWS[2])]);
  });

  it("a virtual table's form: thisRow by default", async () => {
    const row = CUSTOMER_ROWS[1];
    const { xrm, form } = setUp(
      { accountid: row.mserp_custcustomerv3entityid, name: row.mserp_name, accountnumber: null, companyCode: null },
      CUSTOMERS_V3.table,
    );
    await openRecord(xrm, form, undefined);
    expect(xrm.openedUrls).toEqual([hrefOf(row)]);
  });

  it.each([
    ["no match", ACCOUNTS.unsynced, "No finance and operations record matches this row."],
    ["two matches", ACCOUNTS.duplicate, "More than one finance and operations record matches this row"],
    ["no account number", ACCOUNTS.noNumber, "This row has no value in accountnumber"],
  ])("%s: an alert says which, nothing opens", async (_name, account, words) => {
    const { xrm, form } = setUp(account);
    await openRecord(xrm, form, { recordLink: "matchRow" });
    expect(xrm.openedUrls).toEqual([]);
    expect(xrm.alerts).toEqual([{ title: "Finance and operations", text: expect.stringContaining(words) }]);
  });

  it("a new row: says to save it, reads nothing", async () => {
    const { xrm, form, calls } = setUp(null);
    await openRecord(xrm, form, undefined);
    expect(xrm.alerts[0]?.text).toBe("Save this row to open it in finance and operations.");
    expect(calls).toEqual([]);
  });

  it("a table that is not enabled, a table the user may not read", async () => {
    const a = setUp();
    await openRecord(a.xrm, a.form, {
      recordLink: "matchRow",
      recordTable: "mserp_vendvendorv2entity",
      recordMatch: "mserp_vendoraccountnumber=accountnumber",
    });
    expect(a.xrm.alerts[0]?.text).toContain("The virtual table mserp_vendvendorv2entity isn't available");
    const b = setUp();
    b.search.mockImplementation(async () => Promise.reject(xrmError(TABLE_FORBIDDEN)));
    await openRecord(b.xrm, b.form, '{"recordLink":"matchRow"}');
    expect(b.xrm.alerts[0]?.text).toContain(`You don't have permission to read ${CUSTOMERS_V3.table}.`);
    expect(b.xrm.openedUrls).toEqual([]);
  });

  it("maker mistakes: one alert naming the setting, nothing sent", async () => {
    const { xrm, form, calls } = setUp();
    await openRecord(xrm, form, { recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "nope" });
    expect(xrm.alerts).toEqual([
      {
        title: "Finance and operations",
        text: 'The record link setting recordMatch isn\'t valid: "nope". Example: mserp_customeraccount=accountnumber',
      },
    ]);
    await openRecord(xrm, form, "{not json");
    expect(xrm.alerts[1]?.text).toContain("the options are not a valid JSON object");
    expect(calls).toEqual([]);
  });

  it("not linked: the link check's words, and the record's reads are not sent", async () => {
    const { xrm, form, calls } = setUp();
    xrm.answer = ANSWERS.notLinked;
    await openRecord(xrm, form, undefined);
    expect(xrm.alerts[0]?.text).toContain("isn't linked to finance and operations");
    expect(calls).toEqual([]);
  });

  it("offline (the mobile app): says so and sends nothing, neither the link check nor the record's reads", async () => {
    const { xrm, form, calls } = setUp();
    xrm.offline = true;
    await openRecord(xrm, form, undefined);
    expect(xrm.alerts[0]?.text).toMatch(/^You're offline\./);
    expect(xrm.requests).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("never throws: no Xrm, no form, a host without retrieveMultipleRecords", async () => {
    await expect(openRecordInFinOps()).resolves.toBeUndefined();
    await expect(openRecord(undefined, undefined, undefined)).resolves.toBeUndefined();
    const { xrm, form } = setUp();
    delete (xrm.WebApi as { retrieveMultipleRecords?: unknown }).retrieveMultipleRecords;
    await openRecord(xrm, form, undefined);
    expect(xrm.alerts[0]?.text).toMatch(/^Couldn't look up this record in finance and operations\./);
  });
});

describe("onLoad record option", () => {
  async function load(options: object, account: AccountRow = ACCOUNTS.contoso) {
    const set = setUp(account);
    await showLinkOnForm(executionContextOf(set.form), options, set.xrm);
    await globalNotificationsSettled(STATUS_ID);
    return { ...set, notes: [...set.xrm.globalNotifications.values()] };
  }

  it("the global notification's Open action opens the record", async () => {
    const { notes, xrm } = await load({ global: true, recordLink: "matchRow" });
    expect(notes).toHaveLength(1);
    expect(notes[0].action?.actionLabel).toBe("Open Contoso Ltd in finance and operations");
    notes[0].action?.eventHandler?.();
    expect(xrm.openedUrls).toEqual([hrefOf(CUSTOMER_ROWS[0])]);
  });

  it("no record found: Open opens the environment and the message says why", async () => {
    const { notes, xrm } = await load({ global: true, recordLink: "matchRow" }, ACCOUNTS.unsynced);
    expect(notes[0].action?.actionLabel).toBe("Open");
    expect(notes[0].message).toContain("No finance and operations record matches this row.");
    notes[0].action?.eventHandler?.();
    expect(xrm.openedUrls).toEqual([FO_URL]);
  });

  it("a hanging search never delays the environment's notification; after the timeout it says why", async () => {
    jest.useFakeTimers();
    try {
      const set = setUp();
      set.search.mockImplementation(() => new Promise(() => undefined));
      const done = showLinkOnForm(executionContextOf(set.form), { global: true, recordLink: "matchRow" }, set.xrm);
      await jest.advanceTimersByTimeAsync(50);
      await globalNotificationsSettled(STATUS_ID);
      expect([...set.xrm.globalNotifications.values()].map((n) => n.action?.actionLabel)).toEqual(["Open"]);
      await jest.advanceTimersByTimeAsync(30_000);
      await done;
      await globalNotificationsSettled(STATUS_ID);
      const notes = [...set.xrm.globalNotifications.values()];
      expect(notes).toHaveLength(1);
      expect(notes[0].message).toContain("The request took longer than 30 seconds.");
    } finally {
      jest.useRealTimers();
    }
  });

  it("a new row, then its first save: the record is looked up for the saved row, no reload (issue 23, kind 2)", async () => {
    const set = setUp();
    let saved = false;
    const postSave: Array<(context: unknown) => void> = [];
    set.form.data.entity = {
      getEntityName: () => "account",
      getId: () => (saved ? `{${ACCOUNTS.contoso.accountid.toUpperCase()}}` : ""),
      getPrimaryAttributeValue: () => (saved ? "Contoso Pharmaceuticals" : null),
      addOnPostSave: (handler: (context: unknown) => void) => void postSave.push(handler),
    } as typeof set.form.data.entity;
    const host = globalThis as { Xrm?: unknown };
    host.Xrm = set.xrm;
    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      await globalNotificationsSettled(STATUS_ID);
    };
    try {
      const context = executionContextOf(set.form);
      onLoad(context, { global: true, recordLink: "matchRow" });
      onLoad(context, { global: true, recordLink: "matchRow" }); // a second onLoad on the same form: watched once
      await settle();
      expect([...set.xrm.globalNotifications.values()][0].message).toContain(
        "Save this row to open it in finance and operations.",
      );
      expect(postSave).toHaveLength(1);
      postSave[0]({}); // a save that changed nothing asks nothing
      await settle();
      expect(set.calls).toEqual([]);
      saved = true;
      postSave[0]({});
      await settle();
      const notes = [...set.xrm.globalNotifications.values()];
      expect(notes).toHaveLength(1);
      expect(notes[0].action?.actionLabel).toBe("Open Contoso Pharmaceuticals in finance and operations");
      notes[0].action?.eventHandler?.();
      expect(set.xrm.openedUrls).toEqual([hrefOf(CUSTOMER_ROWS[0])]);
    } finally {
      delete host.Xrm;
    }
  });

  it("without the global notification nothing is looked up", async () => {
    const { calls } = await load({ recordLink: "matchRow" });
    expect(calls).toEqual([]);
  });

  it("a maker's mistake joins the one options warning", async () => {
    const { form, calls } = await load({ global: true, recordLink: "matchRow", recordCompany: "=CONTOSO" });
    expect(form.notifications.get(OPTIONS_ID)?.message).toContain(
      '"recordCompany" must be "msdyn_company.cdm_companycode"',
    );
    expect(calls).toEqual([]);
  });
});
