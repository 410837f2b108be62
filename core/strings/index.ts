/**
 * The words every edge shares: core's own words (words.ts: result kinds and the record link), the language list and
 * the catalog helpers (languages.ts) and the translator with placeholder filling (format.ts). Words only the control
 * or only the form script shows live with that deliverable (pcf/LinkedEnvironment/strings/, webresources/strings/).
 */
export { LANGUAGES, FALLBACK_LCID, isRightToLeft, catalogByKey } from "./languages";
export type { LanguageTag, Lcid, Catalog, TranslatorNotes, CatalogGroup, KeyedWords } from "./languages";
export { coreStrings, coreNotes, RESULT_ENGLISH, RECORD_ENGLISH } from "./words";
export type { CoreStringKey, RecordStringKey, ResultStringKey } from "./words";
export { fillPlaceholders, createTranslator } from "./format";
export type { Translate } from "./format";
