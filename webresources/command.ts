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
}

/**
 * The command bar actions' host (openFinOps.ts, openRecord.ts): undefined where the page has no global context or no
 * Navigation to answer with (a test page, an old client), so the action quietly does nothing. May throw where the host
 * does: callers call it inside their try.
 */
export function commandHost(xrm: XrmPort | undefined): CommandHost | undefined {
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
  };
}
