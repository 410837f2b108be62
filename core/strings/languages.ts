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

/** A catalog group as `npm run strings` and the tests read it: every language's words and the translator notes. */
export interface CatalogGroup<K extends string> {
  readonly strings: Catalog<K>;
  readonly notes: TranslatorNotes<K>;
}

/** One key's words written together: the translator note and the text in every shipped language. */
export type KeyedWords = { readonly note: string } & Readonly<Record<LanguageTag, string>>;

/**
 * A group written key by key (each key's note and languages side by side) as a CatalogGroup, keys in the order
 * written (the RESX order). For words no bundle carries: a group whose English is a bundle's fallback keeps that
 * English in an object of its own instead (words.ts, webresources/strings/form.strings.ts).
 */
export function catalogByKey<K extends string>(entries: Readonly<Record<K, KeyedWords>>): CatalogGroup<K> {
  const keys = Object.keys(entries) as K[];
  const column = (pick: (words: KeyedWords) => string) =>
    Object.fromEntries(keys.map((key) => [key, pick(entries[key])])) as Record<K, string>;
  return {
    notes: column((words) => words.note),
    strings: Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, column((words) => words[tag])])) as Catalog<K>,
  };
}
