import { exec } from "node:child_process";
import { SignInFailure, type AcquiredToken, type TokenProvider } from "./tokenSource";

const TIMEOUT_MS = 120_000;

/**
 * `--token-command "<cmd>"`: runs the command through the shell for a resource with `{resource}` replaced, and
 * takes the trimmed standard output as the token (e.g. `az account get-access-token --resource {resource} --query
 * accessToken -o tsv`). It runs once per command line it expands to (once per resource with `{resource}`, once per
 * run without), and again only after a 401 that says its token expired (`force`): not on the token's own `exp`, since
 * a command that hands out a cached token (az does, until minutes before it expires) would then run for every
 * request. Its stderr is passed through; its stdout (the token) never is.
 */
export function tokenCommand(template: string): TokenProvider {
  /** Runs by the command line they ran, shared by every resource it serves; `replaces`: the token a forced run renews. */
  const runs = new Map<string, { pending: Promise<AcquiredToken>; replaces?: string }>();
  return {
    kind: "--token-command",
    canRefresh: true,
    async acquire(resource, force, stale) {
      if (!/^[A-Za-z0-9:/._-]+$/.test(resource))
        throw new SignInFailure(`--token-command: refusing to pass "${resource}" to a shell`);
      const command = template.split("{resource}").join(resource);
      const known = runs.get(command);
      if (known !== undefined) {
        if (!force || (stale !== undefined && known.replaces === stale)) return known.pending;
        // Several resources refused the one token of a shared command: the first refusal runs it again.
        const current = await known.pending.catch(() => undefined);
        if (current !== undefined && stale !== undefined && current.accessToken !== stale) return current;
        if (runs.get(command) !== known) return this.acquire(resource, force, stale);
      }
      const entry = { pending: run(command, resource), ...(force && stale !== undefined ? { replaces: stale } : {}) };
      runs.set(command, entry);
      entry.pending.catch(() => runs.get(command) === entry && runs.delete(command)); // a failure: ask again next time
      return entry.pending;
    },
  };
}

function run(command: string, resource: string): Promise<AcquiredToken> {
  return new Promise((resolve, reject) => {
    exec(command, { timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (stderr.trim() !== "") process.stderr.write(stderr.endsWith("\n") ? stderr : `${stderr}\n`);
      if (error !== null) {
        const why = error.killed ? `timed out after ${TIMEOUT_MS / 1000} s` : `exited with code ${error.code ?? "?"}`;
        reject(new SignInFailure(`--token-command ${why} for ${resource}`));
        return;
      }
      const token = stdout.trim();
      if (token === "" || /\s/.test(token))
        reject(new SignInFailure(`--token-command printed no single token for ${resource}`));
      else resolve({ accessToken: token }); // no expiry: kept until a server says it expired
    });
  });
}
