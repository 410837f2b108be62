import { classifyFailure, toHexCode } from "../errors";
import { isObject, odataError } from "../transports/transport";
import type { RecordFailure } from "./result";

/** What a timed-out request rejects with (the call itself is left to finish unheard). */
export class TimedOut {
  constructor(readonly seconds: number) {}
}

/**
 * Dataverse's "it does not exist" codes: ResourceNotFound for an entity set (0x80060888, "Resource not found for the
 * segment"), the same for an unknown segment (0x8006088a), ObjectDoesNotExist (0x80040217, "Could not find entity"),
 * and the metadata cache's miss (0x80041102, "The entity with a name = 'x' with namemapping = 'Logical' was not found
 * in the MetadataCache"), which hosts that read metadata through the organization service give.
 */
const NOT_FOUND_CODES = new Set(["0x80060888", "0x8006088a", "0x80040217", "0x80041102"]);
const NOT_FOUND_WORDS = /not found for the segment|could not find (?:an? )?entity|not found in the metadatacache/i;

/**
 * Whether a metadata or virtual-table call failed because the table is not there: HTTP 404, a not-found code, or (for
 * hosts that give only words, as getEntityMetadata may) those words. Never throws.
 */
export function isTableNotFound(error: unknown): boolean {
  try {
    if (!isObject(error) && !(error instanceof Error)) return false;
    const record = error as Record<string, unknown>;
    if ([record.status, record.httpStatus, record.statusCode].includes(404)) return true;
    const raw = odataError(record.raw);
    const code = toHexCode(record.errorCode) ?? toHexCode(record.code) ?? toHexCode(raw.code);
    if (code !== undefined) return NOT_FOUND_CODES.has(code);
    return [record.message, raw.message].some((text) => typeof text === "string" && NOT_FOUND_WORDS.test(text));
  } catch {
    return false;
  }
}

/** Any other failure, as the link check's kinds: a time-out is `failed` with the seconds waited. */
export function recordFailure(error: unknown): RecordFailure {
  if (error instanceof TimedOut) return { kind: "failed", timedOutAfterSeconds: error.seconds };
  const result = classifyFailure(error);
  // notLinked / linked / invalid cannot come from these calls; anything unexpected is a plain failure.
  return result.kind === "unauthorized" ||
    result.kind === "forbidden" ||
    result.kind === "offline" ||
    result.kind === "failed"
    ? result
    : { kind: "failed" };
}
