import type { WebApiLike } from "../options";
import { IntegrationDetailsRequest } from "../request";
import { isObject, readResponse, type ResponseLike, type Transport } from "./transport";

/**
 * Xrm.WebApi.online.execute (or the PCF runtime's webAPI.execute behind the same shape): resolves with a fetch-like
 * Response, rejects with `{ errorCode, message, … }`. A resolved Response is read exactly as the fetch transport reads
 * one, so the same server answer gives the same result whichever way it came. Where the host does not implement
 * execute (custom pages, test harnesses), `fallback` carries the request instead; any other rejection is an answer.
 */
export function xrmTransport(webApi: WebApiLike, fallback?: Transport): Transport {
  return {
    async retrieve(signal) {
      let response: unknown;
      try {
        response = await webApi.online.execute(new IntegrationDetailsRequest());
      } catch (error) {
        if (fallback !== undefined && isNotImplemented(error)) return fallback.retrieve(signal);
        throw error;
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

const NOT_IMPLEMENTED =
  /\bnot\s+(?:yet\s+)?implemented\b|\bnot\s+supported\s+(?:in|on|by)\s+this\s+(?:host|context|page)\b/i;

/** "execute is not implemented here" as hosts say it: a message (or name) with those words, and no server code. */
function isNotImplemented(error: unknown): boolean {
  try {
    if (typeof error === "string") return NOT_IMPLEMENTED.test(error);
    if (!isObject(error) && !(error instanceof Error)) return false;
    const record = error as Record<string, unknown>;
    if (record.errorCode !== undefined && record.errorCode !== null) return false;
    return [record.message, record.name].some((text) => typeof text === "string" && NOT_IMPLEMENTED.test(text));
  } catch {
    return false; // a hostile object: treat it as an answer, classified as such
  }
}
