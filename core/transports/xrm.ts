import { isAnswer } from "../errors";
import type { WebApiLike } from "../options";
import { IntegrationDetailsRequest } from "../request";
import { isObject, readResponse, type ResponseLike, type Transport } from "./transport";

/**
 * Xrm.WebApi.online.execute (or the PCF runtime's webAPI.execute behind the same shape): resolves with a fetch-like
 * Response, rejects with `{ errorCode, message, … }`. A resolved Response is read exactly as the fetch transport reads
 * one, so the same server answer gives the same result whichever way it came.
 *
 * Only an answer is an answer: a rejection carrying Dataverse's error code, HTTP status or error body, or the platform
 * saying the device is offline (errors.ts `isAnswer`). Anything else execute throws or rejects with (a script error
 * inside the host, a missing method, the PCF runtime's feature messages, "not supported", an empty object) means this
 * host cannot execute: `fallback` (same-origin fetch) carries the same request and only its outcome counts. Without a
 * fallback (no page to be same-origin with: the CLI's Node transport) the failure is classified as it is, and a
 * script error's words are never shown (errors.ts).
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
      if (!isObject(response)) return response;
      const asResponse = responseLike(response);
      if (asResponse !== undefined) return readResponse(asResponse);
      if (typeof response.json !== "function") return response; // a host that hands back the body itself
      try {
        return (await (response.json as () => Promise<unknown>).call(response)) as unknown;
      } catch {
        return undefined; // body is not JSON: parse.ts reports it as invalid
      }
    },
  };
}

/** The resolved value as a Response to read: one with a body, or a bare `{ ok: false, status }` (an empty body). */
function responseLike(value: Record<string, unknown>): ResponseLike | undefined {
  if (typeof value.ok !== "boolean") return undefined;
  const status = typeof value.status === "number" ? value.status : Number.NaN;
  const text = value.text;
  if (typeof text === "function")
    return { ok: value.ok, status, text: () => (text as () => Promise<string>).call(value) };
  return value.ok ? undefined : { ok: false, status, text: async () => "" };
}
