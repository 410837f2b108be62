/**
 * Defence in depth: the core only ever answers "linked" with an https URL, so here the core's answer is faked to prove
 * the form script still refuses to open anything else (openFinOps and the global notification's Open action).
 */
import type { IntegrationResult } from "../../core";
import { openLinkedEnvironment } from "../../webresources/openFinOps";
import { showLinkOnForm } from "../../webresources/onLoad";
import { STATUS_ID, globalNotificationsSettled } from "../../webresources/notifier";
import { executionContextOf, fakeForm, fakeXrm } from "./fakes";
import { ENVIRONMENT_ID, FO_URL, TENANT } from "../fixtures/dataverse";

let answer: IntegrationResult;
jest.mock("../../core", () => ({
  ...jest.requireActual("../../core"),
  getIntegrationDetails: async () => answer,
}));

const linkedTo = (url: string): IntegrationResult => ({
  kind: "linked",
  fromCache: false,
  details: {
    url,
    tenantId: TENANT,
    environmentId: ENVIRONMENT_ID,
    extra: {},
  },
});

describe.each([FO_URL.replace(/^https:/, "http:"), "javascript:alert(1)", "https://user:pw@contoso.example"])(
  "a linked answer with %s",
  (url) => {
    beforeEach(() => (answer = linkedTo(url)));

    it("is not opened by openFinOps; the dialog explains", async () => {
      const xrm = fakeXrm();
      await openLinkedEnvironment(xrm);
      expect(xrm.openedUrls).toEqual([]);
      expect(xrm.alerts).toEqual([
        {
          title: "Finance and operations",
          text: "The linked address is not a secure https:// address, so it was not opened.",
        },
      ]);
    });

    it("is not opened by the global notification's action", async () => {
      const xrm = fakeXrm();
      await showLinkOnForm(executionContextOf(fakeForm()), { global: true }, xrm);
      await globalNotificationsSettled(STATUS_ID);
      const [note] = [...xrm.globalNotifications.values()];
      note.action?.eventHandler?.();
      expect(xrm.openedUrls).toEqual([]);
    });
  },
);

it("an https answer is opened by both", async () => {
  answer = linkedTo(FO_URL);
  const xrm = fakeXrm();
  await openLinkedEnvironment(xrm);
  await showLinkOnForm(executionContextOf(fakeForm()), { global: true }, xrm);
  await globalNotificationsSettled(STATUS_ID);
  [...xrm.globalNotifications.values()][0].action?.eventHandler?.();
  expect(xrm.openedUrls).toHaveLength(2);
  expect(xrm.openedUrls.every((opened) => opened.startsWith(FO_URL))).toBe(true);
});
