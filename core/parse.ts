import { normaliseGuid } from "./guid";
import { safeHttpsUrl } from "./links";
import type { InvalidField, LinkedDetails } from "./result";

export type ParseOutcome =
  { kind: "linked"; details: LinkedDetails } | { kind: "invalid"; field: InvalidField; reason: string };

const KNOWN_FIELDS = new Set(["Url", "TenantId", "Id"]);

/**
 * A 200 body -> validated details, or which field broke the contract and why (developer-facing English).
 * Never throws: whatever the server (or a hostile proxy) sent, the answer is linked with an https URL, or invalid.
 */
export function parseDetails(body: unknown): ParseOutcome {
  try {
    return parseObject(body);
  } catch {
    return invalid("body", "could not be read");
  }
}

function parseObject(body: unknown): ParseOutcome {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalid("body", body === undefined || body === "" ? "empty or not JSON" : "not a JSON object");
  }
  const record = body as Record<string, unknown>;
  const url = record.Url;
  if (url === undefined || url === null || url === "") return invalid("Url", "missing");
  if (typeof url !== "string") return invalid("Url", "not a string");
  const safeUrl = safeHttpsUrl(url);
  if (safeUrl === undefined) return invalid("Url", "not an absolute https: URL without credentials");

  const tenantId = guidField(record.TenantId);
  if (typeof tenantId !== "string") return invalid("TenantId", tenantId.reason);
  const environmentId = guidField(record.Id);
  if (typeof environmentId !== "string") return invalid("Id", environmentId.reason);

  // Object.fromEntries defines own properties, so a "__proto__" key stays data and never touches a prototype.
  const extra = Object.fromEntries(
    Object.keys(record)
      .filter((key) => !KNOWN_FIELDS.has(key) && !isAnnotation(key))
      .map((key) => [key, record[key]]),
  );
  return { kind: "linked", details: { url: safeUrl, tenantId, environmentId, extra } };
}

/** OData annotations (`@odata.context`, `Url@OData.Community…`, `@Microsoft.Dynamics.CRM…`) are protocol, not data. */
function isAnnotation(key: string): boolean {
  return key.startsWith("@") || /@odata\./i.test(key);
}

function guidField(value: unknown): string | { reason: string } {
  if (value === undefined || value === null || value === "") return { reason: "missing" };
  if (typeof value !== "string") return { reason: "not a string" };
  return normaliseGuid(value) ?? { reason: "not a GUID" };
}

function invalid(field: InvalidField, reason: string): ParseOutcome {
  return { kind: "invalid", field, reason };
}
