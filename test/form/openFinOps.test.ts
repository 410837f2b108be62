import { openFinOps, openLinkedEnvironment } from "../../webresources/openFinOps";
import { ANSWERS, fakeXrm, flush } from "./fakes";
import { FO_URL, mobileOfflineError } from "../fixtures/dataverse";

beforeEach(() => sessionStorage.clear());

describe("openFinOps (command bar button)", () => {
  it("opens the linked environment with Xrm.Navigation.openUrl", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await openLinkedEnvironment(xrm);
    expect(xrm.openedUrls).toEqual([FO_URL]);
    expect(xrm.alerts).toEqual([]);
  });

  it("opens the deep link from its options (JSON text, as the command designer passes a string parameter)", async () => {
    const host = globalThis as { Xrm?: unknown };
    const xrm = fakeXrm(ANSWERS.linked);
    host.Xrm = xrm;
    try {
      await openFinOps({}, '{"legalEntity":"USMF","menuItem":"CustTableListPage"}');
    } finally {
      delete host.Xrm;
    }
    expect(xrm.openedUrls).toEqual([`${FO_URL}/?cmp=USMF&mi=CustTableListPage`]);
    expect(xrm.alerts).toEqual([]);
  });

  it("a deep link past 2,048 characters opens the environment and says why", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await openLinkedEnvironment(xrm, { menuItem: "M".repeat(2100) });
    expect(xrm.openedUrls).toEqual([FO_URL]);
    expect(xrm.alerts).toEqual([
      {
        title: "Finance and operations",
        text: "The link to the chosen company or page was too long, so it opens the environment's start page.",
      },
    ]);
  });

  it("explains in an alert dialog when not linked", async () => {
    const xrm = fakeXrm(ANSWERS.notLinked);
    await openLinkedEnvironment(xrm);
    expect(xrm.openedUrls).toEqual([]);
    expect(xrm.alerts).toEqual([
      { title: "Finance and operations", text: expect.stringContaining("isn't linked to finance and operations") },
    ]);
  });

  it("never opens a non-https address; the dialog says why", async () => {
    const xrm = fakeXrm(ANSWERS.invalid); // Url: http://…
    await openLinkedEnvironment(xrm);
    expect(xrm.openedUrls).toEqual([]);
    expect(xrm.alerts[0]?.text).toContain("Url");
  });

  it.each(["unauthorized", "forbidden", "offline", "failed"] as const)("%s: explains, opens nothing", async (kind) => {
    const xrm = fakeXrm(ANSWERS[kind]);
    await openLinkedEnvironment(xrm);
    expect(xrm.openedUrls).toEqual([]);
    expect(xrm.alerts).toHaveLength(1);
    expect(xrm.alerts[0].text).not.toMatch(/undefined|\[object/);
  });

  it("speaks the user's language", async () => {
    const xrm = fakeXrm(ANSWERS.notLinked, 3082);
    await openLinkedEnvironment(xrm);
    expect(xrm.alerts[0]).toEqual({ title: "Finanzas y Operaciones", text: expect.any(String) });
  });

  it("shares the cached answer with onLoad: no second request", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await openLinkedEnvironment(xrm);
    await openLinkedEnvironment(xrm);
    expect(xrm.requests).toHaveLength(1);
    expect(xrm.openedUrls).toHaveLength(2);
  });

  it("reads the global Xrm and never rejects, even without Xrm, Navigation or a working dialog", async () => {
    const host = globalThis as { Xrm?: unknown };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await expect(openFinOps({})).resolves.toBeUndefined();

      const xrm = fakeXrm(ANSWERS.linked);
      host.Xrm = xrm;
      await openFinOps({ data: {} });
      expect(xrm.openedUrls).toEqual([FO_URL]);

      const noNavigation = fakeXrm(ANSWERS.linked);
      delete noNavigation.Navigation;
      host.Xrm = noNavigation;
      await expect(openFinOps()).resolves.toBeUndefined();
      expect(noNavigation.requests).toHaveLength(0);

      const brokenDialog = fakeXrm(ANSWERS.notLinked);
      brokenDialog.Navigation = {
        openUrl: () => undefined,
        openAlertDialog: () => Promise.reject(new Error("no dialogs here")),
      };
      host.Xrm = brokenDialog;
      await expect(openFinOps()).resolves.toBeUndefined();
      await flush();
      expect(warn).toHaveBeenCalled();
    } finally {
      delete host.Xrm;
      warn.mockRestore();
    }
  });
});

describe("openFinOps offline", () => {
  it("asks client.isOffline() first: no request, the dialog says offline and names the last known link", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await openLinkedEnvironment(xrm); // this tab sees the link
    xrm.offline = true;
    await openLinkedEnvironment(xrm);
    expect(xrm.requests).toHaveLength(1);
    expect(xrm.openedUrls).toEqual([FO_URL]); // the first click only
    expect(xrm.alerts).toEqual([
      { title: "Finance and operations", text: `You're offline. Last known link: ${new URL(FO_URL).host}` },
    ]);
  });

  it("the mobile app's UciError says offline, not 'couldn't check'", async () => {
    const xrm = fakeXrm({ error: mobileOfflineError() as unknown as Record<string, unknown> });
    await openLinkedEnvironment(xrm);
    expect(xrm.openedUrls).toEqual([]);
    expect(xrm.alerts[0]?.text).toBe("You're offline. The link is checked again when you're back online.");
  });
});
