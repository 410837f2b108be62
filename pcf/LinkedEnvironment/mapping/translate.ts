import {
  createTranslator as translatorOver,
  type RecordStringKey,
  type ResultStringKey,
  type Translate as CoreTranslate,
} from "../../../core";
import type { ControlStringKey } from "../strings/control.strings";

/** Every key the control shows; all of them are in its committed resx files (strings/). */
export type UiStringKey = ControlStringKey | RecordStringKey | ResultStringKey;

/** core's one translator type, over the control's keys. */
export type Translate = CoreTranslate<UiStringKey>;

/**
 * Wraps the platform's resource lookup (context.resources.getString, backed by the resx files). A key the host
 * cannot resolve comes back as the key itself or empty; the key is then shown rather than an empty box.
 */
export function createTranslator(getString: (key: string) => string): Translate {
  return translatorOver<UiStringKey>(getString);
}
