import type { FetchLike } from "../options";
import { FUNCTION_PATH } from "../request";
import { NetworkFailure, readResponse, type Transport } from "./transport";

/** The headers Dataverse's Web API expects for an OData 4.0 JSON call. */
export const ODATA_HEADERS: Readonly<Record<string, string>> = {
  Accept: "application/json",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
};

/** Same-origin relative GET: the browser sends the user's Dataverse session cookie, no token handling needed. */
export function fetchTransport(fetchImpl: FetchLike): Transport {
  return {
    async retrieve(signal) {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await fetchImpl(FUNCTION_PATH, {
          method: "GET",
          headers: { ...ODATA_HEADERS },
          credentials: "same-origin",
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        throw networkFailureOr(error);
      }
      return readResponse(response);
    },
  };
}

/**
 * fetch rejects only when no response arrived (a TypeError: the network) or when it was aborted (passed on as is). A
 * rejection that cannot even be inspected is passed on as is too: errors.ts makes it a plain failure.
 */
function networkFailureOr(error: unknown): unknown {
  try {
    if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError")
      return error;
    return new NetworkFailure(error instanceof Error ? error.message : String(error));
  } catch {
    return error;
  }
}
