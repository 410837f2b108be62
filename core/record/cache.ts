import { cacheScope, isPastTimestamp, KEY_PREFIX } from "../cache/scope";
import type { StorageLike } from "../options";
import { GuardedJson } from "../storage";
import { isObject } from "../transports/transport";
import type { RecordTarget } from "./url";
import { isCompanyCode, isLogicalName, rowId } from "./names";

/**
 * A found record, per org, user, row and settings: `finopslink:v1:record:<org>|<user>|<table>|<id>|<settings>` ->
 * `{ v: 1, savedAt, target }` in sessionStorage, fresh for the cache time. Only found records are kept (like the link
 * check keeps only real answers): a row that is not synchronized yet is asked about again on the next load. A stored
 * target is checked as a server answer is, so a tampered entry never becomes a link F&O would not be given.
 */
export class StoredRecord {
  private readonly slot: GuardedJson;

  constructor(
    storage: StorageLike | null,
    key: { orgUrl: string; userId: string; table: string; id: string; settings: string },
    private readonly now: () => number,
  ) {
    this.slot = new GuardedJson(
      storage,
      `${KEY_PREFIX}record:${cacheScope(key.orgUrl, key.userId).id}|${key.table}|${key.id}|${key.settings}`,
    );
  }

  fresh(ttlMs: number): RecordTarget | undefined {
    const value = this.slot.read();
    if (!isObject(value) || value.v !== 1 || !isPastTimestamp(value.savedAt, this.now())) return undefined;
    if (!(this.now() - value.savedAt < ttlMs) || !isObject(value.target)) return undefined;
    const { cmp, entityName, entityGuid } = value.target;
    const guid = rowId(entityGuid);
    return isCompanyCode(cmp) && isLogicalName(entityName) && guid !== undefined
      ? { cmp, entityName, entityGuid: guid }
      : undefined;
  }

  write(target: RecordTarget): void {
    this.slot.write(() => ({ v: 1, savedAt: this.now(), target }));
  }
}
