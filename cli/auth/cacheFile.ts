import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { ICachePlugin, TokenCacheContext } from "@azure/msal-node";
import { SignInFailure } from "./tokenSource";

/** Where the device-code sign-in keeps MSAL's token cache unless `--token-cache` says otherwise. */
export function defaultCachePath(): string {
  return join(homedir(), ".finops-link", "msal-cache.json");
}

/**
 * MSAL's cache on disk, readable by the user alone, the only place a token is ever written:
 * - its folder is created 0700, and closed to 0700 when it is the user's; a folder of someone else's that others
 *   may write to, or a shared sticky one such as /tmp, is refused (anyone could swap the file);
 * - the file is opened without following a symbolic link, must be a regular file of the user's, and is closed to
 *   0600 before it is read;
 * - it is written to a temporary file created exclusively (O_EXCL, no symlink followed) under an unguessable name,
 *   0600, then renamed over the cache;
 * - a cache that cannot be read (corrupt, truncated) is said once, in one line naming the file (never its bytes),
 *   and the sign-in starts afresh, replacing it;
 * - a cache that cannot be written (rename refused: EPERM where another process holds the file, ENOSPC, EROFS, an
 *   immutable file) costs one warning and nothing else: the sign-in that succeeded is used, the temporary file is
 *   removed (it holds tokens), and the next run signs in again. MSAL calls afterCacheAccess in a `finally`, so a
 *   throw there would replace the sign-in's result with this error.
 * A refusal is a local cause (state `failed`), never said as Entra refusing the sign-in.
 */
export function fileCachePlugin(path: string, say: (line: string) => void): ICachePlugin {
  let corruptSaid = false;
  let unwritableSaid = false;
  /** What could not be written: this run keeps using it (in memory only) instead of the file's older state. */
  let unwritten: string | undefined;
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      if (unwritten !== undefined) {
        context.tokenCache.deserialize(unwritten);
        return;
      }
      guardFolder(path, false);
      const text = readCache(path);
      if (text === undefined) return; // no cache yet: the first sign-in writes it
      try {
        context.tokenCache.deserialize(text);
      } catch {
        if (!corruptSaid) say(`finops-link: the token cache ${path} is not readable (corrupt): signing in afresh`);
        corruptSaid = true;
        // MSAL keeps the text it was given and merges it into what it writes next: give it an empty cache instead.
        context.tokenCache.deserialize("{}");
      }
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      const text = context.tokenCache.serialize();
      try {
        guardFolder(path, true);
        writeCache(path, text);
        unwritten = undefined;
      } catch (error) {
        unwritten = text;
        if (!unwritableSaid)
          say(
            `finops-link: warning: the token cache ${path} ${cannotWrite(error)}: this run goes on signed in; the next one asks to sign in again`,
          );
        unwritableSaid = true;
      }
    },
  };
}

function refuse(path: string, why: string): never {
  throw new SignInFailure(`the token cache ${path} ${why}: refused (--token-cache)`, "failed");
}

/** Why the cache was not written, in words: a refusal's own, or the system's code with what it usually means. */
function cannotWrite(error: unknown): string {
  if (error instanceof SignInFailure) return `was not written (${error.message.replace(/^the token cache \S+ /, "")})`;
  const code = (error as { code?: unknown }).code;
  const meaning: Record<string, string> = {
    EPERM: "another process holds it, or it is read-only or immutable",
    EACCES: "no permission",
    EBUSY: "another process holds it",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the file system is read-only",
    ENAMETOOLONG: "its name is too long",
  };
  const known = typeof code === "string" ? meaning[code] : undefined;
  return `could not be written (${typeof code === "string" ? code : "error"}${known === undefined ? "" : `: ${known}`})`;
}

/** The folder: created 0700 when missing (on write); the user's own closed to 0700; others' open ones refused. */
function guardFolder(path: string, create: boolean): void {
  const folder = dirname(path);
  let stat;
  try {
    stat = statSync(folder);
  } catch {
    if (!create) return;
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return;
  }
  if (!stat.isDirectory()) refuse(path, "is not in a folder");
  const uid = process.getuid?.();
  if (uid === undefined) return; // Windows: ACLs, not modes
  const openToOthers = (stat.mode & 0o022) !== 0;
  // A sticky folder others may write to (/tmp) is shared by design: never closed, never used.
  if (openToOthers && (stat.mode & 0o1000) !== 0) refuse(path, `is in ${folder}, a shared folder others may write to`);
  if (stat.uid === uid) {
    if ((stat.mode & 0o077) !== 0) chmodSync(folder, 0o700);
  } else if (openToOthers) {
    refuse(path, `is in ${folder}, a folder of another user's that others may write to`);
  }
}

/** The cache's text, or undefined when there is none; never through a symlink, never another user's file. */
function readCache(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP" || code === "EMLINK") refuse(path, "is a symbolic link");
    refuse(path, `cannot be read (${code ?? "error"})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse(path, "is not a regular file");
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) refuse(path, "belongs to another user");
    if ((stat.mode & 0o077) !== 0) fchmodSync(fd, 0o600); // an older copy that others could read is closed first
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

function writeCache(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(16).toString("hex")}.tmp`);
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o600,
  );
  try {
    try {
      fchmodSync(fd, 0o600); // the umask cannot widen it; said anyway
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path); // replaces a symlink at `path` itself, never what it points to
  } catch (error) {
    // The temporary file holds an access and a refresh token: it never outlives a failed write.
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
