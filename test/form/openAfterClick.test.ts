/** Issue 23, kind 2: a command bar button's window, when the answer came after the browser's grace for the click. */
import { openAfterClick, POPUP_GRACE_MS } from "../../webresources/command";
import { formTranslator } from "../../webresources/texts";
import { FORM_ENGLISH } from "../../webresources/strings/form.strings";

const URL = "https://contoso-prod.operations.dynamics.com/";
const t = formTranslator(undefined);
const CLICK = 1_000_000;

function navigation(confirmed: boolean | undefined, withConfirm = true) {
  const calls: string[] = [];
  return {
    calls,
    openUrl: jest.fn((url: string) => void calls.push(`open ${url}`)),
    openAlertDialog: jest.fn(async (strings: { text: string; confirmButtonLabel?: string }) => {
      calls.push(`alert ${strings.text} [${strings.confirmButtonLabel}]`);
    }),
    ...(withConfirm
      ? {
          openConfirmDialog: jest.fn(async (strings: { text: string; confirmButtonLabel?: string }) => {
            calls.push(`confirm ${strings.text} [${strings.confirmButtonLabel}]`);
            return confirmed === undefined ? undefined : { confirmed };
          }),
        }
      : {}),
  };
}

test("an answer within the grace (a cached one): opens at once, no dialog", async () => {
  const nav = navigation(true);
  await openAfterClick(nav, t, URL, CLICK, () => CLICK + POPUP_GRACE_MS);
  expect(nav.calls).toEqual([`open ${URL}`]);
});

test("a later answer: a confirm dialog whose Open button (the user's own click) opens it", async () => {
  const nav = navigation(true);
  await openAfterClick(nav, t, URL, CLICK, () => CLICK + POPUP_GRACE_MS + 1);
  expect(nav.calls).toEqual([`confirm ${FORM_ENGLISH.Form_ReadyToOpen} [${FORM_ENGLISH.Form_Open}]`, `open ${URL}`]);
});

test.each([false, undefined])("the dialog cancelled (%s): nothing opens", async (confirmed) => {
  const nav = navigation(confirmed);
  await openAfterClick(nav, t, URL, CLICK, () => CLICK + 6_000);
  expect(nav.openUrl).not.toHaveBeenCalled();
});

test("a host without openConfirmDialog: an alert that says so, and OK opens it", async () => {
  const nav = navigation(undefined, false);
  await openAfterClick(nav, t, URL, CLICK, () => CLICK + 6_000);
  expect(nav.calls).toEqual([`alert ${FORM_ENGLISH.Form_ReadyToOpen} [${FORM_ENGLISH.Form_Open}]`, `open ${URL}`]);
});
