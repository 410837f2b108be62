/** The languages FinOps Link ships, by Dataverse language id (LCID). 1033 is the fallback. */
export const LANGUAGES = [
  { lcid: 1033, tag: "en", rtl: false },
  { lcid: 1031, tag: "de", rtl: false },
  { lcid: 1036, tag: "fr", rtl: false },
  { lcid: 3082, tag: "es", rtl: false },
  { lcid: 1040, tag: "it", rtl: false },
  { lcid: 1043, tag: "nl", rtl: false },
  { lcid: 1046, tag: "pt-BR", rtl: false },
  { lcid: 1041, tag: "ja", rtl: false },
  { lcid: 2052, tag: "zh-CN", rtl: false },
  { lcid: 1025, tag: "ar", rtl: true },
] as const;

export type LanguageTag = (typeof LANGUAGES)[number]["tag"];
export type Lcid = (typeof LANGUAGES)[number]["lcid"];
export const FALLBACK_LCID: Lcid = 1033;

/** Whether a shipped language is written right to left (the one place that says so). */
export function isRightToLeft(lcid: number | undefined): boolean {
  return LANGUAGES.some((language) => language.lcid === lcid && language.rtl);
}

/** A catalog group: the English entries define the keys, every other language must give them all. */
export type Catalog<K extends string> = Record<LanguageTag, Record<K, string>>;

/**
 * A note per key for translators, written into the 1033 RESX as <comment>: where the text appears and what each
 * `{n}` stands for.
 */
export type TranslatorNotes<K extends string> = Record<K, string>;
