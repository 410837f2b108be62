import {
  errorBody,
  FO_URL,
  FORBIDDEN,
  linkedBody,
  NOT_LINKED,
  SERVER_ERROR,
  UNAUTHORIZED,
  type DataverseError,
} from "../../test/fixtures/dataverse";

/**
 * What the emulated Dataverse answers to RetrieveFinanceAndOperationsIntegrationDetails, per scenario.
 * Shapes follow Dataverse: OData JSON with `@odata.context` on success, `{"error":{"code":"0x…","message"}}` on failure.
 */
export const SCENARIOS = [
  "linked",
  "notLinked",
  "forbidden",
  "unauthorized",
  "serverError",
  "slow",
  "hang",
  "network",
  "missingFields",
  "invalidGuid",
  "javascriptUrl",
  "htmlUrl",
  "notJson",
] as const;

export type Scenario = (typeof SCENARIOS)[number];

export const DEFAULT_SCENARIO: Scenario = "linked";
export const DEFAULT_SLOW_MS = 2500;

/** One line per scenario for the picker and the docs. */
export const SCENARIO_DESCRIPTIONS: Record<Scenario, string> = {
  linked: "200: linked to an F&O environment (with extra fields)",
  notLinked: `${NOT_LINKED.status} ${NOT_LINKED.code}: not integrated with finance and operations`,
  forbidden: `${FORBIDDEN.status} ${FORBIDDEN.code}: the user lacks a privilege`,
  unauthorized: `${UNAUTHORIZED.status}: not signed in`,
  serverError: `${SERVER_ERROR.status} ${SERVER_ERROR.code}: unexpected server error`,
  slow: "200 linked, after a delay (delay=ms)",
  hang: "no answer ever: the connection stays open and silent",
  network: "the connection drops: no HTTP answer at all",
  missingFields: "200 without TenantId and Id",
  invalidGuid: "200 with a TenantId that is not a GUID",
  javascriptUrl: "200 with a javascript: Url",
  htmlUrl: "200 with HTML in Url",
  notJson: "200 with an HTML body instead of JSON",
};

export const HOSTILE = {
  javascriptUrl: `javascript:window.__pwned=1;alert(document.domain)//${FO_URL}`,
  htmlUrl: `<img src=x onerror="window.__pwned=1">${FO_URL}`,
} as const;

export interface EmulatedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs: number;
  /** Destroy the socket instead of answering: what a dropped network looks like to fetch. */
  drop?: boolean;
  /** Never answer and keep the connection open: a request only a timeout (or the page going away) ends. */
  hang?: boolean;
}

const ODATA_HEADERS = {
  "Content-Type": "application/json; odata.metadata=minimal",
  "OData-Version": "4.0",
  "Cache-Control": "no-cache",
};

function ok(origin: string, apiVersion: string, fields: Record<string, unknown>, delayMs = 0): EmulatedResponse {
  return { status: 200, headers: ODATA_HEADERS, body: JSON.stringify(linkedBody(fields, origin, apiVersion)), delayMs };
}

function error(failure: DataverseError, message?: string): EmulatedResponse {
  const body = errorBody(message === undefined ? failure : { ...failure, message });
  return { status: failure.status, headers: ODATA_HEADERS, body: JSON.stringify(body), delayMs: 0 };
}

export function respond(
  scenario: Scenario,
  request: {
    origin: string;
    apiVersion: string;
    delayMs?: number;
    /** The admin command line's emulated tenant: the linked answer's fields, and a failure's own message. */
    fields?: Record<string, unknown>;
    message?: string;
  },
): EmulatedResponse {
  const { origin, apiVersion, message } = request;
  switch (scenario) {
    case "linked":
      return ok(origin, apiVersion, request.fields ?? {});
    case "slow":
      return ok(origin, apiVersion, {}, request.delayMs ?? DEFAULT_SLOW_MS);
    case "notLinked":
      return error(NOT_LINKED, message);
    case "forbidden":
      return error(FORBIDDEN, message);
    case "unauthorized":
      return { status: UNAUTHORIZED.status, headers: UNAUTHORIZED.headers, body: "", delayMs: 0 };
    case "serverError":
      return error(SERVER_ERROR, message);
    case "network":
      return { status: 0, headers: {}, body: "", delayMs: 0, drop: true };
    case "hang":
      return { status: 0, headers: {}, body: "", delayMs: 0, hang: true };
    case "missingFields":
      return ok(origin, apiVersion, { TenantId: undefined, Id: undefined });
    case "invalidGuid":
      return ok(origin, apiVersion, { TenantId: "not-a-guid" });
    case "javascriptUrl":
      return ok(origin, apiVersion, { Url: HOSTILE.javascriptUrl });
    case "htmlUrl":
      return ok(origin, apiVersion, { Url: HOSTILE.htmlUrl });
    case "notJson":
      return {
        status: 200,
        // Dataverse's header: its server sent the broken body (without it, the page is no Dataverse organization).
        headers: { "Content-Type": "text/html", "OData-Version": "4.0" },
        body: "<html><body>Sign in</body></html>",
        delayMs: 0,
      };
  }
}

export function isScenario(value: unknown): value is Scenario {
  return typeof value === "string" && (SCENARIOS as ReadonlyArray<string>).includes(value);
}
