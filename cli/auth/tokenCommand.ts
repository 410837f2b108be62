import { exec } from "node:child_process";
import { jwtExpiry, SignInFailure, type TokenProvider } from "./tokenSource";

const TIMEOUT_MS = 120_000;

/**
 * `--token-command "<cmd>"`: runs the command through the shell for a resource with `{resource}` replaced, and
 * takes the trimmed standard output as the token (e.g. `az account get-access-token --resource {resource} --query
 * accessToken -o tsv`). It runs again when the token is about to expire (a JWT's `exp`), and after a 401 that says
 * it expired. Its stderr is passed through; its stdout (the token) never is.
 */
export function tokenCommand(template: string): TokenProvider {
  return {
    kind: "--token-command",
    canRefresh: true,
    acquire(resource) {
      if (!/^[A-Za-z0-9:/._-]+$/.test(resource))
        return Promise.reject(new SignInFailure(`--token-command: refusing to pass "${resource}" to a shell`));
      const command = template.split("{resource}").join(resource);
      return new Promise((resolve, reject) => {
        exec(command, { timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
          if (stderr.trim() !== "") process.stderr.write(stderr.endsWith("\n") ? stderr : `${stderr}\n`);
          if (error !== null) {
            const why = error.killed
              ? `timed out after ${TIMEOUT_MS / 1000} s`
              : `exited with code ${error.code ?? "?"}`;
            reject(new SignInFailure(`--token-command ${why} for ${resource}`));
            return;
          }
          const token = stdout.trim();
          if (token === "" || /\s/.test(token))
            reject(new SignInFailure(`--token-command printed no single token for ${resource}`));
          else {
            const expiresOnMs = jwtExpiry(token);
            resolve(expiresOnMs === undefined ? { accessToken: token } : { accessToken: token, expiresOnMs });
          }
        });
      });
    },
  };
}
