import { createTranslator, type ResultStringKey, type Translate } from "../core";
import { RECORD_ENGLISH, RESULT_ENGLISH, type RecordStringKey } from "../core/strings/words";
import { FORM_ENGLISH, type FormStringKey } from "./strings/form.strings";
import type { XrmPort } from "./ports";

/** Every key the form script shows: its own and the shared result words. */
export type FormTextKey = FormStringKey | RecordStringKey | ResultStringKey;

/**
 * The RESX web resources' name without `.<lcid>.resx`: fol_/finopslink/strings/FormScript.1031.resx and the rest are
 * declared as dependencies of fol_/finopslink/form.js, and Xrm.Utility.getResourceString picks the user's language.
 */
export const STRINGS_RESOURCE = "fol_/finopslink/strings/FormScript";

const ENGLISH: Readonly<Record<FormTextKey, string>> = { ...FORM_ENGLISH, ...RECORD_ENGLISH, ...RESULT_ENGLISH };

/**
 * The form script's words in the user's language, from its RESX web resources. The built-in English covers exactly
 * what the platform cannot give: getResourceString missing, throwing "<name> does not exist." (no RESX for the user's
 * or the base language), or returning null for a key. Strings never make the script fail.
 */
export function formTranslator(utility: XrmPort["Utility"] | undefined): Translate<FormTextKey> {
  let unavailable = typeof utility?.getResourceString !== "function";
  return createTranslator<FormTextKey>(
    (key) => {
      if (unavailable) return undefined;
      try {
        return utility?.getResourceString?.(STRINGS_RESOURCE, key);
      } catch {
        unavailable = true; // the resource does not exist for this user: one throw is enough
        return undefined;
      }
    },
    (key) => ENGLISH[key],
  );
}
