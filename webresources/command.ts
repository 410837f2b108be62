import type { GetDetailsOptions } from "../core";
import { linkRequest, type GlobalContextPort, type Thenable, type XrmPort } from "./ports";
import { formTranslator, type FormTextKey } from "./texts";
import type { Translate } from "../core";

/** What a command bar action needs from the page: words, an alert, Navigation, the global context, the link check's request. */
export interface CommandHost {
  t: Translate<FormTextKey>;
  /** An alert dialog titled Form_DialogTitle. */
  alert(text: string): Thenable<unknown>;
  navigation: NonNullable<XrmPort["Navigation"]>;
  globalContext: GlobalContextPort;
  /** With the page's Xrm.WebApi and offline flag (ports.ts linkRequest). */
  request: GetDetailsOptions;
  /** Opens an https URL as the click allows: at once, or from a dialog button of the user's own (openAfterClick). */
  open(url: string): Promise<void>;
}

/**
 * How long after a click a page may still open a window: Safari allows about 1 s, Chromium and Firefox 5 s of
 * "transient user activation" (HTML's user activation model); a later window.open is blocked, usually without a word.
 */
export const POPUP_GRACE_MS = 1000;

/**
 * Opens `url` at once when the answer came within POPUP_GRACE_MS of the click (a cached answer); later, a confirm
 * dialog whose Open button is a fresh click of the user's own opens it (an alert that opens on OK where the host has no
 * confirm dialog), so a blocked window never ends in nothing. Resolves when done.
 */
export async function openAfterClick(
  navigation: NonNullable<XrmPort["Navigation"]>,
  t: Translate<FormTextKey>,
  url: string,
  clickedAt: number,
  now: () => number = Date.now,
): Promise<void> {
  if (now() - clickedAt <= POPUP_GRACE_MS) return navigation.openUrl(url);
  const strings = { title: t("Form_DialogTitle"), text: t("Form_ReadyToOpen"), confirmButtonLabel: t("Form_Open") };
  if (typeof navigation.openConfirmDialog === "function") {
    const answer = await navigation.openConfirmDialog(strings);
    if (answer?.confirmed === true) navigation.openUrl(url);
    return;
  }
  await navigation.openAlertDialog(strings);
  navigation.openUrl(url);
}

/**
 * The command bar actions' host (openFinOps.ts, openRecord.ts): undefined where the page has no global context or no
 * Navigation to answer with (a test page, an old client), so the action quietly does nothing. Call it first, in the
 * click's own task: the click's time is taken then. May throw where the host does: callers call it inside their try.
 */
export function commandHost(xrm: XrmPort | undefined, now: () => number = Date.now): CommandHost | undefined {
  const clickedAt = now();
  const globalContext = xrm?.Utility?.getGlobalContext();
  const navigation = xrm?.Navigation;
  if (!globalContext || !navigation) return undefined;
  const t = formTranslator(xrm.Utility);
  return {
    t,
    alert: (text) => navigation.openAlertDialog({ title: t("Form_DialogTitle"), text }),
    navigation,
    globalContext,
    request: linkRequest(xrm, globalContext),
    open: (url) => openAfterClick(navigation, t, url, clickedAt, now),
  };
}
