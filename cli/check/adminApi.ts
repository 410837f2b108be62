import { oneLine, RunFailure } from "../failures";
import type { HttpClient } from "../http";
import { readListedEnvironment, type ListedEnvironment } from "./adminView";
import { httpWords } from "./solutionRow";

export type { ListedEnvironment } from "./adminView";

const ENVIRONMENTS_PATH = "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2020-10-01";
/** A tenant with more pages than this is a nextLink loop, not a tenant. */
const MAX_PAGES = 1000;

/**
 * Every environment the signed-in admin can see, from the Power Platform admin API, following nextLink. The token
 * goes only to the admin API's own origin: a nextLink elsewhere ends the run rather than receive it.
 */
export async function listEnvironments(
  adminApi: string,
  http: HttpClient,
  token: string,
): Promise<ListedEnvironment[]> {
  const base = adminApi.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const environments: ListedEnvironment[] = [];
  let next: string | undefined = `${base}${ENVIRONMENTS_PATH}`;
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES) throw new RunFailure(`the admin API's nextLink did not end after ${MAX_PAGES} pages`);
    if (new URL(next).origin !== origin)
      throw new RunFailure(`the admin API's nextLink points to another host (${new URL(next).host}): stopped`);
    let answer;
    try {
      answer = await http.send(next, { token });
    } catch (error) {
      throw new RunFailure(`the admin API (${origin}) did not answer: ${oneLine(error)}`);
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
    if (!answer.ok) throw new RunFailure(`the admin API answered ${httpWords(answer.status, answer.text)}`);
    let body: { value?: unknown; nextLink?: unknown };
    try {
      body = JSON.parse(answer.text) as typeof body;
    } catch {
      throw new RunFailure("the admin API answered with something that is not JSON");
    }
    if (!Array.isArray(body.value)) throw new RunFailure("the admin API's answer has no environment list (value)");
    for (const item of body.value as unknown[]) environments.push(readListedEnvironment(item));
    next = typeof body.nextLink === "string" && body.nextLink !== "" ? body.nextLink : undefined;
  }
  return environments;
}
