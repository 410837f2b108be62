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
  notLinked: "400 0x80048d0b: not integrated with finance and operations",
  forbidden: "403 0x80040220: the user lacks a privilege",
  unauthorized: "401: not signed in",
  serverError: "500 0x80040216: unexpected server error",
  slow: "200 linked, after a delay (delay=ms)",
  hang: "no answer ever: the connection stays open and silent",
  network: "the connection drops: no HTTP answer at all",
  missingFields: "200 without TenantId and Id",
  invalidGuid: "200 with a TenantId that is not a GUID",
  javascriptUrl: "200 with a javascript: Url",
  htmlUrl: "200 with HTML in Url",
  notJson: "200 with an HTML body instead of JSON",
};

/** The linked environment every success scenario returns: tests look for these values on the page. */
export const LINKED = {
  Url: "https://contoso-prod.operations.dynamics.com",
  TenantId: "5b7c9e1a-2f3d-4e5b-8a6c-7d8e9f0a1b2c",
  Id: "c3e1f0a2-9b8d-4c7e-a6f5-1d2e3f4a5b6c",
} as const;

export const HOSTILE = {
  javascriptUrl: "javascript:window.__pwned=1;alert(document.domain)//https://contoso.operations.dynamics.com",
  htmlUrl: '<img src=x onerror="window.__pwned=1">https://contoso.operations.dynamics.com',
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
  const body = {
    "@odata.context": `${origin}/api/data/${apiVersion}/$metadata#Microsoft.Dynamics.CRM.RetrieveFinanceAndOperationsIntegrationDetailsResponse`,
    ...fields,
  };
  return { status: 200, headers: ODATA_HEADERS, body: JSON.stringify(body), delayMs };
}

function error(status: number, code: string, message: string): EmulatedResponse {
  return { status, headers: ODATA_HEADERS, body: JSON.stringify({ error: { code, message } }), delayMs: 0 };
}

const LINKED_EXTRA = { IsUnifiedDatabase: false, OrgLifecycleStatus: "Active" };

export function respond(
  scenario: Scenario,
  request: { origin: string; apiVersion: string; delayMs?: number },
): EmulatedResponse {
  const { origin, apiVersion } = request;
  switch (scenario) {
    case "linked":
      return ok(origin, apiVersion, { ...LINKED, ...LINKED_EXTRA });
    case "slow":
      return ok(origin, apiVersion, { ...LINKED, ...LINKED_EXTRA }, request.delayMs ?? DEFAULT_SLOW_MS);
    case "notLinked":
      return error(400, "0x80048d0b", "Dataverse instance isn't integrated with finance and operations.");
    case "forbidden":
      return error(
        403,
        "0x80040220",
        "Principal user (Id=2f6c8f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing prvReadOrganization privilege (Id=ef0d6b5a-5a2e-4a8f-9d3b-1b2c3d4e5f60) on OTC=1019 for entityName=organization.",
      );
    case "unauthorized":
      return {
        status: 401,
        headers: {
          "WWW-Authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
          "Content-Length": "0",
        },
        body: "",
        delayMs: 0,
      };
    case "serverError":
      return error(500, "0x80040216", "An unexpected error occurred.");
    case "network":
      return { status: 0, headers: {}, body: "", delayMs: 0, drop: true };
    case "hang":
      return { status: 0, headers: {}, body: "", delayMs: 0, hang: true };
    case "missingFields":
      return ok(origin, apiVersion, { Url: LINKED.Url, ...LINKED_EXTRA });
    case "invalidGuid":
      return ok(origin, apiVersion, { ...LINKED, TenantId: "not-a-guid", ...LINKED_EXTRA });
    case "javascriptUrl":
      return ok(origin, apiVersion, { ...LINKED, Url: HOSTILE.javascriptUrl });
    case "htmlUrl":
      return ok(origin, apiVersion, { ...LINKED, Url: HOSTILE.htmlUrl });
    case "notJson":
      return {
        status: 200,
        headers: { "Content-Type": "text/html" },
        body: "<html><body>Sign in</body></html>",
        delayMs: 0,
      };
  }
}

export function isScenario(value: unknown): value is Scenario {
  return typeof value === "string" && (SCENARIOS as ReadonlyArray<string>).includes(value);
}
