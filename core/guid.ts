const GUID = /^(\{)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\})?$/i;

/** A GUID as lower case without braces (braces and case tolerated; braces must pair), or undefined. */
export function normaliseGuid(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = GUID.exec(value);
  if (match === null || (match[1] === undefined) !== (match[3] === undefined)) return undefined;
  return match[2].toLowerCase();
}
