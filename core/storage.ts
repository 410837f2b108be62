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
