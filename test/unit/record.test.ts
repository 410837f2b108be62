/** @jest-environment node */
import {
  buildRecordLink,
  describeRecord,
  describeSettingsProblem,
  findRecord,
  parseRecordSettings,
  recordLinkText,
  thisRowQuery,
  type ActiveRecordSettings,
  type FindRecordOptions,
  type RawRecordSettings,
  type RecordApi,
  type RecordSettingName,
  type RecordResult,
} from "../../core";
import { fillPlaceholders } from "../../core/strings/format";
import { RECORD_ENGLISH } from "../../core/strings/words";
import { RESULT_ENGLISH } from "../../core/strings/words";
import {
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  errorBody,
  FO_URL,
  METADATA_NOT_FOUND,
  ORG,
  TABLE_FORBIDDEN,
  TABLE_NOT_FOUND,
  USER,
  xrmError,
} from "../fixtures/dataverse";
import { FakeClock, FakeStorage } from "./fakes";

const words = { ...RECORD_ENGLISH, ...RESULT_ENGLISH };
const t = (key: keyof typeof words, ...args: Array<string | number>) => fillPlaceholders(words[key], args);

describe("parseRecordSettings", () => {
  test("off, empty or missing: no record link", () => {
    expect(parseRecordSettings({}, "account")).toEqual({ kind: "off" });
    expect(parseRecordSettings({ recordLink: " off " }, "account")).toEqual({ kind: "off" });
    expect(parseRecordSettings({ recordLink: null, recordTable: "mserp_x" }, "account")).toEqual({ kind: "off" });
  });

  test("matchRow alone on an account form is the Customers V3 preset", () => {
    expect(parseRecordSettings({ recordLink: "matchRow" }, "account")).toEqual({
      kind: "matchRow",
      table: "mserp_custcustomerv3entity",
      pairs: [{ virtual: "mserp_customeraccount", column: "accountnumber" }],
      company: { kind: "lookup", lookup: "msdyn_company", column: "cdm_companycode" },
    });
  });

  test("on an account form, blank settings take the preset's: a fixed company alone keeps Customers V3", () => {
    expect(parseRecordSettings({ recordLink: "matchRow", recordCompany: "=USMF" }, "account")).toMatchObject({
      table: "mserp_custcustomerv3entity",
      pairs: [{ virtual: "mserp_customeraccount", column: "accountnumber" }],
      company: { kind: "fixed", code: "USMF" },
    });
  });

  test("matchRow alone on another form names the table to set", () => {
    expect(parseRecordSettings({ recordLink: "matchRow" }, "contact")).toEqual({
      kind: "invalid",
      property: "recordTable",
      value: "",
      example: "mserp_custcustomerv3entity",
    });
  });

  test("several pairs, a column or a fixed company", () => {
    expect(
      parseRecordSettings(
        {
          recordLink: "matchRow",
          recordTable: "mserp_vendvendorv2entity",
          recordMatch: " mserp_vendoraccountnumber = accountnumber ; mserp_name=name; ",
          recordCompany: "=USMF",
        },
        "account",
      ),
    ).toEqual({
      kind: "matchRow",
      table: "mserp_vendvendorv2entity",
      pairs: [
        { virtual: "mserp_vendoraccountnumber", column: "accountnumber" },
        { virtual: "mserp_name", column: "name" },
      ],
      company: { kind: "fixed", code: "USMF" },
    });
    const column = parseRecordSettings(
      { recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a=b", recordCompany: "fol_company" },
      "fol_thing",
    );
    expect(column).toMatchObject({ company: { kind: "column", column: "fol_company" } });
    // A custom lookup's navigation property keeps its schema name's capitals; $expand needs them as they are.
    const custom = parseRecordSettings(
      {
        recordLink: "matchRow",
        recordTable: "mserp_x",
        recordMatch: "mserp_a=b",
        recordCompany: "cr123_Company.cr123_code",
      },
      "fol_thing",
    );
    expect(custom).toMatchObject({ company: { kind: "lookup", lookup: "cr123_Company", column: "cr123_code" } });
    if (custom.kind !== "matchRow" || custom.company === undefined) throw new Error("expected matchRow with a company");
    expect(thisRowQuery(custom.pairs, custom.company)).toBe("?$select=b&$expand=cr123_Company($select=cr123_code)");
    const none = parseRecordSettings({ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a=b" }, "x");
    expect(none).toEqual({ kind: "matchRow", table: "mserp_x", pairs: [{ virtual: "mserp_a", column: "b" }] });
  });

  test.each<[RawRecordSettings, RecordSettingName]>([
    [{ recordLink: "sometimes" }, "recordLink"],
    [{ recordLink: "matchRow", recordTable: "Account" }, "recordTable"],
    [{ recordLink: "matchRow", recordTable: "account" }, "recordTable"], // not a virtual table
    [{ recordLink: "matchRow", recordTable: "mserp_x'); drop" }, "recordTable"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "" }, "recordMatch"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a" }, "recordMatch"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a=b=c" }, "recordMatch"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a eq 'x'" }, "recordMatch"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_dataareaid=x" }, "recordMatch"],
    [{ recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "a=b;c=d;e=f;g=h;i=j;k=l" }, "recordMatch"],
    ...["=US MF", "=CONTOSO", "a.b.c", "=", "cr123_Company.Code", "1lookup.code", "a($select=b).c"].map(
      (recordCompany): [RawRecordSettings, RecordSettingName] => [
        { recordLink: "matchRow", recordTable: "mserp_x", recordMatch: "mserp_a=b", recordCompany },
        "recordCompany",
      ],
    ),
  ])("maker mistake %j is named: %s", (raw, property) => {
    expect(parseRecordSettings(raw, "account")).toMatchObject({ kind: "invalid", property });
  });

  test("thisRow needs a form of a virtual table", () => {
    expect(parseRecordSettings({ recordLink: "thisRow" }, CUSTOMERS_V3.table)).toEqual({ kind: "thisRow" });
    const invalid = parseRecordSettings({ recordLink: "thisRow" }, "account");
    expect(invalid).toMatchObject({ kind: "invalid", property: "recordLink", value: "thisRow" });
    if (invalid.kind !== "invalid") throw new Error("expected invalid");
    expect(describeSettingsProblem(invalid, t)).toBe(
      `The record link setting recordLink isn't valid: "thisRow". Example: matchRow ${RECORD_ENGLISH.Record_ThisRowOnly}`,
    );
  });

  test("a long value is cut in the message", () => {
    const result = parseRecordSettings({ recordLink: "matchRow", recordTable: "x".repeat(500) }, "account");
    expect(result.kind === "invalid" && result.value.length).toBe(80);
  });
});

describe("thisRowQuery", () => {
  test("columns once, the company lookup expanded", () => {
    expect(
      thisRowQuery(
        [
          { virtual: "mserp_a", column: "accountnumber" },
          { virtual: "mserp_b", column: "accountnumber" },
        ],
        { kind: "lookup", lookup: "msdyn_company", column: "cdm_companycode" },
      ),
    ).toBe("?$select=accountnumber&$expand=msdyn_company($select=cdm_companycode)");
    expect(thisRowQuery([{ virtual: "mserp_a", column: "name" }], { kind: "column", column: "fol_co" })).toBe(
      "?$select=name,fol_co",
    );
  });
});

describe("buildRecordLink", () => {
  const target = {
    cmp: "usmf",
    entityName: CUSTOMERS_V3.entitySet,
    entityGuid: `{${CUSTOMER_ROWS[0].mserp_custcustomerv3entityid.toUpperCase()}}`,
  };
  test("Microsoft's System entity navigation link", () => {
    expect(buildRecordLink(FO_URL, target)).toBe(
      `${FO_URL}/?cmp=usmf&mi=action:SysEntityNavigation&entityName=mserp_custcustomerv3entities&entityGuid=${CUSTOMER_ROWS[0].mserp_custcustomerv3entityid}`,
    );
    expect(buildRecordLink(`${FO_URL}/namespaces/AXSF?x=1#y`, target)).toMatch(
      new RegExp(`^${FO_URL}/namespaces/AXSF/\\?cmp=usmf&mi=`),
    );
  });
  test.each([
    ["http url", "http://contoso.example", target],
    ["javascript url", "javascript:alert(1)", target],
    ["cmp with a separator", FO_URL, { ...target, cmp: "us&mi=x" }],
    ["long cmp", FO_URL, { ...target, cmp: "CONTOSO" }],
    ["entity name with a quote", FO_URL, { ...target, entityName: "mserp_x'" }],
    ["id not a GUID", FO_URL, { ...target, entityGuid: "1 or 1" }],
    ["past 2,048 characters", `${FO_URL}/${"a".repeat(1950)}`, target],
  ])("no link: %s", (_name, url, parts) => {
    expect(buildRecordLink(url, parts)).toBeUndefined();
  });
});

/** A fake of the RecordApi with the emulator's data: Customers V3 rows, one account, answers the test can change. */
function fakeApi(overrides: Partial<Record<keyof RecordApi, jest.Mock>> = {}) {
  const api = {
    getEntityMetadata: jest.fn(async (table: string) =>
      table === CUSTOMERS_V3.table
        ? { LogicalName: table, EntitySetName: CUSTOMERS_V3.entitySet }
        : Promise.reject(xrmError(METADATA_NOT_FOUND)),
    ),
    retrieveRecord: jest.fn(async (table: string, _id: string, _options: string): Promise<unknown> =>
      table === "account"
        ? { accountnumber: "US-001", msdyn_company: { cdm_companycode: "usmf" } }
        : { mserp_dataareaid: "demf" },
    ),
    retrieveMultipleRecords: jest.fn(async (_table: string, options: string) => {
      const filter = decodeURIComponent(/\$filter=([^&]*)/.exec(options)?.[1] ?? "");
      const wanted = [...filter.matchAll(/(\w+) eq '((?:[^']|'')*)'/g)].map((m) => [m[1], m[2].replace(/''/g, "'")]);
      const entities = CUSTOMER_ROWS.filter((row) =>
        wanted.every(([column, value]) => (row as unknown as Record<string, string>)[column] === value),
      );
      return { entities };
    }),
    ...overrides,
  };
  return api;
}

const MATCH: ActiveRecordSettings = {
  kind: "matchRow",
  table: CUSTOMERS_V3.table,
  pairs: [{ virtual: CUSTOMERS_V3.accountColumn, column: "accountnumber" }],
  company: { kind: "lookup", lookup: "msdyn_company", column: "cdm_companycode" },
};
const ACCOUNT_ID = "{0A0B0C0D-0001-4000-8000-00000000A001}";

function options(api: RecordApi, more: Partial<FindRecordOptions> = {}): FindRecordOptions {
  return {
    settings: MATCH,
    formTable: "account",
    formId: ACCOUNT_ID,
    api,
    orgUrl: ORG,
    userId: USER,
    storage: null,
    ...more,
  };
}

describe("findRecord: matchRow", () => {
  test("finds the customer in the account's company: three requests, values as literals", async () => {
    const api = fakeApi();
    const result = await findRecord(options(api));
    expect(result).toEqual({
      kind: "found",
      fromCache: false,
      target: {
        cmp: "usmf",
        entityName: CUSTOMERS_V3.entitySet,
        entityGuid: CUSTOMER_ROWS[0].mserp_custcustomerv3entityid,
      },
    });
    expect(api.getEntityMetadata).toHaveBeenCalledWith(CUSTOMERS_V3.table);
    expect(api.retrieveRecord).toHaveBeenCalledWith(
      "account",
      "0a0b0c0d-0001-4000-8000-00000000a001",
      "?$select=accountnumber&$expand=msdyn_company($select=cdm_companycode)",
    );
    expect(api.retrieveMultipleRecords).toHaveBeenCalledWith(
      CUSTOMERS_V3.table,
      "?$select=mserp_custcustomerv3entityid,mserp_dataareaid&$filter=mserp_customeraccount eq 'US-001' and mserp_dataareaid eq 'usmf'&$top=2",
    );
  });

  test("an account number with an apostrophe, &, # and spaces", async () => {
    const api = fakeApi({
      retrieveRecord: jest.fn(async () => ({
        accountnumber: "O'Brien & Sons #7",
        msdyn_company: { cdm_companycode: "demf" },
      })),
    });
    const result = await findRecord(options(api));
    expect(result).toMatchObject({
      kind: "found",
      target: { cmp: "demf", entityGuid: CUSTOMER_ROWS[2].mserp_custcustomerv3entityid },
    });
    expect(api.retrieveMultipleRecords.mock.calls[0][1]).toContain("eq 'O''Brien%20%26%20Sons%20%237' and");
  });

  test.each<[string, unknown, RecordResult]>([
    [
      "no match",
      { accountnumber: "US-404", msdyn_company: { cdm_companycode: "usmf" } },
      { kind: "noMatch", company: "usmf" },
    ],
    [
      "two matches",
      { accountnumber: "US-DUP", msdyn_company: { cdm_companycode: "usmf" } },
      { kind: "manyMatches", company: "usmf" },
    ],
    [
      "an empty number",
      { accountnumber: null, msdyn_company: { cdm_companycode: "usmf" } },
      { kind: "missingValue", column: "accountnumber", company: "usmf" },
    ],
    [
      "a blank number",
      { accountnumber: "  ", msdyn_company: { cdm_companycode: "usmf" } },
      { kind: "missingValue", column: "accountnumber", company: "usmf" },
    ],
    [
      "no company",
      { accountnumber: "US-001", msdyn_company: null },
      { kind: "missingValue", column: "msdyn_company.cdm_companycode" },
    ],
    [
      "a company that is no code",
      { accountnumber: "US-001", msdyn_company: { cdm_companycode: "us mf" } },
      { kind: "missingValue", column: "msdyn_company.cdm_companycode" },
    ],
  ])("%s", async (_name, row, expected) => {
    const api = fakeApi({ retrieveRecord: jest.fn(async () => row) });
    await expect(findRecord(options(api))).resolves.toEqual(expected);
    if (expected.kind === "missingValue") expect(api.retrieveMultipleRecords).not.toHaveBeenCalled();
  });

  test("a new row: nothing is sent", async () => {
    const api = fakeApi();
    await expect(findRecord(options(api, { formId: "" }))).resolves.toEqual({ kind: "unsaved" });
    await expect(findRecord(options(api, { formId: null }))).resolves.toEqual({ kind: "unsaved" });
    expect(api.retrieveRecord).not.toHaveBeenCalled();
    expect(api.getEntityMetadata).not.toHaveBeenCalled();
  });

  test("offline: nothing is sent", async () => {
    const api = fakeApi();
    await expect(findRecord(options(api, { isOffline: () => true }))).resolves.toEqual({
      kind: "unavailable",
      table: CUSTOMERS_V3.table,
      failure: { kind: "offline" },
    });
    expect(api.retrieveRecord).not.toHaveBeenCalled();
  });

  test("a table that is not enabled: no metadata, or metadata without an entity set, or the Web API's 404", async () => {
    const settings = { ...MATCH, table: "mserp_vendvendorv2entity" };
    await expect(findRecord(options(fakeApi(), { settings }))).resolves.toEqual({
      kind: "notEnabled",
      table: "mserp_vendvendorv2entity",
    });
    const noSet = fakeApi({ getEntityMetadata: jest.fn(async () => ({ LogicalName: "x" })) });
    await expect(findRecord(options(noSet))).resolves.toMatchObject({ kind: "notEnabled" });
    const notFound = fakeApi({
      retrieveMultipleRecords: jest.fn(async () => Promise.reject(xrmError(TABLE_NOT_FOUND))),
    });
    await expect(findRecord(options(notFound))).resolves.toMatchObject({
      kind: "notEnabled",
      table: CUSTOMERS_V3.table,
    });
    const words = fakeApi({
      getEntityMetadata: jest.fn(async () => Promise.reject(new Error(METADATA_NOT_FOUND.message))),
    });
    await expect(findRecord(options(words))).resolves.toMatchObject({ kind: "notEnabled" });
    const status = fakeApi({
      retrieveMultipleRecords: jest.fn(async () => Promise.reject({ status: 404, message: "Not Found" })),
    });
    await expect(findRecord(options(status))).resolves.toMatchObject({ kind: "notEnabled" });
    // The metadata cache's miss, by code and by its words alone.
    const cacheMiss = `The entity with a name = '${CUSTOMERS_V3.table}' with namemapping = 'Logical' was not found in the MetadataCache.`;
    for (const rejection of [{ errorCode: 0x80041102, message: cacheMiss }, new Error(cacheMiss)]) {
      const missing = fakeApi({ getEntityMetadata: jest.fn(async () => Promise.reject(rejection)) });
      await expect(findRecord(options(missing))).resolves.toMatchObject({
        kind: "notEnabled",
        table: CUSTOMERS_V3.table,
      });
    }
  });

  test.each([undefined, null, "", "ok", 200])(
    "metadata resolved as %p (a host that cannot read it): a plain failure, never 'not enabled'",
    async (value) => {
      const api = fakeApi({ getEntityMetadata: jest.fn(async () => value) });
      await expect(findRecord(options(api))).resolves.toEqual({
        kind: "unavailable",
        table: CUSTOMERS_V3.table,
        failure: { kind: "failed" },
      });
    },
  );

  test("no permission on the virtual table: forbidden with the code, as the link check words it", async () => {
    const api = fakeApi({ retrieveMultipleRecords: jest.fn(async () => Promise.reject(xrmError(TABLE_FORBIDDEN))) });
    const result = await findRecord(options(api));
    expect(result).toMatchObject({ kind: "unavailable", failure: { kind: "forbidden", code: TABLE_FORBIDDEN.code } });
    if (result.kind === "found") throw new Error("not found");
    expect(describeRecord(result, t)).toEqual({
      title: `You don't have permission to read ${CUSTOMERS_V3.table}.`,
      detail: `${RESULT_ENGLISH.Result_ForbiddenHint} Error code: ${TABLE_FORBIDDEN.code}`,
    });
  });

  test("a failure of this row's own retrieve is never 'not enabled'", async () => {
    const api = fakeApi({
      retrieveRecord: jest.fn(async () =>
        Promise.reject({ errorCode: 0x80040217, message: "account With Id = x Does Not Exist" }),
      ),
    });
    await expect(findRecord(options(api))).resolves.toMatchObject({
      kind: "unavailable",
      failure: { kind: "failed", code: "0x80040217" },
    });
  });

  test("a network failure is offline; a server error is failed with its code", async () => {
    const offline = fakeApi({
      retrieveMultipleRecords: jest.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    });
    await expect(findRecord(options(offline))).resolves.toMatchObject({ failure: { kind: "offline" } });
    const failed = fakeApi({
      retrieveMultipleRecords: jest.fn(async () =>
        Promise.reject({
          errorCode: 0x80040216,
          message: "An unexpected error occurred.",
          raw: JSON.stringify(errorBody({ status: 500, code: "0x80040216", message: "x" })),
        }),
      ),
    });
    await expect(findRecord(options(failed))).resolves.toMatchObject({
      failure: { kind: "failed", code: "0x80040216" },
    });
  });

  test("every request has the timeout: a hanging search ends as a time-out", async () => {
    jest.useFakeTimers();
    try {
      const api = fakeApi({ retrieveMultipleRecords: jest.fn(() => new Promise(() => undefined)) });
      const pending = findRecord(options(api, { timeoutSeconds: 5 }));
      await jest.advanceTimersByTimeAsync(5000);
      await expect(pending).resolves.toEqual({
        kind: "unavailable",
        table: CUSTOMERS_V3.table,
        failure: { kind: "failed", timedOutAfterSeconds: 5 },
      });
    } finally {
      jest.useRealTimers();
    }
  });

  test("Xrm-style thenables, and a host call that throws at once", async () => {
    const thenable = (value: unknown) => ({ then: (ok: (v: unknown) => unknown) => ok(value) });
    const api = fakeApi({
      getEntityMetadata: jest.fn(() => thenable({ EntitySetName: CUSTOMERS_V3.entitySet })),
      retrieveRecord: jest.fn(() => {
        throw new Error("Feature 'WebAPI.retrieveRecord' is required to be specified in the <uses-feature> section");
      }),
    });
    await expect(findRecord(options(api))).resolves.toMatchObject({ kind: "unavailable", failure: { kind: "failed" } });
  });

  test("an unusable match (no GUID, odd company) is a failure, never a link", async () => {
    const api = fakeApi({
      retrieveMultipleRecords: jest.fn(async () => ({
        entities: [{ mserp_custcustomerv3entityid: "x", mserp_dataareaid: "usmf" }],
      })),
    });
    await expect(findRecord(options(api))).resolves.toMatchObject({ kind: "unavailable", failure: { kind: "failed" } });
    const odd = fakeApi({
      retrieveMultipleRecords: jest.fn(async () => ({ entities: [{ ...CUSTOMER_ROWS[0], mserp_dataareaid: "a&b" }] })),
    });
    await expect(findRecord(options(odd))).resolves.toMatchObject({ kind: "unavailable" });
    const body = fakeApi({ retrieveMultipleRecords: jest.fn(async () => "<html>") });
    await expect(findRecord(options(body))).resolves.toMatchObject({ kind: "unavailable" });
  });

  test("a found record is cached per record for the cache time; Retry asks again", async () => {
    const storage = new FakeStorage();
    const clock = new FakeClock();
    const api = fakeApi();
    const more = { storage, now: clock.now, cacheMinutes: 15 };
    await findRecord(options(api, more));
    await expect(findRecord(options(api, more))).resolves.toMatchObject({ kind: "found", fromCache: true });
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
    // Another record is another entry.
    await findRecord(options(api, { ...more, formId: "0a0b0c0d-0001-4000-8000-00000000a009" }));
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(2);
    await findRecord(options(api, { ...more, forceRefresh: true }));
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(3);
    clock.advance(15 * 60_000);
    await expect(findRecord(options(api, more))).resolves.toMatchObject({ kind: "found", fromCache: false });
    // A tampered entry is not a link.
    for (const key of storage.data.keys()) storage.data.set(key, storage.data.get(key)!.replace('"usmf"', '"us&x"'));
    await expect(findRecord(options(api, more))).resolves.toMatchObject({ fromCache: false });
  });

  test("not found answers are not cached: the next load asks again", async () => {
    const storage = new FakeStorage();
    const api = fakeApi({
      retrieveRecord: jest.fn(async () => ({ accountnumber: "US-404", msdyn_company: { cdm_companycode: "usmf" } })),
    });
    await findRecord(options(api, { storage }));
    await findRecord(options(api, { storage }));
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(2);
    expect(storage.data.size).toBe(0);
  });

  test("callers at once share one lookup", async () => {
    const api = fakeApi();
    const [a, b] = await Promise.all([findRecord(options(api)), findRecord(options(api))]);
    expect(a).toEqual(b);
    expect(api.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
  });

  test("never writes: only the three read calls exist on the port", () => {
    expect(Object.keys(fakeApi()).sort()).toEqual(["getEntityMetadata", "retrieveMultipleRecords", "retrieveRecord"]);
  });
});

describe("findRecord: thisRow", () => {
  test("the form's own row: entity set from metadata, company from the row", async () => {
    const api = fakeApi();
    const id = CUSTOMER_ROWS[1].mserp_custcustomerv3entityid;
    const result = await findRecord(
      options(api, { settings: { kind: "thisRow" }, formTable: CUSTOMERS_V3.table, formId: id }),
    );
    expect(result).toEqual({
      kind: "found",
      fromCache: false,
      target: { cmp: "demf", entityName: CUSTOMERS_V3.entitySet, entityGuid: id },
    });
    expect(api.retrieveRecord).toHaveBeenCalledWith(CUSTOMERS_V3.table, id, "?$select=mserp_dataareaid");
    expect(api.retrieveMultipleRecords).not.toHaveBeenCalled();
  });
});

describe("words", () => {
  test("every kind has words", () => {
    expect(recordLinkText("Contoso Ltd", t)).toBe("Open Contoso Ltd in finance and operations");
    expect(recordLinkText("  ", t)).toBe("Open this record in finance and operations");
    expect(describeRecord({ kind: "missingValue", column: "accountnumber" }, t).title).toContain("accountnumber");
    expect(describeRecord({ kind: "notEnabled", table: "mserp_x" }, t).title).toContain("mserp_x");
    expect(
      describeRecord({ kind: "unavailable", table: "x", failure: { kind: "failed", timedOutAfterSeconds: 30 } }, t),
    ).toEqual({
      title: RECORD_ENGLISH.Record_Failed,
      detail: "The request took longer than 30 seconds.",
    });
    expect(describeRecord({ kind: "unavailable", table: "x", failure: { kind: "offline" } }, t).title).toBe(
      RESULT_ENGLISH.Result_Offline,
    );
    for (const kind of ["unsaved", "noMatch", "manyMatches"] as const)
      expect(describeRecord({ kind }, t).title).not.toBe("");
  });
});
