import type { StorageLike } from "./options";

/**
 * The page's sessionStorage where this page may touch it, else null. Reading the property itself throws
 * SecurityError in sandboxed frames and some privacy modes, so it is read inside a try. The one safe accessor: the
 * client's cache and the form script's global notifications both use it.
 */
export function sessionStorageOrNull(): StorageLike | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** A storage the host handed in (null: no caching), or the page's sessionStorage when the host said nothing. */
export function storageFrom(option: StorageLike | null | undefined): StorageLike | null {
  return option === undefined ? sessionStorageOrNull() : option;
}

/**
 * Reads and writes JSON under one key of a storage: a storage that throws (quota, a locked-down frame), or text that is
 * not JSON, reads as nothing and writes nothing, never an error. The cache's entry and marker both go through it.
 */
export class GuardedJson {
  constructor(
    private readonly storage: StorageLike | null,
    readonly key: string,
  ) {}

  read(): unknown {
    if (this.storage === null) return undefined;
    try {
      const text = this.storage.getItem(this.key);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  }

  /** Writes `value()` (serialised inside the guard, so an unserialisable value is simply not stored). */
  write(value: () => unknown): void {
    if (this.storage === null) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(value()));
    } catch {
      // quota exceeded, storage refused, or not serialisable: run uncached
    }
  }

  remove(): void {
    if (this.storage === null) return;
    try {
      this.storage.removeItem(this.key);
    } catch {
      // storage refused: a marker then goes stale on its own
    }
  }
}
