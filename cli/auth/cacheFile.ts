import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { ICachePlugin, TokenCacheContext } from "@azure/msal-node";

/** Where the device-code sign-in keeps MSAL's token cache unless `--token-cache` says otherwise. */
export function defaultCachePath(): string {
  return join(homedir(), ".finops-link", "msal-cache.json");
}

/**
 * MSAL's cache on disk, readable by the user alone: the folder 0700, the file 0600 (written to a 0600 temporary file
 * and renamed, so no moment exists where others could read it). The only place a token is ever written.
 */
export function fileCachePlugin(path: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        return; // no cache yet: the first sign-in writes it
      }
      chmodSync(path, 0o600); // an older copy that others could read is closed first
      context.tokenCache.deserialize(text);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, context.tokenCache.serialize(), { mode: 0o600 });
      chmodSync(temporary, 0o600); // the umask cannot widen it, but a pre-existing file kept its mode
      renameSync(temporary, path);
    },
  };
}
