import type { IntegrationResult } from "./result";
import { NetworkFailure, NotDataverse, ServiceFailure, isObject, odataError } from "./transports/transport";

/** 0x80048d0b: "Dataverse instance isn't integrated with finance and operations." */
export const NOT_LINKED_CODE = "0x80048d0b";

/** Dataverse codes meaning "who are you?": AccessTokenExpired. */
const UNAUTHORIZED_CODES = new Set(["0x8005f101"]);

/**
 * Dataverse codes meaning "you may not": PrivilegeDenied (-2147220960, "principal user is missing prvX privilege"),
 * PrincipalPrivilegeDenied (0x80042f09, answered with HTTP 403), the access check that follows a privilege check
 * (-2147187962), AccessDenied, AccessCheckOrganizationMismatch and UserDisabled.
 */
const FORBIDDEN_CODES = new Set(["0x80040220", "0x80042f09", "0x80048306", "0x80048405", "0x80048370", "0x80041d1f"]);

const MISSING_PRIVILEGE = /missing\s+prv\w*\s+privilege|insufficient\s+privilege/i;
const NETWORK_WORDS =
  /offline|network|failed to fetch|fetch failed|load failed|internet connection|no connection|connection (?:was )?(?:lost|reset|refused|closed)/i;
/**
 * Words that plainly mean "this device is offline": with a server code present they override it only when the code
 * names nothing else; without any code or status (the Power Apps mobile app rejects offline calls with an `Error`
 * named UciError, "This operation failed because you're offline. Reconnect and try again.", and no errorCode) they
 * make any failure offline.
 */
const OFFLINE_WORDS = /offline|failed to fetch|network ?error/i;
/** What a host words a failure with no error body as: its status line ("401", "HTTP/1.1 503 Service Unavailable"). */
const STATUS_LINE = /^(?:HTTP(?:\/[\d.]+)?\s+)?([1-5]\d\d)(?:\s+[A-Za-z][A-Za-z' -]*)?$/i;
/** Errors JavaScript itself throws: a bug or a broken host, never words from Dataverse, so never shown as they are. */
const SCRIPT_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError", "EvalError", "URIError"]);
const XRM_ERROR_KEYS = ["errorCode", "status", "httpStatus", "statusCode", "code", "raw", "innerror"];
const MAX_MESSAGE = 300;
/** A JavaScript stack frame line: V8 (`    at f (file.js:1:2)`) or Firefox/Safari (`f@file.js:1:2`). */
const STACK_FRAME = /^\s*at\s.*(?::\d+:\d+\)?|<anonymous>\)?|native\)?)\s*$|^\s*\S*@\S+:\d+:\d+\s*$/;
/** The first .NET stack frame (`   at Microsoft.Crm.Extensibility.Foo.Bar(...)`) or trace marker: the rest is trace. */
const DOTNET_TRACE = /(?:^|\s)at\s+(?:[A-Za-z_][\w`]*\.)+[\w`<>|]+\s*\(|---\s*End of (?:inner exception )?stack trace/;
/** Control characters, zero-width and bidi controls, word joiners and invisible operators (U+2060-2064), BOM. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Anything a transport threw or rejected with -> the result kind the user sees. Never throws. */
export function classifyFailure(error: unknown): IntegrationResult {
  try {
    return classify(error);
  } catch {
    return { kind: "failed" }; // a hostile object (throwing getters, proxies): say nothing rather than break
  }
}

/**
 * Whether what a host's `execute` threw or rejected with is an answer: Dataverse's (an error code, an HTTP status, an
 * OData error body in `raw`; a 404 only with a code) or the platform saying the device is offline (status 0, fetch's network TypeError, the
 * offline words above). Anything else (a script error inside the host, a missing method, the PCF runtime's "Feature
 * 'WebAPI.execute' is required to be specified…" or "not supported on this device", an object with none of those
 * fields) is not: that host cannot execute, and transports/xrm.ts sends the request through fetch. Never throws.
 */
export function isAnswer(error: unknown): boolean {
  try {
    if (error instanceof NetworkFailure || error instanceof ServiceFailure || error instanceof NotDataverse)
      return true;
    if (!isXrmShaped(error)) return classify(error).kind === "offline";
    const body = odataError(error.raw);
    if (body.code !== undefined || body.message !== undefined) return true;
    const result = classifyXrmError(error);
    // A 404 without Dataverse's code is no Dataverse answer: the function exists on every organization, and Dataverse
    // words its 404s with a code. A page that is none (a canvas app's player) answers so: fetch then says what it is.
    if (result.kind === "failed" && result.status === 404 && result.code === undefined) return false;
    return result.kind !== "failed" || result.code !== undefined || result.status !== undefined;
  } catch {
    return false; // a hostile object: no answer
  }
}

function classify(error: unknown): IntegrationResult {
  if (error instanceof NetworkFailure) return { kind: "offline" };
  if (error instanceof NotDataverse) return { kind: "failed", notDataverse: true };
  if (error instanceof ServiceFailure)
    return classifyCoded(httpStatus(error.status), toHexCode(error.code), error.message);
  if (isScriptError(error)) {
    // fetch's own TypeError for a dropped network is the one script error that means something to the user.
    return error.name === "TypeError" && NETWORK_WORDS.test(String(error.message))
      ? { kind: "offline" }
      : { kind: "failed" };
  }
  if (isXrmShaped(error)) return classifyXrmError(error);
  const message = messageOf(error);
  if (OFFLINE_WORDS.test(message)) return { kind: "offline" };
  // No words of our own here: describe.ts words a failure without a message in the user's language.
  return message === "" ? { kind: "failed" } : { kind: "failed", message };
}

/** A plain object (not a script error) with any field of the `Xrm.WebApi` error shape. */
function isXrmShaped(error: unknown): error is Record<string, unknown> {
  return (
    isObject(error) &&
    !isScriptError(error) &&
    XRM_ERROR_KEYS.some((key) => Object.prototype.hasOwnProperty.call(error, key))
  );
}

/** The `Xrm.WebApi` error shape: `{ errorCode, message, code?, raw?, innerror?, status? }`. */
function classifyXrmError(error: Record<string, unknown>): IntegrationResult {
  const rawBody = odataError(error.raw);
  const code = toHexCode(error.errorCode) ?? toHexCode(error.code) ?? toHexCode(rawBody.code);
  const statuses = [error.status, error.httpStatus, error.statusCode];
  let status = statuses.map(httpStatus).find((s) => s !== undefined);
  const innerMessage = isObject(error.innerror) ? error.innerror.message : undefined;
  let message =
    [error.message, rawBody.message, innerMessage].find((m): m is string => typeof m === "string" && m.trim() !== "") ??
    "";
  // A failure without an error body reaches us as its status line only: that is the status, not a message.
  const statusLine = STATUS_LINE.exec(message.trim());
  if (statusLine !== null && code === undefined) {
    status ??= Number(statusLine[1]);
    message = "";
  }
  // An answer with an HTTP status came from a server: its words never make it "offline".
  if (status === undefined) {
    if (statuses.includes(0)) return { kind: "offline" };
    if (code === undefined ? NETWORK_WORDS.test(message) : OFFLINE_WORDS.test(message) && !isMeaningfulCode(code))
      return { kind: "offline" };
  }
  return classifyCoded(status, code, message);
}

function isMeaningfulCode(code: string): boolean {
  return FORBIDDEN_CODES.has(code) || UNAUTHORIZED_CODES.has(code) || code === NOT_LINKED_CODE;
}

function classifyCoded(status: number | undefined, code: string | undefined, rawMessage: string): IntegrationResult {
  const message = cleanMessage(rawMessage);
  const detail = { ...(code === undefined ? {} : { code }), ...(message === "" ? {} : { message }) };
  if (code === NOT_LINKED_CODE) return { kind: "notLinked", fromCache: false };
  if (status === 401 || (code !== undefined && UNAUTHORIZED_CODES.has(code)))
    return { kind: "unauthorized", ...detail };
  if (status === 403 || (code !== undefined && FORBIDDEN_CODES.has(code)) || MISSING_PRIVILEGE.test(message)) {
    return { kind: "forbidden", ...detail };
  }
  return {
    kind: "failed",
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    ...(message === "" ? {} : { message }),
  };
}

/**
 * A 2xx body that is an OData error object (`{"error":{"code","message"}}`) instead of the details: `failed` with that
 * error's code and message; undefined for any other body.
 */
export function failureInBody(body: unknown): IntegrationResult | undefined {
  try {
    if (!isObject(body) || !isObject(body.error)) return undefined;
    const code = toHexCode(body.error.code);
    const message = cleanMessage(body.error.message);
    return { kind: "failed", ...(code === undefined ? {} : { code }), ...(message === "" ? {} : { message }) };
  } catch {
    return { kind: "failed" };
  }
}

/**
 * A Dataverse error code as `0x` + 8 lower-case hex digits. Accepts unsigned (2147781899) and signed (-2147185397)
 * decimals, as numbers or strings, and hex strings; anything else is undefined.
 */
export function toHexCode(value: unknown): string | undefined {
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (/^0x[0-9a-f]{1,8}$/i.test(text)) n = Number.parseInt(text.slice(2), 16);
    else if (/^-?\d{1,10}$/.test(text)) n = Number(text);
  }
  if (n === undefined || !Number.isInteger(n) || n === 0 || n < -0x80000000 || n > 0xffffffff) return undefined;
  return `0x${(n >>> 0).toString(16).padStart(8, "0")}`;
}

/**
 * A message fit for the screen: first lines only (never a JavaScript or .NET stack trace), no control or invisible
 * characters, bounded length.
 */
export function cleanMessage(value: unknown): string {
  if (typeof value !== "string") return "";
  // Bounded first: what is shown is short anyway, and the line patterns then stay cheap on hostile input.
  let text = value.slice(0, 20 * MAX_MESSAGE);
  const trace = DOTNET_TRACE.exec(text);
  if (trace !== null) text = text.slice(0, trace.index);
  text = text
    .split(/\r?\n/)
    .filter((line) => !STACK_FRAME.test(line))
    .join(" ")
    .replace(INVISIBLE, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function messageOf(error: unknown): string {
  if (typeof error === "string") return cleanMessage(error);
  if (isObject(error) && typeof error.message === "string") return cleanMessage(error.message);
  return "";
}

/** A built-in JavaScript error, from this frame or another one (so not `instanceof`). */
function isScriptError(error: unknown): error is Error {
  return Object.prototype.toString.call(error) === "[object Error]" && SCRIPT_ERRORS.has(String((error as Error).name));
}

/** An HTTP status worth showing: an integer 100-599; anything else (NaN, 0, 700, "500") is no status. */
function httpStatus(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;
}
