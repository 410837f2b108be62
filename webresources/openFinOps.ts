import { getIntegrationDetails, safeHttpsUrl } from "../core";
import { plainWords } from "./messages";
import { pageXrm, toWebApiLike, type XrmPort } from "./ports";
import { formTranslator } from "./texts";

/**
 * Command bar button action: opens the linked finance and operations environment in a new window, or says in an
 * alert dialog why it cannot. `primaryControl` is the conventional first parameter; the link is per organization,
 * so the form itself is not needed. Never rejects.
 */
export function openFinOps(primaryControl?: unknown): Promise<void> {
  void primaryControl;
  return openLinkedEnvironment(pageXrm());
}

export async function openLinkedEnvironment(xrm: XrmPort | undefined): Promise<void> {
  try {
    const globalContext = xrm?.Utility?.getGlobalContext();
    const navigation = xrm?.Navigation;
    if (!globalContext || !navigation) return;
    const t = formTranslator(xrm.Utility);
    const result = await getIntegrationDetails({
      orgUrl: globalContext.getClientUrl(),
      userId: globalContext.userSettings.userId,
      ...(xrm.WebApi ? { webApi: toWebApiLike(xrm.WebApi) } : {}),
    });
    const url = result.kind === "linked" ? safeHttpsUrl(result.details.url) : undefined;
    if (url) {
      navigation.openUrl(url);
      return;
    }
    const text = result.kind === "linked" ? t("Form_UnsafeUrl") : plainWords(result, t);
    await navigation.openAlertDialog({ title: t("Form_DialogTitle"), text });
  } catch (error) {
    console.warn("FinOps Link: could not open finance and operations", error);
  }
}
