/** One XML dialect for the packer: fast-xml-parser with settings that round-trip Dataverse solution files. */
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/** A parsed element: child elements by name, attributes as "@_name", text as "#text". */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[];

const shared = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Versions like "1.0.0.0" and codes like "0x8004" stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
} as const;

// Repeated elements are read through children(), which also accepts a single one.
const parser = new XMLParser(shared);
const builder = new XMLBuilder({
  ...shared,
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  // xsi:nil="true" must keep its value; the default would print a bare attribute.
  suppressBooleanAttributes: false,
});

export class XmlError extends Error {}

/** Throws XmlError naming the file when the text is not well-formed. */
export function assertWellFormed(text: string, what: string): void {
  const result = XMLValidator.validate(text);
  if (result !== true) {
    const { code, msg, line, col } = result.err;
    throw new XmlError(`${what} is not well-formed XML (${code} at line ${line}, column ${col}): ${msg}`);
  }
}

export function parseXml(text: string, what: string): XmlNode {
  assertWellFormed(text, what);
  return parser.parse(text) as XmlNode;
}

const declaration: XmlNode = { "?xml": { "@_version": "1.0", "@_encoding": "utf-8" } };

/** Serializes a document (one root element) with the utf-8 declaration, and proves the result well-formed. */
export function buildXml(root: XmlNode, what: string): string {
  const { "?xml": _ignored, ...body } = root;
  const text = builder.build({ ...declaration, ...body }) as string;
  assertWellFormed(text, what);
  return text;
}

/** The named child element, which must be a single element. */
export function child(node: XmlNode, name: string, what: string): XmlNode {
  const value = node[name];
  if (value === "") return {};
  if (value === undefined || typeof value === "string" || Array.isArray(value)) {
    throw new XmlError(`${what}: expected one <${name}> element`);
  }
  return value;
}

/** The text of a child element ("" when it is empty). */
export function text(node: XmlNode, name: string, what: string): string {
  const value = node[name];
  if (typeof value === "string") return value;
  if (value && !Array.isArray(value) && typeof value["#text"] === "string") return value["#text"];
  if (value && !Array.isArray(value)) return "";
  throw new XmlError(`${what}: expected a <${name}> element with text`);
}

/** A repeated child element as an array (empty when absent). */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? { "#text": item } : item));
  return typeof value === "string" ? [{ "#text": value }] : [value];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}
