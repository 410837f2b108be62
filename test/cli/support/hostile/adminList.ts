/** The Power Platform admin API's environment list for the hostile tests: paged, with faults a test injects. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FinOpsLink } from "./dataverse";
import { json } from "./replies";
import type { Route } from "./server";
import { refuseUnlessValid, type TokenBook } from "./tokens";

/**
 * The Power Platform admin API's environment list, `pageSize` per page; `fault(page, attempt)` may answer instead.
 * An entry with `finOps` carries the admin center's `linkedAppMetadata` (type Linked) for it; one without shows no
 * F&O link.
 */
export function adminList(
  environments: Array<{
    name: string;
    instanceUrl: string | null;
    finOps?: FinOpsLink;
    /** `linkedEnvironmentMetadata.instanceUrl` exactly as given (no slash added): slightly-off inputs. */
    rawInstanceUrl?: string;
  }>,
  options: {
    book: TokenBook;
    pageSize: number;
    fault?: (page: number, attempt: number, response: ServerResponse, request: IncomingMessage) => boolean;
  },
): Route {
  const attempts = new Map<number, number>();
  return (exchange, response, request) => {
    if (exchange.path !== "/bap/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments") return false;
    if (refuseUnlessValid(options.book, exchange, response)) return true;
    const skip = Number(exchange.query.get("$skiptoken") ?? "0");
    const page = skip / options.pageSize + 1;
    const attempt = (attempts.get(page) ?? 0) + 1;
    attempts.set(page, attempt);
    if (options.fault?.(page, attempt, response, request) === true) return true;
    const origin = `${"encrypted" in request.socket ? "https" : "http"}://${exchange.headers.host ?? "127.0.0.1"}`;
    const next =
      skip + options.pageSize < environments.length
        ? `${origin}${exchange.path}?api-version=2020-10-01&$skiptoken=${skip + options.pageSize}`
        : undefined;
    const value = environments.slice(skip, skip + options.pageSize).map((e) => ({
      name: e.name,
      properties: {
        displayName: e.name,
        ...(e.rawInstanceUrl !== undefined
          ? { linkedEnvironmentMetadata: { instanceUrl: e.rawInstanceUrl } }
          : e.instanceUrl === null
            ? {}
            : { linkedEnvironmentMetadata: { instanceUrl: `${e.instanceUrl}/` } }),
        ...(e.finOps === undefined
          ? {}
          : { linkedAppMetadata: { type: "Linked", id: e.finOps.Id, url: `${e.finOps.Url}/` } }),
      },
    }));
    return json(response, 200, next === undefined ? { value } : { value, nextLink: next });
  };
}
