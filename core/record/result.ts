import type { IntegrationResult } from "../result";
import type { RecordTarget } from "./url";

/** The link check's failure kinds, reused for the record's requests (errors.ts classifies both alike). */
export type RecordFailure = Extract<IntegrationResult, { kind: "unauthorized" | "forbidden" | "offline" | "failed" }>;

/**
 * The record link's answer. Never thrown; every kind has words (core/strings/words.ts).
 * - found: the target; `fromCache` when no request was made.
 * - unsaved: a new row, with no id yet.
 * - missingValue: this row has no usable value in `column` (a match column, or the company setting's column).
 * - noMatch / manyMatches: the virtual table has no row, or more than one, for this row's values (never a guess);
 *   `company` is the company searched in, when known, for a company-level link.
 * - notEnabled: the virtual table `table` does not exist here (no metadata, or the Web API's not-found answer).
 * - unavailable: a request failed as the link check's requests fail (no permission, offline, time-out, other).
 */
export type RecordResult =
  | { kind: "found"; target: RecordTarget; fromCache: boolean }
  | { kind: "unsaved" }
  | { kind: "missingValue"; column: string; company?: string }
  | { kind: "noMatch"; company?: string }
  | { kind: "manyMatches"; company?: string }
  | { kind: "notEnabled"; table: string }
  | { kind: "unavailable"; table: string; failure: RecordFailure };

export type RecordResultKind = RecordResult["kind"];
