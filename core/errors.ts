import type { IntegrationResult } from "./result";
import { NetworkFailure, ServiceFailure, isObject, odataError } from "./transports/transport";

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
/** With a server error code present, only words that plainly mean "this device is offline" override the code. */
const OFFLINE_WORDS = /offline|failed to fetch|network ?error/i;
const MAX_MESSAGE = 300;
/** A stack frame line: V8 (`    at f (file.js:1:2)`) or Firefox/Safari (`f@file.js:1:2`). */
const STACK_FRAME = /^\s*at\s.*(?::\d+:\d+\)?|<anonymous>\)?|native\)?)\s*$|^\s*\S*@\S+:\d+:\d+\s*$/;

/** Anything a transport threw or rejected with -> the result kind the user sees. Never throws. */
export function classifyFailure(error: unknown): IntegrationResult {
  if (error instanceof NetworkFailure) return { kind: "offline" };
  if (error instanceof ServiceFailure)
    return classifyCoded(error.status, error.code === undefined ? undefined : toHexCode(error.code), error.message);
  if (
    isObject(error) &&
    ["errorCode", "status", "httpStatus", "statusCode", "code", "raw", "innerror"].some((key) =>
      Object.prototype.hasOwnProperty.call(error, key),
    )
  ) {
    return classifyXrmError(error);
  }
  const message = messageOf(error);
  if (isNamed(error, "TypeError") && NETWORK_WORDS.test(message)) return { kind: "offline" };
  // No words of our own here: describe.ts words a failure without a message in the user's language.
  return message === "" ? { kind: "failed" } : { kind: "failed", message };
}

/** The `Xrm.WebApi` error shape: `{ errorCode, message, code?, raw?, innerror?, status? }`. */
function classifyXrmError(error: Record<string, unknown>): IntegrationResult {
  const rawBody = odataError(error.raw);
  const code = toHexCode(error.errorCode) ?? toHexCode(error.code) ?? toHexCode(rawBody.code);
  const status = [error.status, error.httpStatus, error.statusCode].find(isHttpStatus);
  const innerMessage = isObject(error.innerror) ? error.innerror.message : undefined;
  const message =
    [error.message, rawBody.message, innerMessage].find((m): m is string => typeof m === "string" && m.trim() !== "") ??
    "";
  if (status === 0 || (code === undefined && NETWORK_WORDS.test(message))) return { kind: "offline" };
  if (code !== undefined && OFFLINE_WORDS.test(message) && !FORBIDDEN_CODES.has(code) && code !== NOT_LINKED_CODE) {
    return { kind: "offline" };
  }
  return classifyCoded(status, code, message);
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

/** A message fit for the screen: first lines only (never a stack trace), no control characters, bounded length. */
export function cleanMessage(value: unknown): string {
  if (typeof value !== "string") return "";
  // Bounded first: what is shown is short anyway, and the line patterns then stay cheap on hostile input.
  const lines = value
    .slice(0, 20 * MAX_MESSAGE)
    .split(/\r?\n/)
    .filter((line) => !STACK_FRAME.test(line));
  const text = lines
    .join(" ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function messageOf(error: unknown): string {
  try {
    if (typeof error === "string") return cleanMessage(error);
    if (isObject(error) && typeof error.message === "string") return cleanMessage(error.message);
    if (error instanceof Error) return cleanMessage(error.message);
  } catch {
    // a hostile object (throwing getter): say nothing rather than break
  }
  return "";
}

function isNamed(error: unknown, name: string): boolean {
  try {
    return error instanceof Error && error.name === name;
  } catch {
    return false;
  }
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 600;
}
