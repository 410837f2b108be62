/**
 * The words every edge shares: the result words (results.ts), the language list (languages.ts) and the translator
 * with placeholder filling (format.ts). Words only the control or only the form script shows live with that
 * deliverable (pcf/LinkedEnvironment/strings/, webresources/strings/).
 */
export { LANGUAGES, FALLBACK_LCID, isRightToLeft } from "./languages";
export type { LanguageTag, Lcid, Catalog, TranslatorNotes } from "./languages";
export { resultStrings, resultNotes, RESULT_ENGLISH } from "./results";
export type { ResultStringKey } from "./results";
export { fillPlaceholders, createTranslator } from "./format";
export type { Translate } from "./format";
export { recordStrings, recordNotes, RECORD_ENGLISH } from "./record";
export type { RecordStringKey } from "./record";
