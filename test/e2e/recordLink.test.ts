/**
 * The record link in real Chromium, from the built unmanaged zip: the control on the demo's dual-write account form
 * and virtual-table form, every state with the exact hrefs, the requests it makes, the form script's command bar
 * button and its onLoad option, and axe on every state (light, dark, Arabic).
 */
import type { Page } from "playwright-core";
import { getString } from "../../scripts/stringSets";
import {
  ACCOUNTS,
  CUSTOMER_ROWS,
  CUSTOMERS_V3,
  FO_URL,
  FORBIDDEN_TABLE,
  NOT_ENABLED_TABLE,
  TABLE_FORBIDDEN,
} from "../fixtures/dataverse";
import { ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL } from "../../core";
import { describeViolations, seriousViolations } from "./support/axe";
import {
  alertsShown,
  hostState,
  openForm,
  slot,
  useHarness,
  waitForControlText,
  waitForHost,
  type FormQuery,
} from "./support/demo";

jest.setTimeout(60_000);

const harness = useHarness();

type Key = Parameters<typeof getString>[1];
const en = (key: Key, ...args: string[]) => getString(1033, key, ...args);

const recordHref = (row: (typeof CUSTOMER_ROWS)[number]) =>
  `${FO_URL}/?cmp=${row.mserp_dataareaid}&mi=action:SysEntityNavigation&entityName=${CUSTOMERS_V3.entitySet}&entityGuid=${row.mserp_custcustomerv3entityid}`;

async function open(page: Page, query: FormQuery): Promise<void> {
  await openForm(page, harness.server.url, { controls: 1, ...query });
}

async function hrefOf(page: Page, name: string | RegExp): Promise<string | null> {
  return slot(page).getByRole("link", { name }).getAttribute("href");
}

describe("found", () => {
  it("the account form: recordLink=matchRow alone opens the customer in its company (one link check, three reads)", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await open(page, { record: "found", script: false });
    const text = en("Record_Open", ACCOUNTS.contoso.name);
    await waitForControlText(page, text);
    expect(await hrefOf(page, new RegExp(`^${text}`))).toBe(recordHref(CUSTOMER_ROWS[0]));
    expect(await hrefOf(page, /contoso-prod/)).toBe(FO_URL);
    const requests = (await harness.requests()).map((r) => decodeURIComponent(r.path));
    expect(requests.sort()).toEqual(
      [
        "/api/data/v9.1/RetrieveFinanceAndOperationsIntegrationDetails()",
        `/api/data/v9.2/EntityDefinitions(LogicalName='${CUSTOMERS_V3.table}')`,
        `/api/data/v9.2/accounts(${ACCOUNTS.contoso.accountid})?$select=accountnumber&$expand=msdyn_company($select=cdm_companycode)`,
        `/api/data/v9.2/${CUSTOMERS_V3.entitySet}?$select=${CUSTOMERS_V3.idColumn},mserp_dataareaid&$filter=mserp_customeraccount eq 'US-001' and mserp_dataareaid eq 'usmf'&$top=2`,
      ].sort(),
    );
  });

  it("a reload within the cache time asks nothing", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "found", script: false });
    await waitForControlText(page, en("Record_Open", ACCOUNTS.contoso.name));
    await harness.resetRequests();
    await page.reload();
    await waitForControlText(page, en("Record_Open", ACCOUNTS.contoso.name));
    expect(await harness.requests()).toEqual([]);
  });

  it("three controls on the form share one lookup", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await open(page, { record: "found", controls: 3, script: false });
    for (const n of [1, 2, 3]) await waitForControlText(page, en("Record_Open", ACCOUNTS.contoso.name), n);
    expect((await harness.requests()).filter((r) => r.path.includes(CUSTOMERS_V3.entitySet))).toHaveLength(1);
  });

  it("an account number with an apostrophe, &, # and spaces, in the other company", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "apostrophe", script: false });
    const text = en("Record_Open", ACCOUNTS.obrien.name);
    await waitForControlText(page, text);
    expect(await hrefOf(page, new RegExp(`^${text.replace(/[&']/g, ".")}`))).toBe(recordHref(CUSTOMER_ROWS[2]));
  });

  it("the virtual table's form: thisRow, no search", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await open(page, { record: "virtualTable", script: false });
    const text = en("Record_Open", CUSTOMER_ROWS[1].mserp_name);
    await waitForControlText(page, text);
    expect(await hrefOf(page, new RegExp(`^${text}`))).toBe(recordHref(CUSTOMER_ROWS[1]));
    expect((await harness.requests()).some((r) => r.path.includes("$filter"))).toBe(false);
  });

  it("slow: says it is looking, then the link", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "slow", script: false, delay: 2000 });
    await waitForControlText(page, en("Record_Loading"));
    await waitForControlText(page, en("Record_Open", ACCOUNTS.slow.name));
    expect(await hrefOf(page, /^Open Litware/)).toBe(recordHref(CUSTOMER_ROWS[5]));
  });
});

describe("not found", () => {
  it.each([
    ["noMatch", "Record_NoMatch", "usmf"],
    ["twoMatches", "Record_ManyMatches", "usmf"],
    ["noValue", "Record_MissingValue", "usmf"],
  ] as const)(
    "%s: says which and offers the company-level link; the environment link stays",
    async (record, key, cmp) => {
      const { page } = await harness.newPage();
      await open(page, { record, script: false });
      await waitForControlText(page, en(key, "accountnumber"));
      expect(await hrefOf(page, new RegExp(`^${en("Record_OpenCompany", cmp)}`))).toBe(`${FO_URL}/?cmp=${cmp}`);
      expect(await hrefOf(page, /contoso-prod/)).toBe(FO_URL);
      expect(
        await slot(page)
          .getByRole("link", { name: /^Open .* in finance and operations/ })
          .count(),
      ).toBe(1);
    },
  );

  it("a table that is not enabled: words for the maker naming the table, Microsoft's article", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "notEnabled", script: false });
    await waitForControlText(page, en("Record_NotEnabled", NOT_ENABLED_TABLE.table));
    expect(await hrefOf(page, new RegExp(`^${en("Record_EnableHelp")}`))).toBe(ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL);
  });

  it("a table the user may not read: the link check's words and code, Retry asks again", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "forbidden", script: false });
    await waitForControlText(page, en("Record_Forbidden", FORBIDDEN_TABLE.table));
    expect(await slot(page).innerText()).toContain(TABLE_FORBIDDEN.code);
    await harness.resetRequests();
    await slot(page)
      .getByRole("button", { name: en("Result_Retry") })
      .click();
    await expect(waitFor(async () => (await harness.requests()).length, 2)).resolves.toBeGreaterThanOrEqual(2);
    expect((await harness.requests()).some((r) => r.path.includes("RetrieveFinanceAndOperations"))).toBe(false);
  });

  it("a maker's mistake: one message naming the setting, nothing sent", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await open(page, { record: "badSetting", script: false });
    await waitForControlText(page, 'The record link setting recordCompany isn\'t valid: "=CONTOSO".');
    expect((await harness.requests()).map((r) => r.scenario)).toEqual(["linked"]);
  });

  it("offline: the host's flag, nothing sent, the words of the link check", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    // A linked answer seen earlier in this tab: offline shows it as last known, with the record's words.
    await open(page, { record: "found", script: false });
    await waitForControlText(page, en("Record_Open", ACCOUNTS.contoso.name));
    await page.evaluate(() =>
      sessionStorage.removeItem(Object.keys(sessionStorage).find((k) => k.includes(":record:")) ?? ""),
    );
    await page.goto(page.url().replace("record=found", "record=found&offline=1"));
    await waitForControlText(page, en("Result_Offline"));
    await waitForControlText(page, en("Control_LastKnown"));
    expect(await slot(page).innerText()).toContain(en("Result_Offline"));
  });
});

describe("where Dataverse is not linked", () => {
  it("the control reads nothing for the record: one request per form load, the link check's", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await open(page, { record: "found", scenario: "notLinked", script: false });
    await waitForControlText(page, en("Result_NotLinked"));
    // A lookup sent alongside would reach the emulator within this window.
    await page.waitForTimeout(500);
    expect((await harness.requests()).map((r) => decodeURIComponent(r.path))).toEqual([
      "/api/data/v9.1/RetrieveFinanceAndOperationsIntegrationDetails()",
    ]);
  });

  it("the command bar button says so and reads nothing for the record", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "found", scenario: "notLinked", controls: 0, formOptions: { notify: "always" } });
    await waitForHost(page, "formNotifications");
    await harness.resetRequests();
    await page.getByRole("button", { name: "Open in finance and operations" }).click();
    const alerts = await alertsShown(page);
    expect(alerts).toEqual([expect.stringContaining(en("Result_NotLinked"))]);
    expect((await harness.requests()).filter((r) => !r.path.includes("RetrieveFinanceAndOperations"))).toEqual([]);
  });
});

describe("the form script", () => {
  it("the command bar button opens the record (FinOpsLink.Form.openRecordInFinOps)", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "found", controls: 0 });
    await page.getByRole("button", { name: "Open in finance and operations" }).click();
    expect((await waitForHost(page, "openedUrls")).openedUrls).toEqual([recordHref(CUSTOMER_ROWS[0])]);
  });

  it("the button on an account without a match: an alert says so, nothing opens", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "twoMatches", controls: 0 });
    await page.getByRole("button", { name: "Open in finance and operations" }).click();
    const alerts = await alertsShown(page);
    expect(alerts).toEqual([en("Record_ManyMatches")]);
    expect((await hostState(page)).openedUrls).toEqual([]);
  });

  it("the onLoad option: the app notification's action opens the record", async () => {
    const { page } = await harness.newPage();
    await open(page, { record: "found", controls: 0, formOptions: { global: true, recordLink: "matchRow" } });
    const action = page.getByRole("button", { name: en("Record_Open", ACCOUNTS.contoso.name) });
    await action.click();
    expect((await waitForHost(page, "openedUrls")).openedUrls).toEqual([recordHref(CUSTOMER_ROWS[0])]);
  });
});

describe("accessibility (axe: wcag2a, wcag2aa)", () => {
  const CASES = ["found", "noMatch", "notEnabled", "forbidden", "badSetting", "virtualTable"] as const;
  const LOOKS = [
    { theme: "light", lang: 1033 },
    { theme: "dark", lang: 1025 },
  ] as const;
  const SHOWS: Record<(typeof CASES)[number], Key> = {
    found: "Record_Open",
    noMatch: "Record_NoMatch",
    notEnabled: "Record_NotEnabled",
    forbidden: "Record_Forbidden",
    badSetting: "Record_BadSetting",
    virtualTable: "Record_Open",
  };
  it.each(CASES.flatMap((record) => LOOKS.map((look) => ({ record, ...look }))))(
    "$record, $theme, $lang",
    async ({ record, theme, lang }) => {
      const { page } = await harness.newPage();
      await open(page, { record, theme, lang, controls: 3, script: false });
      // The words before the first placeholder: enough to know the state is on screen in any language.
      const words = getString(lang, SHOWS[record]).split("{")[0].split("«")[0].split("“")[0].split('"')[0].trim();
      const shown = words === "" ? getString(lang, SHOWS[record]).split("}").pop()!.trim() : words;
      await waitForControlText(page, shown.slice(0, 12));
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
    },
  );
});

describe("a search that never answers (the page's clock faked)", () => {
  it("gives up after 30 s with the link check's time-out words and Retry; the environment link works throughout", async () => {
    const { page } = await harness.newPage({ ownContext: true });
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    await open(page, { record: "hang", script: false });
    await waitForControlText(page, en("Record_Loading"));
    expect(await hrefOf(page, /contoso-prod/)).toBe(FO_URL);
    await page.clock.runFor(31_000);
    await waitForControlText(page, en("Result_TimedOut", "30"), 1, 5_000);
    expect(await slot(page).innerText()).toContain(en("Record_Failed"));
    await slot(page)
      .getByRole("button", { name: en("Result_Retry") })
      .waitFor();
  });
});

async function waitFor<T>(read: () => Promise<T>, atLeast: number): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (typeof value === "number" && value >= atLeast) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return read();
}
