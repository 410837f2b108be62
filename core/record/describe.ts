import { describeResult } from "../describe";
import type { Translate } from "../strings/format";
import type { RecordStringKey } from "../strings/words";
import type { ResultStringKey } from "../strings/words";
import type { RecordResult } from "./result";
import type { RecordSettings } from "./settings";

type RecordTranslator = Translate<RecordStringKey | ResultStringKey>;

/**
 * Words for every record result but `found`: a title, and a detail when there is more to say. A failed request reads
 * as the link check's failures do (no permission, offline, time-out, the error code), about the record.
 */
export function describeRecord(
  result: Exclude<RecordResult, { kind: "found" }>,
  t: RecordTranslator,
): { title: string; detail?: string } {
  switch (result.kind) {
    case "unsaved":
      return { title: t("Record_Unsaved") };
    case "missingValue":
      return { title: t("Record_MissingValue", result.column) };
    case "noMatch":
      return { title: t("Record_NoMatch") };
    case "manyMatches":
      return { title: t("Record_ManyMatches") };
    case "notEnabled":
      return { title: t("Record_NotEnabled", result.table) };
    case "unavailable": {
      const words = describeResult(result.failure, t);
      if (result.failure.kind === "forbidden")
        return { title: t("Record_Forbidden", result.table), detail: words.detail };
      if (result.failure.kind === "failed") return { title: t("Record_Failed"), detail: words.detail };
      return words;
    }
  }
}

/** The link text for a found record: its name when the form has one. */
export function recordLinkText(name: string | null | undefined, t: RecordTranslator): string {
  const trimmed = typeof name === "string" ? name.trim() : "";
  return trimmed === "" ? t("Record_OpenThis") : t("Record_Open", trimmed);
}

/** The one message for a maker's mistake in the record link settings: which setting, its value, an example. */
export function describeSettingsProblem(
  settings: Extract<RecordSettings, { kind: "invalid" }>,
  t: RecordTranslator,
): string {
  const message = t("Record_BadSetting", settings.property, settings.value, settings.example);
  return settings.property === "recordLink" && settings.value === "thisRow"
    ? `${message} ${t("Record_ThisRowOnly")}`
    : message;
}
