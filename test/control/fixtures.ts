import type { IntegrationResult, LinkedDetails } from "../../core";
import { ENVIRONMENT_ID, FO_URL, FORBIDDEN, SERVER_ERROR, TENANT } from "../fixtures/dataverse";

export const DETAILS: LinkedDetails = { url: FO_URL, tenantId: TENANT, environmentId: ENVIRONMENT_ID, extra: {} };

/** One result of every kind the core can answer, for the views. */
export const RESULTS = {
  linked: { kind: "linked", details: DETAILS, fromCache: false },
  notLinked: { kind: "notLinked", fromCache: false },
  unauthorized: { kind: "unauthorized", code: "0x8005f101", message: "Token expired" },
  forbidden: {
    kind: "forbidden",
    code: FORBIDDEN.code,
    message: FORBIDDEN.message,
  },
  offline: { kind: "offline" },
  offlineLastKnown: { kind: "offline", lastKnown: DETAILS },
  invalid: { kind: "invalid", field: "Url", reason: "not https" },
  failed: { kind: "failed", code: SERVER_ERROR.code, status: SERVER_ERROR.status, message: SERVER_ERROR.message },
} satisfies Record<string, IntegrationResult>;
