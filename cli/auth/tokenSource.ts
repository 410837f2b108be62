import type { Bearer } from "../http";

/** Where access tokens come from; one token per resource (a Dataverse URL, or the admin API's resource). */
export interface TokenSource {
  /** Short description for messages ("--access-token", "client credentials", …): never the token. */
  readonly kind: string;
  /** A token for the resource that is not about to expire (acquired again when it is). */
  token(resource: string): Promise<string>;
  /**
   * After the server said `stale` expired: a newly acquired token (once, shared by concurrent callers), or undefined
   * when the source cannot give another.
   */
  refresh(resource: string, stale: string): Promise<string | undefined>;
}

/** One acquisition: the token, and when it expires (ms since the epoch) when the source knows. */
export interface AcquiredToken {
  accessToken: string;
  expiresOnMs?: number;
}

/**
 * What a sign-in can do: acquire a token, from its own cache unless `force` (after the server said `stale`, a token
 * it gave, expired).
 */
export interface TokenProvider {
  readonly kind: string;
  /** False for a fixed token: asking again gives the same one. */
  readonly canRefresh: boolean;
  acquire(resource: string, force: boolean, stale?: string): Promise<AcquiredToken>;
}

/** Acquire again this long before a token expires: 5 min (MSAL's own margin), or a quarter of a short lifetime. */
const MARGIN_MS = 5 * 60_000;

interface Entry {
  pending: Promise<AcquiredToken>;
  acquiredAt: number;
  settled?: AcquiredToken;
  /** The stale token a forced acquisition replaces: concurrent refreshes of it share this one. */
  replaces?: string;
}

/**
 * Tokens per resource, shared by every environment that needs the same one (concurrent callers share one
 * acquisition), acquired again when about to expire: a run longer than a token's lifetime keeps working. After a
 * 401 that says "expired", `refresh` forces one new acquisition (MSAL: skipping its cache; a command: run again).
 */
export function freshPerResource(provider: TokenProvider, now: () => number = Date.now): TokenSource {
  const entries = new Map<string, Entry>();
  const start = (resource: string, force: boolean, replaces?: string): Entry => {
    const entry: Entry = { pending: provider.acquire(resource, force, replaces), acquiredAt: now(), replaces };
    entry.pending.then(
      (token) => (entry.settled = token),
      () => entries.get(resource) === entry && entries.delete(resource), // a failure is not kept: ask again next time
    );
    entries.set(resource, entry);
    return entry;
  };
  const fresh = (entry: Entry): boolean => {
    const expires = entry.settled?.expiresOnMs;
    if (entry.settled === undefined || expires === undefined) return true; // in flight, or lifetime unknown
    const margin = Math.min(MARGIN_MS, (expires - entry.acquiredAt) / 4);
    return now() < expires - margin;
  };
  return {
    kind: provider.kind,
    async token(resource) {
      const entry = entries.get(resource);
      return (await (entry !== undefined && fresh(entry) ? entry : start(resource, false)).pending).accessToken;
    },
    async refresh(resource, stale) {
      if (!provider.canRefresh) return undefined;
      let entry = entries.get(resource);
      if (entry !== undefined && entry.replaces !== stale) {
        const current = await entry.pending.catch(() => undefined);
        if (current !== undefined && current.accessToken !== stale) return current.accessToken; // refreshed already
        entry = entries.get(resource);
      }
      if (entry === undefined || entry.replaces !== stale) entry = start(resource, true, stale);
      return (await entry.pending).accessToken;
    },
  };
}

/**
 * `tokens` for one short command (check, doctor), where a failed sign-in is an environment's answer, not a transient
 * fault: the same error is given again for that resource instead of signing in again (a second device-code prompt,
 * a token command run twice). The link audit asks the first environment's token ahead of the admin API's
 * (cli/check/runCheck.ts) and doctor asks it again for its own sections, so without this one failed sign-in would be
 * asked two or three times. A token that was acquired is still renewed before it expires, and refreshed after a 401.
 */
export function failedSignInsKept(tokens: TokenSource): TokenSource {
  const failed = new Map<string, unknown>();
  return {
    kind: tokens.kind,
    async token(resource) {
      if (failed.has(resource)) throw failed.get(resource);
      try {
        return await tokens.token(resource);
      } catch (error) {
        failed.set(resource, error);
        throw error;
      }
    },
    refresh: (resource, stale) => tokens.refresh(resource, stale),
  };
}

/** The Bearer an HttpClient request carries for one resource. */
export function bearerFor(tokens: TokenSource, resource: string): Bearer {
  let last: string | undefined;
  return {
    token: async () => (last = await tokens.token(resource)),
    refresh: async () => {
      if (last === undefined) return undefined;
      const fresh = await tokens.refresh(resource, last);
      if (fresh !== undefined) last = fresh;
      return fresh;
    },
  };
}

/** `--access-token` / FINOPS_ACCESS_TOKEN: one token, used for whatever resource is asked. */
export function staticToken(token: string): TokenSource {
  return freshPerResource({ kind: "--access-token", canRefresh: false, acquire: async () => ({ accessToken: token }) });
}

/**
 * A sign-in problem: reported as one line naming the source, never with the token. `state` is what it makes of an
 * environment: refused by Entra (unauthorized, the default), the sign-in host unreachable (offline), or an answer
 * that is not one (failed: a redirect, an oversized answer).
 */
export class SignInFailure extends Error {
  override readonly name = "SignInFailure";
  constructor(
    message: string,
    readonly state: "unauthorized" | "offline" | "failed" = "unauthorized",
  ) {
    super(message);
  }
}
