/**
 * Every emulated Dataverse answer, through the shipped control (its PCF context's webAPI.execute, and the same-origin
 * fetch it falls back to) and the shipped form script (Xrm.WebApi.online.execute in its own frame), in real Chromium,
 * from the built unmanaged zip.
 */
import { getString } from "../../scripts/stringSets";
import { HOSTILE } from "../../demo/emulator/scenarios";
import { FORBIDDEN, LINKED, SERVER_ERROR } from "../fixtures/dataverse";
import { CALLERS } from "../../demo/host/webApiExecute";
import { SCENARIO_COOKIE } from "../../demo/server/server";
import { hostState, openForm, slot, useHarness, waitForControlText, waitForHost } from "./support/demo";

jest.setTimeout(60_000);

const harness = useHarness();

const en = (key: Parameters<typeof getString>[1], ...args: string[]) => getString(1033, key, ...args);

/** What the control must show (and the form notification must say) per scenario. */
const CASES: Array<{ scenario: string; control: string[]; level: Xrm.FormNotificationLevel; notification: string[] }> =
  [
    {
      scenario: "notLinked",
      control: [en("Result_NotLinked")],
      level: "WARNING",
      notification: [en("Result_NotLinked")],
    },
    {
      scenario: "forbidden",
      control: [en("Result_Forbidden"), FORBIDDEN.code],
      level: "WARNING",
      notification: [en("Result_Forbidden")],
    },
    // Xrm.WebApi words a body-less 401 as its status line only; the core reads that as the status, as fetch's.
    {
      scenario: "unauthorized",
      control: [en("Result_Unauthorized")],
      level: "WARNING",
      notification: [en("Result_Unauthorized")],
    },
    {
      scenario: "serverError",
      control: [en("Result_Failed"), SERVER_ERROR.code, en("Result_Retry")],
      level: "ERROR",
      notification: [en("Result_Failed"), SERVER_ERROR.code],
    },
    { scenario: "network", control: [en("Result_Offline")], level: "WARNING", notification: [en("Result_Offline")] },
    {
      scenario: "missingFields",
      control: [en("Result_Invalid")],
      level: "ERROR",
      notification: [en("Result_Invalid")],
    },
    {
      scenario: "invalidGuid",
      control: [en("Result_Invalid"), "TenantId"],
      level: "ERROR",
      notification: [en("Result_Invalid"), "TenantId"],
    },
    {
      scenario: "javascriptUrl",
      control: [en("Result_Invalid"), "Url"],
      level: "ERROR",
      notification: [en("Result_Invalid"), "Url"],
    },
    {
      scenario: "htmlUrl",
      control: [en("Result_Invalid"), "Url"],
      level: "ERROR",
      notification: [en("Result_Invalid"), "Url"],
    },
    { scenario: "notJson", control: [en("Result_Invalid")], level: "ERROR", notification: [en("Result_Invalid")] },
  ];

describe("linked", () => {
  it("the control links to F&O and shows both ids; the form script's notification names the URL", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked" });
    await waitForControlText(page, LINKED.Id);
    const link = slot(page).getByRole("link");
    await expect(link.textContent()).resolves.toContain(new URL(LINKED.Url).host);
    expect(new URL((await link.getAttribute("href")) ?? "").origin).toBe(LINKED.Url);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    const text = await slot(page).innerText();
    expect(text).toContain(LINKED.TenantId);
    expect(text).toContain(LINKED.Id);
    expect(text).toContain(en("Result_TenantId"));
    // The form script asks from its own frame and may answer after the control has painted.
    const state = await waitForHost(page, "formNotifications");
    expect(state.controlErrors).toEqual([]);
    expect(state.formScript.state).toBe("returned");
    expect(state.formNotifications).toEqual([
      expect.objectContaining({ level: "INFO", message: expect.stringContaining(LINKED.Url) }),
    ]);
    // The notification bar on the page shows it, as the form does.
    await expect(page.locator("#form-notifications").innerText()).resolves.toContain(LINKED.Url);
  });

  it("slow: the control shows loading and the form script's onLoad returns before Dataverse answers", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "slow", delay: 2000, formOptions: { notify: "always" } });
    // onLoad has returned (openForm waited for it) while the request is still out: the handler never blocks the form.
    const early = await hostState(page);
    expect(early.formScript.state).toBe("returned");
    expect(early.formNotifications).toEqual([]);
    await waitForControlText(page, en("Result_Loading"));
    expect(await slot(page).getByRole("link").count()).toBe(0);
    await waitForControlText(page, LINKED.Id);
    await slot(page).getByRole("link").waitFor();
    expect((await waitForHost(page, "formNotifications")).formNotifications).toHaveLength(1);
  });

  it("the host's offline flag shows offline without asking Dataverse", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", offline: true, script: false });
    await waitForControlText(page, en("Result_Offline"));
    expect(await harness.requests()).toHaveLength(0);
  });

  it("the form script asks the host's offline flag too: offline, neither it nor the control asks Dataverse", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, {
      scenario: "linked",
      offline: true,
      formOptions: { notify: "always" },
    });
    await waitForControlText(page, en("Result_Offline"));
    const state = await waitForHost(page, "formNotifications");
    expect(state.formNotifications).toEqual([
      expect.objectContaining({ level: "WARNING", message: expect.stringContaining(en("Result_Offline")) }),
    ]);
    expect(await harness.requests()).toHaveLength(0);
  });

  it("form script options: URL column, global notification, tab hidden when linked", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, {
      scenario: "linked",
      controls: 0,
      formOptions: { global: true, urlColumn: "fol_finopsurl", hideWhenLinked: ["finops_tab"] },
      props: {},
    });
    await page.waitForFunction(() =>
      document.querySelector("[data-attribute=fol_finopsurl]")?.textContent?.startsWith("https://"),
    );
    expect(await page.locator("[data-attribute=fol_finopsurl]").textContent()).toContain(LINKED.Url);
    await expect(page.locator("[data-tab=finops_tab]").isHidden()).resolves.toBe(true);
    const state = await waitForHost(page, "globalNotifications");
    expect(state.globalNotifications).toEqual([
      expect.objectContaining({ message: expect.stringContaining(LINKED.Url) }),
    ]);
  });

  it("writeUrlToColumn: the control's output reaches the bound column", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "linked", script: false, props: { writeUrlToColumn: "yes" } });
    await page.waitForFunction(() =>
      document.querySelector("[data-attribute=fol_finopsurl]")?.textContent?.startsWith("https://"),
    );
    expect(await page.locator("[data-attribute=fol_finopsurl]").textContent()).toContain(new URL(LINKED.Url).host);
  });
});

describe.each(CASES)("$scenario", ({ scenario, control, level, notification }) => {
  it("the control and the form script both say what happened", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario, formOptions: { notify: "always" } });
    await waitForControlText(page, control[0]);
    const text = await slot(page).innerText();
    for (const words of control) expect(text).toContain(words);
    expect(text).not.toContain(en("Result_Loading"));
    const state = await waitForHost(page, "formNotifications");
    expect(state.formScript.state).toBe("returned");
    expect(state.controlErrors).toEqual([]);
    expect(state.formNotifications).toHaveLength(1);
    expect(state.formNotifications[0].level).toBe(level);
    for (const words of notification) expect(state.formNotifications[0].message).toContain(words);
    expect(state.formNotifications[0].message).not.toContain(LINKED.TenantId);
    // Whatever went wrong, nothing on the page links anywhere but https.
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    // The model-driven path: the control through its context's execute, the form script through Xrm; no raw fetch.
    // (One request when the answer is shared through the tab's cache, more when errors are not shared or Chromium
    // retries a dropped connection.)
    const callers = (await harness.requests()).map((r) => r.caller);
    expect(callers.length).toBeGreaterThan(0);
    for (const caller of callers) expect([CALLERS.formScript, CALLERS.controlExecute]).toContain(caller);
  });

  it("the control says the same where its host has no execute (same-origin fetch)", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario, script: false, webapi: "noExecute" });
    await waitForControlText(page, control[0]);
    const text = await slot(page).innerText();
    for (const words of control) expect(text).toContain(words);
    expect([...new Set((await harness.requests()).map((r) => r.caller))]).toEqual([CALLERS.controlFetch]);
  });
});

describe("hostile URLs", () => {
  it.each(["javascriptUrl", "htmlUrl"] as const)("%s never becomes a link, markup or script", async (scenario) => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, {
      scenario,
      controls: 3,
      formOptions: { notify: "always", urlColumn: "fol_finopsurl" },
    });
    for (const n of [1, 2, 3]) await waitForControlText(page, en("Result_Invalid"), n);
    // The form script has had its answer too, so its URL column is checked after it could have written.
    await waitForHost(page, "formNotifications");
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      javascriptLinks: [...document.querySelectorAll("[href],[src]")].filter((e) =>
        /^\s*javascript:/i.test(e.getAttribute("href") ?? e.getAttribute("src") ?? ""),
      ).length,
      injectedImages: document.querySelectorAll("main img").length,
      column: document.querySelector("[data-attribute=fol_finopsurl]")?.textContent,
    }));
    expect(found).toEqual({ pwned: undefined, javascriptLinks: 0, injectedImages: 0, column: "---" });
    // The hostile value is not even echoed as text.
    expect(await page.locator("main").innerText()).not.toContain(HOSTILE[scenario].slice(0, 20));
  });
});

/** Polls `read` (every 50 ms, at most 5 s) until it gives `expected`; the last value read either way. */
async function waitFor<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let value = await read();
  for (let tries = 0; value !== expected && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe("a Dataverse that never answers (Chromium's clock faked)", () => {
  const timedOut = en("Result_TimedOut", "30");

  it("the control gives up after 30 s, says so, and Retry asks again", async () => {
    await harness.resetRequests();
    const { page } = await harness.newPage({ ownContext: true });
    await page.clock.install();
    await openForm(page, harness.server.url, { scenario: "slow", delay: 60_000, controls: 1, script: false });
    await waitForControlText(page, en("Result_Loading"));
    // The installed clock also runs on by itself, as slowly as a loaded machine loads the page: 10 s of slack.
    await page.clock.fastForward(20_000);
    expect(await slot(page).innerText()).not.toContain(timedOut);
    await page.clock.fastForward(10_000);
    await waitForControlText(page, timedOut);
    expect(await slot(page).innerText()).toContain(en("Result_Failed"));
    await slot(page)
      .getByRole("button", { name: en("Result_Retry") })
      .click();
    await waitForControlText(page, en("Result_Loading"));
    // The Retry request leaves the page as the loading view paints; it reaches the emulator a moment later.
    await expect(waitFor(async () => (await harness.requests()).length, 2)).resolves.toBe(2);
  });

  it("the form script gives up after 30 s and its notification says so", async () => {
    const { page } = await harness.newPage({ ownContext: true });
    await page.clock.install();
    await openForm(page, harness.server.url, {
      scenario: "slow",
      delay: 60_000,
      controls: 0,
      formOptions: { notify: "always" },
    });
    expect((await hostState(page)).formNotifications).toEqual([]);
    await page.clock.fastForward(30_000);
    const [notice] = (await waitForHost(page, "formNotifications")).formNotifications;
    expect(notice.level).toBe("ERROR");
    expect(notice.message).toContain(timedOut);
  });
});

describe("Not linked is not forever", () => {
  it("Retry asks Dataverse again past the cache: once an admin has linked the environment, the link shows at once", async () => {
    const { page, context } = await harness.newPage();
    await openForm(page, harness.server.url, { scenario: "notLinked", script: false });
    await waitForControlText(page, en("Result_NotLinked"));
    await harness.resetRequests();
    // The admin links the environment: the emulator now answers "linked" to this page.
    await context.addCookies([{ name: SCENARIO_COOKIE, value: "linked", url: harness.server.url }]);
    await slot(page)
      .getByRole("button", { name: en("Result_Retry") })
      .click();
    await waitForControlText(page, LINKED.Id);
    expect(await slot(page).getByRole("link").first().getAttribute("href")).toBe(LINKED.Url);
    expect(await harness.requests()).toHaveLength(1);
  });
});

describe("a request that never answers (scenario hang, the page's clock faked)", () => {
  it("after 10 s the control offers Retry, without waiting for the request timeout", async () => {
    const { page } = await harness.newPage({ ownContext: true });
    // Paused: page time moves only by runFor, however slowly this machine loads the page.
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    await openForm(page, harness.server.url, { scenario: "hang", formOptions: { notify: "always" } });
    await waitForControlText(page, en("Result_Loading"));
    const retry = slot(page).getByRole("button", { name: en("Result_Retry") });
    await page.clock.runFor(9_500);
    expect(await retry.count()).toBe(0);
    await page.clock.runFor(600);
    await retry.waitFor();
    expect(await slot(page).innerText()).toContain(en("Control_StillLoading"));
    expect(await slot(page).innerText()).toContain(en("Result_Loading"));
    const state = await hostState(page);
    expect(state.formScript.state).toBe("returned"); // onLoad returned long ago: the form never waited
    expect(state.controlErrors).toEqual([]);
  });
  // After CORE's request timeout (default 30 s): the control says it timed out and offers Retry, the form script's
  // notification says so, and its command bar button, pressed while the request hung, answers instead of being dead.
  it("after the 30 s timeout the control and the notification say so, and the form script's button answers", async () => {
    const timedOut = en("Result_TimedOut", "30");
    const { page } = await harness.newPage({ ownContext: true });
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    await openForm(page, harness.server.url, { scenario: "hang", formOptions: { notify: "always" } });
    await waitForControlText(page, en("Result_Loading"));
    await page.clock.runFor(10_000);
    // The command bar button, pressed while the request hangs.
    const scriptFrame = page.frame({ url: /\/frame$/ });
    await scriptFrame?.evaluate(() => {
      const library = window as unknown as { FinOpsLink: { Form: { openFinOps(): Promise<void> } } };
      void library.FinOpsLink.Form.openFinOps();
    });
    await page.clock.runFor(31_000);
    await waitForControlText(page, timedOut, 1, 5_000);
    expect(
      await slot(page)
        .getByRole("button", { name: en("Result_Retry") })
        .count(),
    ).toBe(1);
    await page.waitForFunction(
      (words) =>
        (
          window as unknown as { __finopsDemo: { events: Array<{ kind: string; text: string }> } }
        ).__finopsDemo.events.some((e) => e.kind === "Xrm.Navigation.openAlertDialog" && e.text.includes(words)),
      timedOut,
      { timeout: 5_000 },
    );
    const state = await waitForHost(page, "formNotifications");
    expect(state.formNotifications.map((n) => n.message).join(" ")).toContain(timedOut);
  });
});
