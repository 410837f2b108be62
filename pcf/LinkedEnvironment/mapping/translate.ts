import {
  createTranslator as translatorOver,
  type RecordStringKey,
  type ResultStringKey,
  type Translate as CoreTranslate,
} from "../../../core";
import { RECORD_ENGLISH, RESULT_ENGLISH } from "../../../core/strings/words";
import type { ControlStringKey } from "../strings/control.strings";
import { CONTROL_ENGLISH } from "../strings/control.english";

/** Every key the control shows; all of them are in its committed resx files (strings/). */
export type UiStringKey = ControlStringKey | RecordStringKey | ResultStringKey;

/** core's one translator type, over the control's keys. */
export type Translate = CoreTranslate<UiStringKey>;

/** Built-in English: what a host without the resx (an unshipped language, a player that loads none) shows. */
const ENGLISH: Readonly<Record<UiStringKey, string>> = { ...CONTROL_ENGLISH, ...RECORD_ENGLISH, ...RESULT_ENGLISH };

/**
 * Wraps the platform's resource lookup (context.resources.getString, backed by the resx files). A key the host
 * cannot resolve comes back as "", null, undefined or the key itself (core's createTranslator treats all of them as
 * missing); the built-in English is then shown, as the form script does, never a raw key.
 */
export function createTranslator(getString: (key: string) => string | null | undefined): Translate {
  return translatorOver<UiStringKey>(getString, (key) => ENGLISH[key]);
}
