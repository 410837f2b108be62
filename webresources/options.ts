import { isCacheMinutes } from "../core";
import type { FormStringKey } from "./strings/form.strings";

export type NotifyMode = "always" | "notLinked" | "never";

/** What a maker may pass as the handler's second parameter (a JSON string or an object); every key is optional. */
export interface FormOptions {
  /** Omitted: INFO when linked, WARNING when not linked, quiet on transient problems. */
  notify?: NotifyMode;
  global?: boolean;
  urlColumn?: string;
  tenantColumn?: string;
  environmentColumn?: string;
  showWhenLinked?: string[];
  hideWhenLinked?: string[];
  cacheMinutes?: number;
  /** Deep link parts, as the control's properties: the company (`cmp`) and the menu item (`mi`) to open. */
  legalEntity?: string;
  menuItem?: string;
  /** The record link, as the control's properties (core/record/settings.ts): the Open action opens the record. */
  recordLink?: string;
  recordTable?: string;
  recordMatch?: string;
  recordCompany?: string;
}

/** A problem with the options, as the Form_* string that words it and that string's arguments. */
export interface OptionProblem {
  key: FormStringKey;
  args: string[];
}

type Check = (value: unknown) => boolean;
const isText: Check = (value) => typeof value === "string" && value.trim() !== "";
const isNameList: Check = (value) => Array.isArray(value) && value.every(isText);

/** Each option's check and the language-neutral hint shown when it fails. */
const SCHEMA: Record<keyof FormOptions, { check: Check; expected: string }> = {
  notify: {
    check: (value) => value === "always" || value === "notLinked" || value === "never",
    expected: '"always" | "notLinked" | "never"',
  },
  global: { check: (value) => typeof value === "boolean", expected: "true | false" },
  urlColumn: { check: isText, expected: '"logicalname"' },
  tenantColumn: { check: isText, expected: '"logicalname"' },
  environmentColumn: { check: isText, expected: '"logicalname"' },
  showWhenLinked: { check: isNameList, expected: '["tab", "tab.section"]' },
  hideWhenLinked: { check: isNameList, expected: '["tab", "tab.section"]' },
  legalEntity: { check: isText, expected: '"USMF"' },
  menuItem: { check: isText, expected: '"CustTableListPage"' },
  recordLink: { check: isText, expected: '"thisRow" | "matchRow" | "off"' },
  recordTable: { check: isText, expected: '"mserp_custcustomerv3entity"' },
  recordMatch: { check: isText, expected: '"mserp_customeraccount=accountnumber"' },
  recordCompany: { check: isText, expected: '"msdyn_company.cdm_companycode" | "=USMF"' },
  cacheMinutes: {
    check: isCacheMinutes,
    expected: "0, 1, 2…",
  },
};

/**
 * Reads the handler's options. Never throws: every problem is reported and the option it concerns is dropped,
 * so the rest still applies. Nothing (undefined, null, "" or whitespace) means all defaults.
 */
export function parseOptions(raw: unknown): { options: FormOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  let value = raw;
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
    return { options: {}, problems };
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { options: {}, problems: [{ key: "Form_OptionNotJson", args: [] }] };
  }
  const options: Record<string, unknown> = {};
  for (const [name, optionValue] of Object.entries(value)) {
    const rule = Object.prototype.hasOwnProperty.call(SCHEMA, name) ? SCHEMA[name as keyof FormOptions] : undefined;
    if (!rule) problems.push({ key: "Form_OptionUnknown", args: [name] });
    else if (optionValue === undefined || optionValue === null)
      continue; // an explicit null means the default
    else if (!rule.check(optionValue)) problems.push({ key: "Form_OptionBadValue", args: [name, rule.expected] });
    else options[name] = typeof optionValue === "string" ? optionValue.trim() : optionValue;
  }
  return { options: options as FormOptions, problems };
}
