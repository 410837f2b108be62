/**
 * One request per tab: three controls and the form script (separate bundles, separate same-origin frames) share one
 * call to Dataverse; a reload within the TTL makes none. Plus keyboard order, clipboard and right-to-left.
 */
import { getString } from "../../scripts/stringSets";
import { LINKED, SERVER_ERROR } from "../fixtures/dataverse";
import type { LoggedRequest } from "../../demo/emulator/requestLog";
import { CALLERS } from "../../demo/host/webApiExecute";
import { hostState, openForm, slot, useHarness, waitForControlText, waitForHost } from "./support/demo";
import type { Page } from "playwright-core";

jest.setTimeout(60_000);

const harness = useHarness();

const HOST = new URL(LINKED.Url).host;

/** Everything on the form has its answer: three controls painted and the form script's notification shown. */
async function settled(page: Page): Promise<void> {
  await waitForControlText(page, LINKED.Id, 1);
  await waitForControlText(page, LINKED.Id, 2);
  await waitForControlText(page, HOST, 3);
  await waitForHost(page, "formNotifications");
  // Late stragglers would show up within this window.
  await page.waitForTimeout(300);
  expect((await hostState(page)).formNotifications).toHaveLength(1);
}

describe("requests per tab", () => {
  it("three controls and the form script make exactly one request; a reload within the TTL makes none", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 3 });
    await settled(page);
    expect(await harness.requests()).toHaveLength(1);
    // Whoever asked, it went through the platform (the control's execute or the form script's Xrm), never raw fetch.
    expect((await harness.requests())[0].caller).not.toBe(CALLERS.controlFetch);

    await harness.resetRequests();
    await page.reload();
    await settled(page);
    expect(await harness.requests()).toHaveLength(0);
    expect((await hostState(page)).formNotifications[0].message).toContain(LINKED.Url);
  });

  it("while the first request is in flight (slow Dataverse), the other bundles wait for it instead of asking again", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "slow", delay: 1200, controls: 3 });
    await settled(page);
    expect(await harness.requests()).toHaveLength(1);
  });

  it("when the form script asks first (its frame), the controls on the page take its answer", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "slow", delay: 800, controls: 3, order: "scriptFirst" });
    await settled(page);
    const requests = await harness.requests();
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0].referer).pathname).toBe("/frame");
    expect(requests[0].caller).toBe(CALLERS.formScript);
    expect(requests[0].path).toMatch(/^\/api\/data\/v9\.[12]\/RetrieveFinanceAndOperationsIntegrationDetails/);
  });

  // The form script's frame finds the control's request in flight and polls for its answer every 100 ms
  // (core/cache/handOff.ts): its notification comes up to one poll after the control paints. The page's clock is
  // paused, so that poll waits for runFor, and a test that reads the notification as soon as the control paints fails.
  it("when the control asks first, the form script shows its answer on its next poll, without asking again", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage({ ownContext: true });
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    // 5 s: on a loaded machine the script frame still loads while the control's request is out.
    await openForm(page, harness.server.url, { scenario: "slow", delay: 5000, controls: 1 });
    await waitForControlText(page, LINKED.Id);
    expect((await hostState(page)).formNotifications).toEqual([]);
    await page.clock.runFor(100);
    const { formNotifications } = await waitForHost(page, "formNotifications");
    expect(formNotifications).toEqual([
      expect.objectContaining({ level: "INFO", message: expect.stringContaining(LINKED.Url) }),
    ]);
    expect((await harness.requests()).map((r) => r.caller)).toEqual([CALLERS.controlExecute]);
  });

  it("a new tab asks again (sessionStorage is per tab)", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 1, script: false });
    await waitForControlText(page, LINKED.Id);
    expect(await harness.requests()).toHaveLength(1);
  });
});

/** The emulator's log once it holds `count` requests (a Retry's request is on its way when the click returns). */
async function requestsWhen(count: number): Promise<LoggedRequest[]> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const requests = await harness.requests();
    if (requests.length >= count) return requests;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return harness.requests();
}

describe("the path that carries the control's request", () => {
  it.each([
    ["execute", CALLERS.controlExecute],
    ["noExecute", CALLERS.controlFetch],
    ["notImplemented", CALLERS.controlFetch],
  ] as const)("webapi=%s: via %s, and Retry goes the same way", async (webapi, caller) => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "serverError", controls: 1, script: false, webapi });
    await waitForControlText(page, SERVER_ERROR.code);
    expect((await harness.requests()).map((r) => r.caller)).toEqual([caller]);
    await slot(page)
      .getByRole("button", { name: getString(1033, "Result_Retry") })
      .click();
    expect((await requestsWhen(2)).map((r) => r.caller)).toEqual([caller, caller]);
    await waitForControlText(page, SERVER_ERROR.code);
    expect((await hostState(page)).controlErrors).toEqual([]);
  });

  it("the picker switches the path", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "serverError", controls: 1, script: false });
    await waitForControlText(page, SERVER_ERROR.code);
    await harness.resetRequests();
    await Promise.all([
      page.waitForURL(/webapi=noExecute/),
      page.selectOption("#picker select[name=webapi]", "noExecute"),
    ]);
    await waitForControlText(page, SERVER_ERROR.code);
    // Errors are not cached, so the reloaded page asks again: now through same-origin fetch.
    expect((await requestsWhen(1)).map((r) => r.caller)).toEqual([CALLERS.controlFetch]);
    expect(await page.locator("#picker select[name=webapi]").inputValue()).toBe("noExecute");
  });
});

describe("the picker", () => {
  it("switching scenario in the same tab shows the new answer, not the cached one; the form-script box turns it off", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 1 });
    await waitForControlText(page, LINKED.Id);
    await Promise.all([
      page.waitForURL(/scenario=notLinked/),
      page.selectOption("#picker select[name=scenario]", "notLinked"),
    ]);
    await waitForControlText(page, getString(1033, "Result_NotLinked"));
    await page.waitForFunction(
      () =>
        (window as unknown as { __finopsDemo: { formScript: { state: string } } }).__finopsDemo.formScript.state ===
        "returned",
    );
    await Promise.all([
      page.waitForURL(/script=0(?!&script=1)/),
      page.uncheck("#picker input[type=checkbox][name=script]"),
    ]);
    await waitForControlText(page, getString(1033, "Result_NotLinked"));
    expect((await hostState(page)).formScript.state).toBe("pending");
    expect(await page.locator("#form-script-frame").count()).toBe(0);
  });
});

describe("keyboard and clipboard", () => {
  /** Where focus lands on each Tab press: the control slot it is in and the element's accessible name. */
  async function tabStops(
    page: Page,
    presses: number,
  ): Promise<Array<{ slot: string | null; role: string; name: string }>> {
    const stops = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press("Tab");
      stops.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          return {
            slot: active?.closest("[data-control-slot]")?.getAttribute("data-control-slot") ?? null,
            role: active?.tagName === "A" ? "link" : (active?.tagName.toLowerCase() ?? ""),
            name: active?.getAttribute("aria-label") ?? active?.textContent ?? "",
          };
        }),
      );
    }
    return stops;
  }

  it("Tab reaches the link, then the copy buttons, in reading order, control by control", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 2, script: false });
    await waitForControlText(page, LINKED.Id, 2);
    // Start from the last field of the settings bar, just before the form.
    await page.focus("#picker input[name=formOptions]");
    const stops = (await tabStops(page, 8)).filter((s) => s.slot !== null);
    const tenant = getString(1033, "Control_CopyLabel", getString(1033, "Result_TenantId"));
    const environment = getString(1033, "Control_CopyLabel", getString(1033, "Result_EnvironmentId"));
    expect(stops.slice(0, 6)).toEqual([
      { slot: "control-1", role: "link", name: expect.stringContaining(HOST) },
      { slot: "control-1", role: "button", name: tenant },
      { slot: "control-1", role: "button", name: environment },
      { slot: "control-2", role: "link", name: expect.stringContaining(HOST) },
      { slot: "control-2", role: "button", name: tenant },
      { slot: "control-2", role: "button", name: environment },
    ]);
  });

  it("the copy buttons put the ids on the clipboard (keyboard and mouse) and say so", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 1, script: false });
    await waitForControlText(page, LINKED.Id);
    const copyTenant = slot(page).getByRole("button", {
      name: getString(1033, "Control_CopyLabel", getString(1033, "Result_TenantId")),
    });
    await copyTenant.focus();
    await page.keyboard.press("Enter");
    await waitForControlText(page, getString(1033, "Control_Copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LINKED.TenantId);

    await slot(page)
      .getByRole("button", { name: getString(1033, "Control_CopyLabel", getString(1033, "Result_EnvironmentId")) })
      .click();
    await page.waitForFunction((id) => navigator.clipboard.readText().then((text) => text === id), LINKED.Id);
  });
});

describe("languages", () => {
  it("Arabic: the page is right-to-left and the control speaks the shipped Arabic resx", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", controls: 1, lang: 1025 });
    await waitForControlText(page, LINKED.Id);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const text = await slot(page).innerText();
    expect(text).toContain(getString(1025, "Result_TenantId"));
    expect(text).toContain(getString(1025, "Result_EnvironmentId"));
    const state = await waitForHost(page, "formNotifications");
    expect(state.formNotifications[0].message).toContain(getString(1025, "Result_TenantId"));
  });
});
