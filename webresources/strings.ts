// The groups are imported one by one: core/strings/index.ts would also bring the control's strings into this script.
import { LANGUAGES } from "../core/strings/languages";
import { formStrings, type FormStringKey } from "../core/strings/form";
import { resultStrings } from "../core/strings/results";
import { fillPlaceholders, type ResultTranslator } from "../core";

export interface FormTexts {
  /** A Form_* string with its `{n}` placeholders filled. */
  form(key: FormStringKey, ...args: ReadonlyArray<string>): string;
  /** The Result_* lookup describeResult needs. */
  result: ResultTranslator;
}

/** The form script's strings in the user's language (`userSettings.languageId`); English for any language we do not ship. */
export function textsFor(lcid: number | undefined): FormTexts {
  const tag = (LANGUAGES.find((language) => language.lcid === lcid) ?? LANGUAGES[0]).tag;
  return {
    form: (key, ...args) => fillPlaceholders(formStrings[tag][key] ?? formStrings.en[key], args),
    result: (key) => resultStrings[tag][key] ?? resultStrings.en[key],
  };
}
