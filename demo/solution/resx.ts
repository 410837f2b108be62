import { asArray, parseXml, pick, textOf } from "./xml";

/** `<data name="Key"><value>Text</value></data>` entries of a .resx file, as key -> text. */
export function parseResx(xml: string): Record<string, string> {
  const doc = parseXml(xml, ["data"]);
  const strings: Record<string, string> = {};
  for (const data of asArray(pick(doc, "root", "data"))) {
    const name = pick(data, "@_name");
    const value = textOf(pick(data, "value")) ?? "";
    if (typeof name === "string") strings[name] = value;
  }
  return strings;
}
