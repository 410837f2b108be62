import type { IncomingMessage, ServerResponse } from "node:http";
import type { EnvironmentState } from "../../emulator/environments";
import { HOME_TENANT, linkedAppOf } from "../../emulator/tenants";
import { capacityOf } from "./readiness";
import { bearer, refuseToken, send, type TokenBook } from "./replies";

export const ADMIN_PATH = "/bap/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments";

/**
 * The Power Platform admin API's environment list (api-version 2020-10-01), `pageSize` environments a page with a
 * `nextLink`: per environment the display name, SKU, tenant, runtime state, Dataverse instance URL and state, and
 * the F&O link (`linkedAppMetadata`), the fields docs/link-audit.md compares.
 */
export function adminList(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: {
    book: TokenBook;
    environments: EnvironmentState[];
    envOrigin(name: string): string | undefined;
    pageSize: number;
    counters: { adminPages: number };
  },
): void {
  const { book } = context;
  if (refuseToken(response, bearer(request), book)) return;
  if (book.nonAdmin.has(bearer(request) ?? "")) {
    return send(response, 403, {
      error: {
        code: "Forbidden",
        message: "The caller does not have permission to perform the action 'list environments' at the admin scope.",
      },
    });
  }
  if (url.searchParams.get("api-version") !== "2020-10-01") {
    return send(response, 400, {
      error: { code: "MissingApiVersionParameter", message: "The api-version query parameter is required." },
    });
  }
  context.counters.adminPages++;
  const skip = Number(url.searchParams.get("$skiptoken") ?? "0");
  const withCapacity = url.searchParams.get("$expand") === "properties.capacity";
  const all = context.environments;
  const page = all.slice(skip, skip + context.pageSize).map(({ spec }) => {
    const linkedApp = linkedAppOf(spec);
    return {
      id: `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/${spec.name}`,
      name: spec.name,
      type: "Microsoft.BusinessAppPlatform/scopes/environments",
      location: "unitedstates",
      properties: {
        displayName: spec.displayName ?? spec.name,
        tenantId: spec.tenantId ?? HOME_TENANT,
        environmentSku: spec.sku ?? (spec.withoutDataverse === true ? "Teams" : "Production"),
        provisioningState: spec.provisioningState ?? "Succeeded",
        states: {
          management: { id: spec.managementState ?? "Ready" },
          runtime: { id: spec.runtimeState ?? "Enabled" },
        },
        ...(withCapacity ? { capacity: capacityOf(spec) } : {}),
        ...(spec.withoutDataverse === true
          ? {}
          : {
              linkedEnvironmentMetadata: {
                instanceUrl: `${context.envOrigin(spec.name)}/${spec.instanceUrlSuffix ?? ""}`,
                instanceState: spec.instanceState ?? "Ready",
                version: "9.2.25111.180",
              },
            }),
        ...(linkedApp === null ? {} : { linkedAppMetadata: linkedApp }),
      },
    };
  });
  const origin = book.origin();
  const next =
    skip + context.pageSize < all.length
      ? `${origin}${ADMIN_PATH}?api-version=2020-10-01${withCapacity ? "&$expand=properties.capacity" : ""}&$skiptoken=${skip + context.pageSize}`
      : undefined;
  send(response, 200, next === undefined ? { value: page } : { value: page, nextLink: next });
}
