/**
 * One way of calling the function. `retrieve` resolves with the 2xx body (parsed JSON, or the raw text when it is not
 * JSON, so parse.ts can say why it is invalid) and rejects with whatever went wrong: errors.ts classifies it. The
 * signal aborts the request when the client gives up waiting (a transport that cannot abort just stops mattering).
 */
export interface Transport {
  retrieve(signal?: AbortSignal): Promise<unknown>;
}

/**
 * An HTTP-level failure a transport read from the response: the status and the OData error body's code (as sent:
 * hex string or decimal number, errors.ts normalises it) and message.
 */
export class ServiceFailure {
  constructor(
    readonly status: number | undefined,
    readonly code: unknown,
    readonly message: string,
  ) {}
}

/** The request never reached the server (fetch rejected): the browser is offline or the network dropped. */
export class NetworkFailure {
  constructor(readonly message: string) {}
}

/**
 * The page's own origin answered the Web API's path, but not as Dataverse does: a 404 without an OData error body (a
 * canvas app's or another player's page), or a 2xx that is neither JSON nor sent with Dataverse's `OData-Version`
 * header. The page is not a Dataverse organization, so there is no link to check from it.
 */
export class NotDataverse {
  constructor(readonly status: number) {}
}

/** The parts of a fetch Response the transports read; Xrm's resolved Response has them too. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  /** fetch's Headers; absent on some hosts' Response-likes (then only the body says whose answer it is). */
  headers?: { get(name: string): string | null } | undefined;
}

/**
 * What a Response's text says about who sent it. `dataverse`: JSON, an OData error body, an empty body (Dataverse
 * answers 401 with none) or Dataverse's `OData-Version` header; `notDataverse`: a 404 without an OData error body or
 * a 2xx that is not JSON and lacks the header (an HTML page); `other`: any other status with a body that is not
 * Dataverse's (a gateway's HTML 502), an answer from the way to Dataverse. Never throws.
 */
export function whoAnswered(response: ResponseLike, text: string): "dataverse" | "notDataverse" | "other" {
  const error = odataError(text);
  if (error.code !== undefined || error.message !== undefined) return "dataverse";
  if (response.status === 404) return "notDataverse";
  if (text.trim() === "" || hasODataHeader(response) || isJson(text)) return "dataverse";
  return response.ok ? "notDataverse" : "other";
}

function hasODataHeader(response: ResponseLike): boolean {
  try {
    const value = response.headers?.get("OData-Version");
    return typeof value === "string" && value.trim() !== "";
  } catch {
    return false;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads `{ error: { code, message } }` from an OData error body given as text or object; never throws. */
export function odataError(body: unknown): { code?: unknown; message?: unknown } {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const error = isObject(value) ? value.error : undefined;
  return isObject(error) ? { code: error.code, message: error.message } : {};
}

/**
 * Reads a Response the same way whichever transport received it: a 2xx body as JSON (or its text when it is not
 * JSON), anything else as a ServiceFailure from the OData error body; an answer that is not Dataverse's (whoAnswered)
 * as NotDataverse. A body stream that breaks after the headers is the network going away (NetworkFailure).
 */
export async function readResponse(response: ResponseLike): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new NetworkFailure(error instanceof Error ? error.message : String(error));
  }
  return readText(response, text);
}

/** The second half of readResponse, for a text already read. */
export function readText(response: ResponseLike, text: string): unknown {
  if (whoAnswered(response, text) === "notDataverse") throw new NotDataverse(response.status);
  if (response.ok) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // not JSON: parse.ts reports the body as invalid
    }
  }
  const { code, message } = odataError(text);
  throw new ServiceFailure(response.status, code, typeof message === "string" ? message : "");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
