import { describeResult, resolveDeepLink, type IntegrationResult, type Translate } from "../core";
import type { FormOptions, NotifyMode } from "./options";
import type { Notice } from "./notifier";
import type { FormTextKey } from "./texts";

/** Kinds that are the user's session or the network, not the link: quiet unless the maker asked for `always`. */
const TRANSIENT_LEVEL: Record<Exclude<IntegrationResult["kind"], "linked" | "notLinked">, Xrm.FormNotificationLevel> = {
  unauthorized: "WARNING",
  forbidden: "WARNING",
  offline: "WARNING",
  invalid: "ERROR",
  failed: "ERROR",
};

/**
 * The status notification for a result under a notify mode; null means "show none". Omitted mode: INFO when linked,
 * WARNING when not linked, nothing for the other kinds. `notLinked` mode: only the WARNING. `always`: every kind.
 * The Open action goes to the deep link (legalEntity / menuItem); when that would be too long, to the environment, and
 * the message says so.
 */
export function statusNotice(
  result: IntegrationResult,
  mode: NotifyMode | undefined,
  t: Translate<FormTextKey>,
  open?: (url: string) => void,
  target: Pick<FormOptions, "legalEntity" | "menuItem"> = {},
): Notice | null {
  if (mode === "never") return null;
  if (result.kind === "linked") {
    if (mode === "notLinked") return null;
    const { url, tenantId } = result.details;
    const link = resolveDeepLink(url, { cmp: target.legalEntity, mi: target.menuItem });
    const href = link.href;
    // Reuses the control's labels in a per-language template (full-width punctuation in ja/zh, isolated URL in ar).
    // Reuses the control's labels in a per-language template (full-width punctuation in ja/zh, isolated URL in ar).
    const notice = t("Form_LinkedNotice", t("Result_Linked"), url, t("Result_TenantId"), tenantId);
    return {
      level: "INFO",
      message: link.tooLong ? `${notice} ${t("Result_DeepLinkTooLong")}` : notice,
      ...(open && href ? { action: { label: t("Form_Open"), run: () => open(href) } } : {}),
    };
  }
  if (result.kind !== "notLinked" && mode !== "always") return null;
  const level = result.kind === "notLinked" ? "WARNING" : TRANSIENT_LEVEL[result.kind];
  return { level, message: plainWords(result, t) };
}

/** describeResult's title and detail as one sentence pair. */
export function plainWords(result: IntegrationResult, t: Translate<FormTextKey>): string {
  const { title, detail } = describeResult(result, t);
  return detail ? `${title} ${detail}` : title;
}
