import { hostOf } from "./links";
import type { IntegrationResult } from "./result";
import { fillPlaceholders, type Translate } from "./strings/format";
import type { ResultStringKey } from "./strings/words";

/** describeResult needs only the result words of the edge's translator (strings/format.ts). */
type ResultTranslator = Translate<ResultStringKey>;

/**
 * Plain-words title and detail for a result, in the user's language: what both edges show. Codes and server messages
 * are filled into translated templates; no stack trace or raw object ever reaches the text.
 */
export function describeResult(result: IntegrationResult, t: ResultTranslator): { title: string; detail?: string } {
  switch (result.kind) {
    case "linked":
      return { title: t("Result_Linked"), detail: hostOf(result.details.url) };
    case "notLinked":
      return { title: t("Result_NotLinked"), detail: t("Result_NotLinkedHint") };
    case "unauthorized":
      return { title: t("Result_Unauthorized"), detail: withCode(t("Result_UnauthorizedHint"), result.code, t) };
    case "forbidden":
      return { title: t("Result_Forbidden"), detail: withCode(t("Result_ForbiddenHint"), result.code, t) };
    case "offline": {
      const host = result.lastKnown === undefined ? undefined : hostOf(result.lastKnown.url);
      return {
        title: t("Result_Offline"),
        detail: host === undefined ? t("Result_OfflineHint") : fillPlaceholders(t("Result_OfflineLastKnown"), [host]),
      };
    }
    case "invalid":
      return { title: t("Result_Invalid"), detail: fillPlaceholders(t("Result_InvalidDetail"), [result.field]) };
    case "failed":
      return { title: t("Result_Failed"), detail: failedDetail(result, t) };
  }
}

/**
 * The detail for a failure, from what is known: code and message, code alone, status and message, status alone, the
 * server's message alone, or nothing. A code outranks the status (it names the problem; the status only echoes it).
 */
function failedDetail(result: Extract<IntegrationResult, { kind: "failed" }>, t: ResultTranslator): string {
  if (result.noTransport === true) return t("Result_NoTransport");
  if (result.notDataverse === true) return t("Result_NotDataverse");
  if (result.timedOutAfterSeconds !== undefined)
    return fillPlaceholders(t("Result_TimedOut"), [result.timedOutAfterSeconds]);
  const message = distinctMessage(result);
  if (result.code !== undefined)
    return message === undefined
      ? fillPlaceholders(t("Result_ErrorCode"), [result.code])
      : fillPlaceholders(t("Result_FailedDetail"), [result.code, message]);
  if (result.status !== undefined)
    return fillPlaceholders(t(message === undefined ? "Result_FailedStatusOnly" : "Result_FailedStatus"), [
      result.status,
      message ?? "",
    ]);
  return message ?? t("Result_FailedNoDetail");
}

/**
 * The server's message minus what the template already says: "HTTP 502", "502 Bad Gateway" or the code itself would
 * otherwise show twice ("HTTP 502: HTTP 502"). Undefined when nothing new is left.
 */
function distinctMessage({
  message,
  status,
  code,
}: {
  message?: string;
  status?: number;
  code?: string;
}): string | undefined {
  let text = (message ?? "").trim();
  if (status !== undefined)
    text = text.replace(new RegExp(`^(?:HTTP(?:/[\\d.]+)?\\s*)?${status}\\b[\\s:.\\-–]*`, "i"), "");
  if (code !== undefined && text.toLowerCase() === code.toLowerCase()) text = "";
  return text === "" ? undefined : text;
}

function withCode(text: string, code: string | undefined, t: ResultTranslator): string {
  return code === undefined ? text : `${text} ${fillPlaceholders(t("Result_ErrorCode"), [code])}`;
}
