import { UsageError } from "../failures";
import { CONNECTIONS_PER_SCOPE, HttpClient } from "../http";
import { checkProxySettings, createDispatcher, proxySettings } from "./agent";
import { formatSeconds } from "./send";

/** A wait the server asks for that is longer than this is said on stderr, so a quiet run is not taken for a hang. */
export const SAY_WAITS_ABOVE_MS = 3000;

/**
 * The network of one run, from the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case) and the options:
 * the HttpClient for Dataverse and the admin API, and the dispatcher MSAL's sign-in requests use. A proxy URL that is
 * not one is a usage error.
 */
export function runNetwork(
  env: NodeJS.ProcessEnv,
  options: { timeoutMs: number; retries: number },
  say: (line: string) => void,
) {
  const settings = proxySettings(env);
  const problem = checkProxySettings(settings);
  if (problem !== undefined) throw new UsageError(problem);
  const http = new HttpClient({
    timeoutMs: options.timeoutMs,
    maxRetries: options.retries,
    maxRetryWaitMs: 120_000,
    dispatcher: () => createDispatcher(settings, CONNECTIONS_PER_SCOPE),
    onWait: (what, ms) => {
      if (ms > SAY_WAITS_ABOVE_MS) say(`finops-link: ${what}: asking again in ${formatSeconds(ms)}`);
    },
  });
  return { http, signInDispatcher: createDispatcher(settings) };
}
