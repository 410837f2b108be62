import { XMLParser } from "fast-xml-parser";
import { parseRecordSettings, type RawRecordSettings } from "../../core/record";
import { NEXT_STEP, SEVERITY, type Finding } from "../check/findings";

/**
 * The record link a form turns on, read from its XML as the form designer writes it: the control's parameters
 * (`<customControl name="…FinOpsLink.LinkedEnvironment"><parameters><recordLink>matchRow</recordLink>…`) or the
 * form script's onLoad handler's parameters (`<Handler functionName="FinOpsLink.Form.onLoad" parameters="{…}">`),
 * checked by core's parseRecordSettings as the control and the script check them. Pure.
 */

const SETTINGS = ["recordLink", "recordTable", "recordMatch", "recordCompany"] as const;

const valueOf = (node: unknown): string | null => {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (typeof node === "object" && node !== null && "#text" in node)
    return String((node as { "#text": unknown })["#text"]);
  return null;
};

function walk(node: unknown, visit: (key: string, value: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === "object" && item !== null) {
        visit(key, item as Record<string, unknown>);
        walk(item, visit);
      }
  }
}

/**
 * The virtual table a form's record link reads (`matchRow`: its recordTable, the Customers V3 preset on account
 * forms; `thisRow`: the form's own table), or null when no use of FinOps Link on the form turns the record link on.
 */
export function recordLinkTableOf(formXml: string, formTable: string | null): string | null {
  let root: unknown;
  try {
    root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false }).parse(formXml);
  } catch {
    return null;
  }
  const found: RawRecordSettings[] = [];
  walk(root, (key, node) => {
    if (key === "customControl" && String(node["@_name"] ?? "").endsWith("FinOpsLink.LinkedEnvironment")) {
      const parameters = node.parameters;
      if (typeof parameters !== "object" || parameters === null) return;
      const raw: RawRecordSettings = {};
      for (const name of SETTINGS) raw[name] = valueOf((parameters as Record<string, unknown>)[name]);
      found.push(raw);
    }
    if (key === "Handler" && node["@_functionName"] === "FinOpsLink.Form.onLoad") {
      try {
        const options = JSON.parse(String(node["@_parameters"] ?? "")) as Record<string, unknown>;
        const raw: RawRecordSettings = {};
        for (const name of SETTINGS) raw[name] = typeof options[name] === "string" ? (options[name] as string) : null;
        found.push(raw);
      } catch {
        // no options, or options that are not JSON: the script's record link is off
      }
    }
  });
  for (const raw of found) {
    const settings = parseRecordSettings(raw, formTable ?? undefined);
    if (settings.kind === "matchRow") return settings.table;
    if (settings.kind === "thisRow" && formTable !== null) return formTable;
  }
  return null;
}

/** `recordLinkTableMissing` for each form whose record link reads a virtual table the environment does not have. */
export function recordLinkFindings(
  environment: string,
  forms: ReadonlyArray<{
    name: string;
    table: string | null;
    recordLink: { table: string; exists: boolean | null } | null;
  }>,
): Finding[] {
  return forms
    .filter((form) => form.recordLink !== null && form.recordLink.exists === false)
    .map((form) => ({
      code: "recordLinkTableMissing" as const,
      severity: SEVERITY.recordLinkTableMissing,
      environments: [environment],
      message: `the form ${form.name} (${form.table ?? "?"}) links records through the virtual table ${form.recordLink!.table}, which ${environment} does not have`,
      nextStep: NEXT_STEP.recordLinkTableMissing,
    }));
}
