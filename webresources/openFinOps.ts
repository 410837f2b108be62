import { getIntegrationDetails, resolveDeepLink, safeHttpsUrl } from "../core";
import { plainWords } from "./messages";
import { parseOptions, type FormOptions } from "./options";
import { commandHost } from "./command";
import { pageXrm, type XrmPort } from "./ports";

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
    const host = commandHost(xrm);
    if (!host) return;
    const { t, alert } = host;
    const result = await getIntegrationDetails(host.request);
    const link =
      result.kind === "linked"
        ? resolveDeepLink(result.details.url, { cmp: target.legalEntity, mi: target.menuItem })
        : undefined;
    const url = safeHttpsUrl(link?.href);
    if (url) {
      await host.open(url);
      // The environment opened, not the page asked for: say why, so the button does not look broken.
      if (link?.tooLong) await alert(t("Result_DeepLinkTooLong"));
      return;
    }
    await alert(result.kind === "linked" ? t("Form_UnsafeUrl") : plainWords(result, t));
  } catch (error) {
    console.warn("FinOps Link: could not open finance and operations", error);
  }
}
