import type { FetchLike } from "../options";
import { FUNCTION_PATH } from "../request";
import { NetworkFailure, ServiceFailure, odataError, type Transport } from "./transport";

/** The headers Dataverse's Web API expects for an OData 4.0 JSON call. */
export const ODATA_HEADERS: Readonly<Record<string, string>> = {
  Accept: "application/json",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
};

/** Same-origin relative GET: the browser sends the user's Dataverse session cookie, no token handling needed. */
export function fetchTransport(fetchImpl: FetchLike): Transport {
  return {
    async retrieve() {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await fetchImpl(FUNCTION_PATH, {
          method: "GET",
          headers: { ...ODATA_HEADERS },
          credentials: "same-origin",
        });
      } catch (error) {
        // fetch rejects only when no response arrived (TypeError) or it was aborted.
        if (isAbort(error)) throw error;
        throw new NetworkFailure(error instanceof Error ? error.message : String(error));
      }
      const text = await readText(response);
      if (response.ok) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text; // not JSON: parse.ts reports the body as invalid
        }
      }
      const { code, message } = odataError(text);
      throw new ServiceFailure(
        response.status,
        typeof code === "string" ? code : undefined,
        typeof message === "string" ? message : "",
      );
    },
  };
}

async function readText(response: Awaited<ReturnType<FetchLike>>): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    // The body stream broke after the headers: that is the network going away.
    throw new NetworkFailure(error instanceof Error ? error.message : String(error));
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
