import { oneLine, RunFailure } from "../failures";
import {
  ConnectionFailure,
  retryAfterMs,
  TimeoutFailure,
  type Bearer,
  type HttpAnswer,
  type HttpClient,
} from "../http";
import { readListedEnvironment, type ListedEnvironment } from "./adminView";
import { httpWords } from "./solutionRow";

export type { ListedEnvironment } from "./adminView";

const ENVIRONMENTS_PATH =
  "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2020-10-01&$expand=properties.capacity";
/** A tenant with more pages than this is a nextLink loop, not a tenant. */
const MAX_PAGES = 1000;
/**
 * A page that failed transiently (5xx, reset, timeout) is asked again `--retries` times, after 0.5, 1, 2, 4, 8, 8 … s:
 * doubling, at most 8 s, so `--retries 10` waits about a minute per page, not eight.
 */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

export interface Listing {
  environments: ListedEnvironment[];
  /** Why the list stopped before its last page (after the retries): the environments listed are still checked. */
  incomplete?: string;
}

/** A page that may succeed when asked again: no answer, a time-out, or a server error. */
class TransientPageFailure extends Error {}
/** A page that will not: a redirect, an oversized answer. */
class PageFailure extends Error {}

/**
 * Every environment the signed-in admin can see, from the Power Platform admin API, following nextLink. The token
 * goes only to the admin API's own origin. A page that fails transiently is retried with backoff, as often as
 * `--retries` says (HttpClient.maxRetries); when paging still fails, the environments listed so far are returned with
 * the reason (`incomplete`). A refused sign-in (401) or a user who is no admin (403) ends the run (RunFailure): nothing
 * could be listed. `onPage` is told each page's environments as soon as the page is read (the run starts checking them
 * while the next page is fetched).
 */
export async function listEnvironments(
  adminApi: string,
  http: HttpClient,
  token: Bearer,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onPage: (environments: ListedEnvironment[]) => void = () => undefined,
): Promise<Listing> {
  const base = adminApi.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const environments: ListedEnvironment[] = [];
  let next: string | undefined = `${base}${ENVIRONMENTS_PATH}`;
  let page = 1;
  // Nothing listed yet: the run cannot go on (one line, exit 2); otherwise what was listed is checked.
  const stop = (reason: string): Listing => {
    if (page === 1) throw new RunFailure(reason);
    return { environments, incomplete: reason };
  };
  for (; next !== undefined; page++) {
    const where = `page ${page} of the environment list`;
    if (page > MAX_PAGES) return stop(`the admin API's nextLink did not end after ${MAX_PAGES} pages`);
    if (new URL(next).origin !== origin)
      return stop(
        `the admin API's nextLink on page ${page - 1} points to another host (${new URL(next).host}): not followed`,
      );
    let answer: HttpAnswer | undefined;
    for (let attempt = 0; answer === undefined; attempt++) {
      try {
        answer = await askPage(http, next, token, origin);
      } catch (error) {
        if (error instanceof PageFailure) return stop(`${where}: ${error.message}`);
        if (!(error instanceof TransientPageFailure)) throw error;
        if (attempt >= http.maxRetries)
          return stop(
            `${where}: ${error.message} (${http.maxRetries > 0 ? `asked ${http.maxRetries + 1} times` : "asked once: --retries 0"})`,
          );
        const wait = Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
        http.announceWait(`${where}: ${error.message}`, wait);
        await sleep(wait);
      }
    }
    let body: { value?: unknown; nextLink?: unknown };
    try {
      body = JSON.parse(answer.text) as typeof body;
    } catch {
      return stop(`${where}: the admin API answered with something that is not JSON`);
    }
    if (!Array.isArray(body.value)) return stop(`${where}: the admin API's answer has no environment list (value)`);
    const listed = (body.value as unknown[]).map(readListedEnvironment);
    environments.push(...listed);
    onPage(listed);
    next = typeof body.nextLink === "string" && body.nextLink !== "" ? body.nextLink : undefined;
  }
  return { environments };
}

/** One page: the answer, a RunFailure for 401/403, or a TransientPageFailure worth asking again. */
async function askPage(http: HttpClient, url: string, token: Bearer, origin: string): Promise<HttpAnswer> {
  let answer: HttpAnswer;
  try {
    answer = await http.send(url, { token });
  } catch (error) {
    if ((error instanceof ConnectionFailure && error.offline) || error instanceof TimeoutFailure)
      throw new TransientPageFailure(`the admin API (${origin}) did not answer: ${oneLine(error)}`);
    throw new PageFailure(`the admin API (${origin}): ${oneLine(error)}`); // a redirect, an oversized answer
  }
  if (answer.status === 401) {
    const said = /error_description="([^"]*)"/.exec(answer.headers.get("www-authenticate") ?? "")?.[1];
    throw new RunFailure(
      `the admin API refused the sign-in (HTTP 401): ${said ?? `the token is expired or not for ${origin}`}`,
    );
  }
  if (answer.status === 403)
    throw new RunFailure(
      `--all needs a Power Platform or Dynamics 365 administrator: the admin API answered ${httpWords(answer.status, answer.text)}`,
    );
  // 429 and 503 with Retry-After were retried by the HttpClient already, --retries times: not again here (that would
  // square the retries), and not the end of the run either: the environments listed so far are still checked.
  if (answer.status === 429 || (answer.status === 503 && retryAfterMs(answer.headers.get("retry-after")) !== undefined))
    throw new PageFailure(
      `the admin API answered ${httpWords(answer.status, answer.text)} (its Retry-After waits used up)`,
    );
  if (answer.status >= 500 || answer.status === 408)
    throw new TransientPageFailure(`the admin API answered ${httpWords(answer.status, answer.text)}`);
  if (!answer.ok) throw new RunFailure(`the admin API answered ${httpWords(answer.status, answer.text)}`);
  return answer;
}
