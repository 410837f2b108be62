import type { IntegrationResult, LinkedDetails } from "../../core";

export const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const ENVIRONMENT_ID = "3e1f0c2a-5b6d-4e7f-8091-a2b3c4d5e6f7";
export const FO_URL = "https://contoso.operations.dynamics.com";

export const DETAILS: LinkedDetails = { url: FO_URL, tenantId: TENANT_ID, environmentId: ENVIRONMENT_ID, extra: {} };

/** One result of every kind the core can answer, for the views. */
export const RESULTS = {
  linked: { kind: "linked", details: DETAILS, fromCache: false },
  notLinked: { kind: "notLinked", fromCache: false },
  unauthorized: { kind: "unauthorized", code: "0x8005f101", message: "Token expired" },
  forbidden: {
    kind: "forbidden",
    code: "0x80040220",
    message: "Principal user is missing prvReadOrganization privilege",
  },
  offline: { kind: "offline" },
  offlineLastKnown: { kind: "offline", lastKnown: DETAILS },
  invalid: { kind: "invalid", field: "Url", reason: "not https" },
  failed: { kind: "failed", code: "0x80040216", status: 500, message: "An unexpected error occurred." },
} satisfies Record<string, IntegrationResult>;
