/** Replaces `{n}` placeholders; unknown placeholders stay as written so a bad translation is visible, not fatal. */
export function fillPlaceholders(text: string, args: ReadonlyArray<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
