/** solution/publisher.json: the publisher block of solution.xml, kept in one small file. */
import type { XmlNode } from "./xml";

export interface PublisherConfig {
  uniqueName: string;
  localizedNames: Record<string, string>;
  descriptions: Record<string, string>;
  customizationPrefix: string;
  customizationOptionValuePrefix: number;
  emailAddress: string | null;
  supportingWebsiteUrl: string | null;
}

export class PublisherError extends Error {}

const lcidPattern = /^[1-9]\d{3,4}$/;

/** Characters XML 1.0 cannot carry at all (not even escaped): controls other than tab/LF/CR, lone surrogates, U+FFFE/F. */
/* eslint-disable no-control-regex -- finding control characters is the point */
const xmlForbidden =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

function xmlText(value: string, field: string): string {
  const bad = xmlForbidden.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    throw new PublisherError(`publisher.json "${field}" contains U+${code}, which XML 1.0 forbids`);
  }
  return value;
}

function labels(value: unknown, field: string): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new PublisherError(`publisher.json "${field}" must be an object of LCID -> text`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [lcid, label] of entries) {
    if (!lcidPattern.test(lcid) || typeof label !== "string" || label.trim() === "") {
      throw new PublisherError(`publisher.json "${field}": "${lcid}" must be an LCID with non-empty text`);
    }
    xmlText(label, `${field}.${lcid}`);
  }
  if (!entries.some(([lcid]) => lcid === "1033")) {
    throw new PublisherError(`publisher.json "${field}" needs at least the 1033 (English) text`);
  }
  return value as Record<string, string>;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new PublisherError(`publisher.json "${field}" must be text or null`);
  return xmlText(value, field);
}

/** Checks the rules Dataverse applies when it creates the publisher on import. */
export function readPublisherConfig(json: unknown): PublisherConfig {
  if (!json || typeof json !== "object") throw new PublisherError("publisher.json must hold an object");
  const raw = json as Record<string, unknown>;
  const uniqueName = raw.uniqueName;
  if (typeof uniqueName !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(uniqueName)) {
    throw new PublisherError('publisher.json "uniqueName" must be letters, digits and _ (not starting with a digit)');
  }
  const prefix = raw.customizationPrefix;
  if (typeof prefix !== "string" || !/^[a-z][a-z0-9]{1,7}$/.test(prefix) || prefix.startsWith("mscrm")) {
    throw new PublisherError(
      'publisher.json "customizationPrefix" must be 2-8 lower-case letters or digits, starting with a letter, not "mscrm"',
    );
  }
  const optionPrefix = raw.customizationOptionValuePrefix;
  if (
    typeof optionPrefix !== "number" ||
    !Number.isInteger(optionPrefix) ||
    optionPrefix < 10000 ||
    optionPrefix > 99999
  ) {
    throw new PublisherError(
      'publisher.json "customizationOptionValuePrefix" must be a whole number from 10000 to 99999',
    );
  }
  return {
    uniqueName,
    localizedNames: labels(raw.localizedNames, "localizedNames"),
    descriptions: labels(raw.descriptions, "descriptions"),
    customizationPrefix: prefix,
    customizationOptionValuePrefix: optionPrefix,
    emailAddress: optionalText(raw.emailAddress, "emailAddress"),
    supportingWebsiteUrl: optionalText(raw.supportingWebsiteUrl, "supportingWebsiteUrl"),
  };
}

const nil: XmlNode = { "@_xsi:nil": "true" };
const valueOrNil = (value: string | null): XmlNode | string => (value ? value : nil);

/** LocalizedName / Description items, sorted by LCID so the output never depends on JSON key order. */
export function labelList(items: Record<string, string>): XmlNode[] {
  return Object.keys(items)
    .sort((a, b) => Number(a) - Number(b))
    .map((lcid) => ({ "@_description": items[lcid], "@_languagecode": lcid }));
}

// The address fields an export writes for a publisher with no address; Dataverse reads them all as optional.
const addressFields = [
  "City",
  "County",
  "Country",
  "Fax",
  "FreightTermsCode",
  "ImportSequenceNumber",
  "Latitude",
  "Line1",
  "Line2",
  "Line3",
  "Longitude",
  "Name",
  "PostalCode",
  "PostOfficeBox",
  "PrimaryContactName",
  "ShippingMethodCode",
  "StateOrProvince",
  "Telephone1",
  "Telephone2",
  "Telephone3",
  "TimeZoneRuleVersionNumber",
  "UPSZone",
  "UTCOffset",
  "UTCConversionTimeZoneCode",
];

function emptyAddress(number: number): XmlNode {
  const address: XmlNode = { AddressNumber: String(number), AddressTypeCode: "1" };
  for (const field of addressFields) address[field] = field === "ShippingMethodCode" ? "1" : nil;
  return address;
}

/** The <Publisher> element, in the order an export writes it. */
export function publisherElement(config: PublisherConfig): XmlNode {
  return {
    UniqueName: config.uniqueName,
    LocalizedNames: { LocalizedName: labelList(config.localizedNames) },
    Descriptions: { Description: labelList(config.descriptions) },
    EMailAddress: valueOrNil(config.emailAddress),
    SupportingWebsiteUrl: valueOrNil(config.supportingWebsiteUrl),
    CustomizationPrefix: config.customizationPrefix,
    CustomizationOptionValuePrefix: String(config.customizationOptionValuePrefix),
    Addresses: { Address: [emptyAddress(1), emptyAddress(2)] },
  };
}
