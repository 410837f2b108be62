import { FALLBACK_LCID, LANGUAGES, type LanguageTag } from "./languages";
import { resultStrings, type ResultStringKey } from "./results";
import { controlStrings, type ControlStringKey } from "./control";
import { formStrings, type FormStringKey } from "./form";
import { fillPlaceholders } from "./format";

export { LANGUAGES, FALLBACK_LCID } from "./languages";
export type { LanguageTag, Lcid } from "./languages";
export type { ResultStringKey } from "./results";
export type { ControlStringKey } from "./control";
export type { FormStringKey } from "./form";
export { fillPlaceholders } from "./format";

/** Every user-facing string key, of every group. */
export type StringKey = ResultStringKey | ControlStringKey | FormStringKey;

/** The merged catalog: language tag -> key -> text. The control's resx files are generated from this. */
export const catalog: Record<LanguageTag, Record<StringKey, string>> = Object.fromEntries(
  LANGUAGES.map(({ tag }) => [tag, { ...resultStrings[tag], ...controlStrings[tag], ...formStrings[tag] }]),
) as Record<LanguageTag, Record<StringKey, string>>;

/** The language tag for a Dataverse LCID, falling back to English for any language we do not ship. */
export function languageFor(lcid: number | undefined): (typeof LANGUAGES)[number] {
  return LANGUAGES.find((l) => l.lcid === lcid) ?? LANGUAGES.find((l) => l.lcid === FALLBACK_LCID)!;
}

/** The text for `key` in the language `lcid`, with `{0}`, `{1}`… replaced by `args`. */
export function getString(lcid: number | undefined, key: StringKey, ...args: ReadonlyArray<string | number>): string {
  const text = catalog[languageFor(lcid).tag][key] ?? catalog.en[key] ?? key;
  return fillPlaceholders(text, args);
}
