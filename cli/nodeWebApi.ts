import type { WebApiLike } from "../core";
import { ConnectionFailure, RedirectFailure, SizeFailure, TimeoutFailure, type Bearer, type HttpClient } from "./http";
import { ForeignAnswerFailure } from "./net/send";
import { terminalText } from "./output/sanitize";

/**
 * Xrm.WebApi's `online.execute` for Node, over our HttpClient, for core's getIntegrationDetails: resolves with a
 * fetch-like response on 2xx and rejects like Xrm does (`{ errorCode, message, status }`) otherwise, so core
 * classifies the answer exactly as it does in the browser. Only unbound functions without parameters are needed.
 */
export interface NodeWebApi extends WebApiLike {
  /** Why the last request got no HTTP answer (core reports that as offline without the cause). */
  lastFailure?: string;
  /** The last HTTP answer: its status and Dataverse's `x-ms-service-request-id` (for a support ticket). */
  lastAnswer?: { status: number; serviceRequestId: string | null };
}

export function nodeWebApi(envUrl: string, http: HttpClient, token: Bearer): NodeWebApi {
  const api: NodeWebApi = {
    online: {
      async execute(request: object) {
        const metadata = (request as { getMetadata(): { operationName: string; operationType: number } }).getMetadata();
        if (metadata.operationType !== 1) throw { message: `unsupported operation ${metadata.operationName}` };
        let answer;
        try {
          answer = await http.send(`${envUrl}/api/data/v9.2/${metadata.operationName}()`, { token });
        } catch (error) {
          if (error instanceof TimeoutFailure) {
            api.lastFailure = error.message;
            throw { message: error.message, status: undefined };
          }
          if (error instanceof ConnectionFailure) {
            api.lastFailure = error.message;
            // A proxy that wants a sign-in or a certificate not trusted is no offline network: failed, with the cause.
            throw error.offline ? { message: error.message, status: 0 } : { message: error.message };
          }
          if (
            error instanceof RedirectFailure ||
            error instanceof SizeFailure ||
            error instanceof ForeignAnswerFailure
          ) {
            api.lastFailure = error.message;
            throw { message: error.message }; // an answer, but not one to read: failed, with these words
          }
          throw error;
        }
        api.lastAnswer = {
          status: answer.status,
          serviceRequestId: answer.headers.get("x-ms-service-request-id") ?? answer.headers.get("req_id"),
        };
        if (!answer.ok) throw xrmError(answer.status, answer.text, answer.headers.get("www-authenticate"));
        return {
          ok: true,
          status: answer.status,
          statusText: answer.statusText,
          json: async () => JSON.parse(answer.text) as unknown,
        };
      },
    },
  };
  return api;
}

/** What Xrm.WebApi rejects with: the OData error's code and message; a 401 challenge's own description. */
function xrmError(status: number, text: string, challenge: string | null): Record<string, unknown> {
  let code: unknown;
  let message: unknown;
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    code = error?.code;
    message = error?.message;
  } catch {
    // not an OData error body (a 401 has none)
  }
  const description = /error_description="([^"]*)"/.exec(challenge ?? "")?.[1];
  return {
    status,
    ...(typeof code === "string" && code !== "" ? { errorCode: code } : {}),
    // terminalText first: core drops control characters but would leave the rest of an escape sequence as text.
    message: terminalText(typeof message === "string" && message !== "" ? message : (description ?? `HTTP ${status}`)),
  };
}
