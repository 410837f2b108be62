/** What the linked finance and operations environment looks like once validated. */
export interface LinkedDetails {
  /** Absolute https: URL of the F&O environment, as Dataverse returned it (normalised by URL parsing). */
  url: string;
  /** Microsoft Entra tenant id: lower-case GUID without braces. */
  tenantId: string;
  /** F&O environment id (`Id` in the response): lower-case GUID without braces. */
  environmentId: string;
  /** Every other field the response carried (e.g. IsUnifiedDatabase), `@odata.*` annotations excluded. */
  extra: Record<string, unknown>;
}

/** Which response field broke the contract; `body` when the payload itself was not a JSON object. */
export type InvalidField = "Url" | "TenantId" | "Id" | "body";

/**
 * The one answer every edge renders. Discriminated on `kind`; the client never throws.
 * - linked: the environment is linked; `fromCache` tells whether this call reached the network.
 * - notLinked: Dataverse answered 0x80048d0b.
 * - unauthorized: HTTP 401 / 0x80040220-like sign-in failures.
 * - forbidden: HTTP 403 or a missing-privilege error code.
 * - offline: the network failed or the host said it is offline; `lastKnown` is the last linked answer this tab saw.
 * - invalid: a 200 whose body broke the contract (`field` and a developer-facing `reason`).
 * - failed: anything else, with the error code in hex (`0x80040216`), the HTTP status and the server's message, each
 *   only when known (the core never makes up words: describe.ts picks translated ones); `noTransport` when the host
 *   offers neither Xrm.WebApi nor fetch, so no request could be sent; `notDataverse` when the page's own origin answered
 *   the Web API's path, but not as Dataverse does (a canvas app or another player hosts the control); `timedOutAfterSeconds` when no answer came within
 *   the timeout (the request was given up, and Retry starts a new one).
 */
export type IntegrationResult =
  | { kind: "linked"; details: LinkedDetails; fromCache: boolean }
  | { kind: "notLinked"; fromCache: boolean }
  | { kind: "unauthorized"; code?: string; message?: string }
  | { kind: "forbidden"; code?: string; message?: string }
  | { kind: "offline"; lastKnown?: LinkedDetails }
  | { kind: "invalid"; field: InvalidField; reason: string }
  | {
      kind: "failed";
      code?: string;
      status?: number;
      message?: string;
      noTransport?: true;
      notDataverse?: true;
      timedOutAfterSeconds?: number;
    };

export type ResultKind = IntegrationResult["kind"];
