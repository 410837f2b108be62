import { fillPlaceholders, type ResultStringKey } from "../../../core";
import type { ControlStringKey } from "../../../core/strings/control";

/** Every key the control shows; all of them are in the generated resx files. */
export type UiStringKey = ControlStringKey | ResultStringKey;

/** Text in the user's language, with `{0}`, `{1}`… filled from `args`. */
export type Translate = (key: UiStringKey, ...args: ReadonlyArray<string | number>) => string;

/**
 * Wraps the platform's resource lookup (context.resources.getString, backed by the resx files). A key the host
 * cannot resolve comes back as the key itself or empty; the key is then shown rather than an empty box.
 */
export function createTranslator(getString: (key: string) => string): Translate {
  return (key, ...args) => fillPlaceholders(getString(key) || key, args);
}
