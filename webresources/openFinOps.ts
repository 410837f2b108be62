import { getIntegrationDetails, resolveDeepLink, safeHttpsUrl } from "../core";
import { plainWords } from "./messages";
import { parseOptions, type FormOptions } from "./options";
import { offlineFlag, pageXrm, toWebApiLike, type XrmPort } from "./ports";
import { formTranslator } from "./texts";

/**
 * Command bar button action: opens the linked finance and operations environment in a new window, or says in an
 * alert dialog why it cannot. `primaryControl` is the conventional first parameter; the link is per organization,
 * so the form itself is not needed. The optional second parameter takes the onLoad options `legalEntity` and
 * `menuItem` (JSON text or object) for a deep link. Never rejects.
 */
export function openFinOps(primaryControl?: unknown, options?: unknown): Promise<void> {
  void primaryControl;
  return openLinkedEnvironment(pageXrm(), parseOptions(options).options);
}

export async function openLinkedEnvironment(
  xrm: XrmPort | undefined,
  target: Pick<FormOptions, "legalEntity" | "menuItem"> = {},
): Promise<void> {
  try {
    const globalContext = xrm?.Utility?.getGlobalContext();
    const navigation = xrm?.Navigation;
    if (!globalContext || !navigation) return;
    const t = formTranslator(xrm.Utility);
    const result = await getIntegrationDetails({
      orgUrl: globalContext.getClientUrl(),
      userId: globalContext.userSettings.userId,
      ...(xrm.WebApi ? { webApi: toWebApiLike(xrm.WebApi) } : {}),
      isOffline: offlineFlag(globalContext),
    });
    const link =
      result.kind === "linked"
        ? resolveDeepLink(result.details.url, { cmp: target.legalEntity, mi: target.menuItem })
        : undefined;
    const url = safeHttpsUrl(link?.href);
    if (url) {
      navigation.openUrl(url);
      // The environment opened, not the page asked for: say why, so the button does not look broken.
      if (link?.tooLong)
        await navigation.openAlertDialog({
          title: t("Form_DialogTitle"),
          text: t("Result_DeepLinkTooLong"),
        });
      return;
    }
    const text = result.kind === "linked" ? t("Form_UnsafeUrl") : plainWords(result, t);
    await navigation.openAlertDialog({ title: t("Form_DialogTitle"), text });
  } catch (error) {
    console.warn("FinOps Link: could not open finance and operations", error);
  }
}
