import { isAnswer } from "../errors";
import type { WebApiLike } from "../options";
import { IntegrationDetailsRequest } from "../request";
import {
  isObject,
  odataError,
  readResponse,
  readText,
  whoAnswered,
  type ResponseLike,
  type Transport,
} from "./transport";

/**
 * Xrm.WebApi.online.execute (or the PCF runtime's webAPI.execute behind the same shape): resolves with a fetch-like
 * Response, rejects with `{ errorCode, message, … }`. A resolved Response is read exactly as the fetch transport reads
 * one, so the same server answer gives the same result whichever way it came.
 *
 * Only Dataverse's answer is an answer, whether execute rejects or resolves:
 * - a rejection carrying Dataverse's error code, HTTP status or error body, or the platform saying the device is
 *   offline (errors.ts `isAnswer`);
 * - a resolution with a readable Dataverse body (`dataverseBody` below): a Response whose text is JSON, an OData
 *   error body, or carries Dataverse's `OData-Version` header; a body handed back as such.
 * Anything else (a script error, a missing method, the PCF runtime's feature messages, "not supported"; a resolved
 * Response whose body was already read, an HTML page, a value that is no Response) means this host cannot execute:
 * `fallback` (same-origin fetch) carries the same request once and only its outcome counts. Without a fallback (no page
 * to be same-origin with: the CLI's Node transport) a rejection is classified as it is and a resolution read as it is.
 */
export function xrmTransport(webApi: WebApiLike, fallback?: Transport): Transport {
  return {
    async retrieve(signal) {
      let response: unknown;
      try {
        response = await webApi.online.execute(new IntegrationDetailsRequest());
      } catch (error) {
        if (fallback === undefined || isAnswer(error)) throw error;
        return fallback.retrieve(signal);
      }
      if (fallback === undefined) return readAsItIs(response);
      const answer = await dataverseBody(response);
      return answer === undefined ? fallback.retrieve(signal) : answer.body;
    },
  };
}

/**
 * A resolved value -> `{ body }` when it is Dataverse's answer (a ServiceFailure is thrown for a non-2xx with
 * Dataverse's error body), undefined when it is not one (the host cannot). Never throws anything else.
 */
export async function dataverseBody(value: unknown): Promise<{ body: unknown } | undefined> {
  if (!isObject(value)) return undefined;
  const response = responseLike(value);
  if (response !== undefined) {
    let text: string;
    try {
      text = await response.text();
    } catch {
      return undefined; // "Failed to execute 'text' on 'Response': body stream already read", a broken stream
    }
    if (whoAnswered(response, text) !== "dataverse" || (!response.ok && !hasErrorBody(text))) return undefined;
    return { body: readText(response, text) };
  }
  if (typeof value.json === "function") {
    try {
      const body: unknown = await (value.json as () => Promise<unknown>).call(value);
      return isObject(body) ? { body } : undefined;
    } catch {
      return undefined; // the body was read already, or is not JSON
    }
  }
  // A host that hands back the body itself: only an OData body (its context annotation, or an error) is Dataverse's.
  return typeof value["@odata.context"] === "string" || isObject(value.error) ? { body: value } : undefined;
}

/** An OData error body: a failed status with it is Dataverse's answer; without it, only fetch can tell whose it is. */
function hasErrorBody(text: string): boolean {
  const error = odataError(text);
  return error.code !== undefined || error.message !== undefined;
}

/** Without a fallback (the CLI's own webApi, which resolves only readable 2xx answers): the value read as it is. */
async function readAsItIs(response: unknown): Promise<unknown> {
  if (!isObject(response)) return response;
  const asResponse = responseLike(response);
  if (asResponse !== undefined) return readResponse(asResponse);
  if (typeof response.json !== "function") return response;
  try {
    return (await (response.json as () => Promise<unknown>).call(response)) as unknown;
  } catch {
    return undefined; // body is not JSON: parse.ts reports it as invalid
  }
}

/** The resolved value as a Response to read: one with a body, or a bare `{ ok: false, status }` (an empty body). */
function responseLike(value: Record<string, unknown>): ResponseLike | undefined {
  if (typeof value.ok !== "boolean") return undefined;
  const status = typeof value.status === "number" ? value.status : Number.NaN;
  const text = value.text;
  const headers = isObject(value.headers) && typeof value.headers.get === "function" ? headersOf(value) : undefined;
  if (typeof text === "function")
    return { ok: value.ok, status, headers, text: () => (text as () => Promise<string>).call(value) };
  return value.ok ? undefined : { ok: false, status, headers, text: async () => "" };
}

function headersOf(value: Record<string, unknown>): ResponseLike["headers"] {
  const headers = value.headers as { get(name: string): string | null };
  return { get: (name) => headers.get(name) };
}
