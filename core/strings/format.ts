/**
 * The one translator type every edge uses: a key in, the text in the user's language out, `{0}`, `{1}`… filled from
 * `args`. The control backs it with context.resources.getString, the form script with Xrm.Utility.getResourceString.
 */
export type Translate<K extends string> = (key: K, ...args: ReadonlyArray<string | number>) => string;

/** Replaces `{n}` placeholders; unknown placeholders stay as written so a bad translation is visible, not fatal. */
export function fillPlaceholders(text: string, args: ReadonlyArray<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A Translate over a host's lookup. A lookup that throws, or gives null, undefined, "", blanks or the key itself (what
 * hosts return for a key or a language they lack: PCF's getString answers a missing key with the key), falls back to
 * `fallback(key)`, else to the key itself, so a missing string is visible rather than an empty box, and never an
 * exception.
 */
export function createTranslator<K extends string>(
  lookup: (key: K) => string | null | undefined,
  fallback?: (key: K) => string | undefined,
): Translate<K> {
  return (key, ...args) => {
    let text: string | null | undefined;
    try {
      text = lookup(key);
    } catch {
      text = undefined;
    }
    const found = typeof text === "string" && text.trim() !== "" && text !== key ? text : undefined;
    return fillPlaceholders(found ?? fallback?.(key) ?? key, args);
  };
}
