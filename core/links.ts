// CONTRACT STUB: the core helper replaces this.
/** The URL normalised, when `value` is an absolute https: URL without credentials; otherwise undefined. */
export function safeHttpsUrl(value: unknown): string | undefined {
  void value;
  return undefined;
}
/** `<url>/?cmp=<cmp>&mi=<mi>` (URL-encoded, empty parts left out), or undefined when url is not safe https. */
export function buildDeepLink(url: string, target: { cmp?: string | null; mi?: string | null }): string | undefined {
  void url;
  void target;
  return undefined;
}
/** The host name of a safe https URL (what a link shows), or undefined. */
export function hostOf(url: string): string | undefined {
  void url;
  return undefined;
}
