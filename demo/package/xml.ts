import { XMLParser } from "fast-xml-parser";

/** One parser setup for every XML file in the zip: attributes kept (prefixed "@_"), lists always arrays where we ask. */
export function parseXml(text: string, alwaysArray: ReadonlyArray<string> = []): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => alwaysArray.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** The object at `path` below `root`, or undefined: XML shapes are input, not a promise. */
export function pick(root: unknown, ...path: string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text content of an element parsed with parseTagValue=false: a string, or `#text` when it also had attributes. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const text = pick(value, "#text");
  return typeof text === "string" ? text : undefined;
}
