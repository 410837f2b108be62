/** [Content_Types].xml: the OPC part list every solution zip carries (exports mark every part octet-stream). */
import { buildXml, type XmlNode } from "./xml";

const octetStream = "application/octet-stream";

/** A Default per file extension ("xml" first, as exports write it), an Override per extension-less part. */
export function buildContentTypes(paths: string[]): string {
  const extensions = new Set<string>(["xml"]);
  const overrides: string[] = [];
  for (const path of paths) {
    const fileName = path.split("/").pop() ?? path;
    const dot = fileName.lastIndexOf(".");
    if (dot > 0) extensions.add(fileName.slice(dot + 1).toLowerCase());
    else overrides.push(`/${path}`);
  }
  const defaults = ["xml", ...[...extensions].filter((ext) => ext !== "xml").sort()];
  const types: XmlNode = {
    "@_xmlns": "http://schemas.openxmlformats.org/package/2006/content-types",
    Default: defaults.map((ext) => ({ "@_Extension": ext, "@_ContentType": octetStream })),
  };
  if (overrides.length > 0) {
    types.Override = overrides.sort().map((part) => ({ "@_PartName": part, "@_ContentType": octetStream }));
  }
  return buildXml({ Types: types }, "[Content_Types].xml");
}
