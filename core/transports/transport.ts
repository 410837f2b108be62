/**
 * One way of calling the function. `retrieve` resolves with the 2xx body (parsed JSON, or the raw text when it is not
 * JSON, so parse.ts can say why it is invalid) and rejects with whatever went wrong: errors.ts classifies it.
 */
export interface Transport {
  retrieve(): Promise<unknown>;
}

/** An HTTP-level failure a transport read from the response (status, hex code and message from the OData error body). */
export class ServiceFailure {
  constructor(
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly message: string,
  ) {}
}

/** The request never reached the server (fetch rejected): the browser is offline or the network dropped. */
export class NetworkFailure {
  constructor(readonly message: string) {}
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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
