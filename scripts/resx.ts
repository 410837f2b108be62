/**
 * The RESX format, both ways, for every RESX in the project: the control's strings, the form script's RESX web
 * resources, and whoever reads them back (the generator's sync check, the demo, the tests). No file access here.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";

// Standard .NET resource headers: Dataverse and translation tools read resx written by Visual Studio, which always
// carries these.
const RESHEADERS: ReadonlyArray<[string, string]> = [
  ["resmimetype", "text/microsoft-resx"],
  ["version", "2.0"],
  [
    "reader",
    "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
  ],
  [
    "writer",
    "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
  ],
];

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  " });

/**
 * A resx document: one <data> per key in the given order, with a <comment> where `notes` has one (translators see it
 * in their tools; only the 1033 file carries notes).
 */
export function buildResx(texts: Readonly<Record<string, string>>, notes?: Readonly<Record<string, string>>): string {
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    root: {
      resheader: RESHEADERS.map(([name, value]) => ({ "@_name": name, value })),
      data: Object.entries(texts).map(([key, value]) => ({
        "@_name": key,
        "@_xml:space": "preserve",
        value,
        ...(notes?.[key] ? { comment: notes[key] } : {}),
      })),
    },
  };
  return builder.build(document) as string;
}

export interface ResxEntry {
  value: string;
  comment?: string;
}

/** Reads a resx document into key -> { value, comment }, in file order. Throws when it is not a resx. */
export function parseResxEntries(xml: string): Map<string, ResxEntry> {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === "data" || name === "resheader",
  }).parse(xml) as {
    root?: { data?: Array<{ "@_name"?: string; value?: string | number; comment?: string | number }> };
  };
  if (!parsed.root) throw new Error("not a resx document: no <root>");
  const entries = new Map<string, ResxEntry>();
  for (const data of parsed.root.data ?? []) {
    if (typeof data["@_name"] !== "string") continue;
    entries.set(data["@_name"], {
      value: String(data.value ?? ""),
      ...(data.comment === undefined ? {} : { comment: String(data.comment) }),
    });
  }
  return entries;
}

/** Reads a resx document into key -> text: what the platform's getString / getResourceString see. */
export function parseResx(xml: string): Map<string, string> {
  return new Map([...parseResxEntries(xml)].map(([key, entry]) => [key, entry.value]));
}
