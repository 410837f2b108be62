/**
 * `execute` as the platform offers it to form scripts (`Xrm.WebApi.online.execute`) and to controls (the PCF runtime's
 * `context.webAPI.execute`, which forwards to the same code): it really calls the emulated Dataverse over HTTP,
 * resolves with the Response when it is ok, and rejects like the platform otherwise (`errorCode` as an unsigned
 * decimal). The `x-demo-caller` header tells the emulator's request log which path carried the request.
 */

/** What `execute` rejects with on the platform: the Dataverse code as an unsigned decimal. */
export interface PlatformError {
  errorCode?: number;
  code?: number;
  message: string;
  title?: string;
  raw?: string;
  innerror?: unknown;
}

/** The request-log names of the three paths a request can take. */
export const CALLERS = {
  formScript: "Xrm.WebApi",
  controlExecute: "pcf.webAPI.execute",
  /** No marker header: the control's same-origin fetch, as it goes out in production. */
  controlFetch: "fetch",
} as const;

interface RequestMetadata {
  boundParameter: unknown;
  operationType: number;
  operationName: string;
}

function metadataOf(request: object): RequestMetadata | undefined {
  const getMetadata = (request as { getMetadata?: () => RequestMetadata }).getMetadata;
  return typeof getMetadata === "function" ? getMetadata.call(request) : undefined;
}

/** Reads a failed Dataverse response into the error object the platform rejects with. */
export async function platformError(response: Response): Promise<PlatformError> {
  const raw = await response.text();
  let body: { error?: { code?: unknown; message?: unknown; innererror?: unknown } } | undefined;
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    body = undefined;
  }
  const hex = typeof body?.error?.code === "string" ? body.error.code : undefined;
  const errorCode = hex && /^0x[0-9a-f]+$/i.test(hex) ? Number.parseInt(hex, 16) >>> 0 : undefined;
  const message =
    typeof body?.error?.message === "string" ? body.error.message : `${response.status} ${response.statusText}`.trim();
  return { errorCode, code: errorCode, message, title: response.statusText, raw, innerror: body?.error?.innererror };
}

/**
 * An execute bound to a fetch (the calling frame's), named in the request log as `caller`. `bodyUsed`: it reads the
 * body itself and resolves with the spent Response, whatever its status (config.ts CONTROL_WEB_APIS).
 */
export function createExecute(
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  caller: string,
  log: (kind: string, text: string) => void,
  options: { bodyUsed?: boolean } = {},
): (request: object) => Promise<Response> {
  return async (request) => {
    const metadata = metadataOf(request);
    if (!metadata || metadata.operationType !== 1 || metadata.boundParameter !== null) {
      throw {
        errorCode: 0x80040203,
        message: "The demo host emulates unbound functions only.",
      } satisfies PlatformError;
    }
    log(caller, metadata.operationName);
    // Network failures reject with what fetch threw, as the platform's transport does.
    const response = await fetchImpl(`/api/data/v9.1/${encodeURIComponent(metadata.operationName)}()`, {
      method: "GET",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "OData-MaxVersion": "4.0",
        "OData-Version": "4.0",
        "x-demo-caller": caller,
      },
    });
    if (options.bodyUsed === true) {
      await response.text();
      return response;
    }
    if (response.ok) return response;
    throw await platformError(response);
  };
}
