/**
 * The stored answer: `finopslink:v1:result:<org origin>|<user id>` -> `{ v: 1, org, user, savedAt, result }` in
 * sessionStorage (per tab, per origin, gone when the tab closes), holding the last linked or notLinked answer. Errors
 * are never stored. Fresh for the TTL; after that only read as `lastKnown` (a linked answer shown, marked as such,
 * while offline). An entry whose JSON, version, org/user or timestamp does not check out (corrupt, foreign, dated in
 * the future) is ignored, and stored details pass through parse.ts exactly as a server answer does, so a tampered
 * entry never yields a link that Dataverse could not have produced.
 */
import type { StorageLike } from "../options";
import { parseDetails } from "../parse";
import type { IntegrationResult, LinkedDetails } from "../result";
import { isObject } from "../transports/transport";
import { GuardedJson } from "../storage";
import { KEY_PREFIX, isPastTimestamp, type CacheScope } from "./scope";

type StoredResult = { kind: "linked"; details: LinkedDetails } | { kind: "notLinked" };

export class StoredAnswer {
  private readonly slot: GuardedJson;

  constructor(
    storage: StorageLike | null,
    private readonly scope: CacheScope,
    private readonly now: () => number,
  ) {
    this.slot = new GuardedJson(storage, `${KEY_PREFIX}result:${scope.id}`);
  }

  /** A fresh answer (saved within ttlMs, and not before `since`), marked fromCache. */
  fresh(ttlMs: number, since = Number.NEGATIVE_INFINITY): IntegrationResult | undefined {
    const entry = this.read();
    if (entry === undefined) return undefined;
    if (!(this.now() - entry.savedAt < ttlMs) || entry.savedAt < since) return undefined;
    return entry.result.kind === "linked"
      ? { kind: "linked", details: entry.result.details, fromCache: true }
      : { kind: "notLinked", fromCache: true };
  }

  /** The last linked answer this tab saw, however old: what the offline state may show. */
  lastKnown(): LinkedDetails | undefined {
    const entry = this.read();
    return entry?.result.kind === "linked" ? entry.result.details : undefined;
  }

  /** Stores linked / notLinked answers; anything else is left out (errors are never shared). */
  write(result: IntegrationResult): void {
    if (result.kind !== "linked" && result.kind !== "notLinked") return;
    const stored =
      result.kind === "linked"
        ? { kind: "linked", details: result.details, fromCache: false }
        : { kind: "notLinked", fromCache: false };
    const { org, user } = this.scope;
    this.slot.write(() => ({ v: 1, org, user, savedAt: this.now(), result: stored }));
  }

  private read(): { savedAt: number; result: StoredResult } | undefined {
    const value = this.slot.read();
    if (!isObject(value) || value.v !== 1 || value.org !== this.scope.org || value.user !== this.scope.user)
      return undefined;
    if (!isPastTimestamp(value.savedAt, this.now())) return undefined;
    const result = readResult(value.result);
    return result === undefined ? undefined : { savedAt: value.savedAt, result };
  }
}

function readResult(value: unknown): StoredResult | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === "notLinked") return { kind: "notLinked" };
  if (value.kind !== "linked" || !isObject(value.details)) return undefined;
  const { url, tenantId, environmentId, extra } = value.details;
  if (!isObject(extra)) return undefined;
  // Back into the server's shape, so the one parser decides (the known fields last: extra cannot override them).
  const parsed = parseDetails({ ...extra, Url: url, TenantId: tenantId, Id: environmentId });
  return parsed.kind === "linked" ? { kind: "linked", details: parsed.details } : undefined;
}
