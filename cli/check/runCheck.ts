import pLimit from "p-limit";
import { bearerFor, failedSignInsKept, type TokenSource } from "../auth/tokenSource";
import { oneLine, RunFailure } from "../failures";
import type { HttpClient } from "../http";
import type { Progress } from "../output/progress";
import { environmentUrl, nameOf, type UrlNotice } from "../targets";
import { listEnvironments, type Listing } from "./adminApi";
import type { ListedEnvironment } from "./adminView";
import { checkEnvironment, resourceOf } from "./checkEnvironment";
import { notCheckedReason } from "./findings";
import type { AdminCenterReport, EnvironmentReport } from "./report";
import { tenantCapacityOf, type TenantCapacityReport } from "./tenantCapacity";

/** Where the admin center's view comes from: the admin API base and the resource its token is asked for. */
export interface AdminSource {
  api: string;
  resource: string;
}

export type Targets =
  | { kind: "urls"; urls: string[]; admin: AdminSource | null; dataverseDomain: string }
  | { kind: "all"; admin: AdminSource; dataverseDomain: string };

export interface RunOptions {
  http: HttpClient;
  tokens: TokenSource;
  concurrency: number;
  progress: (total: number) => Progress;
  /** Told when an instance URL with a path is used at its origin. */
  notice?: UrlNotice;
  /** `--name`: which environments to check (by name or URL); the others are left out of the run. */
  select?: (name: string, url: string | null) => boolean;
  /** `--parts` (and doctor): read each environment's installed parts beside the link (parts.ts). */
  parts?: boolean;
  /** The Power Platform API (licensing: the tenant's capacity), read once, when the admin center is compared. */
  powerPlatform?: AdminSource;
}

interface Planned {
  name: string;
  url: string | null;
  adminCenter: AdminCenterReport;
  problem?: string;
}

export interface CheckRun {
  environments: EnvironmentReport[];
  /** --all only: why the environment list stopped early (the environments listed were checked). */
  listingIncomplete?: string;
  /** The tenant's capacity, when the admin center was compared and `powerPlatform` given. */
  capacity?: TenantCapacityReport;
}

/**
 * Checks every environment with at most `concurrency` in flight (each environment's requests run one after the
 * other, so that is also the most requests and sockets open at once), in the order given. With `--all` the admin
 * list is the run's source; with URLs it is fetched too (when `admin` is set) and each URL compared with its entry,
 * and a list the identity may not read only means "not compared". Environments the admin center says are disabled,
 * in admin mode or not ready are listed as `notChecked`, not asked. An environment listed twice is checked once; a
 * list that stopped early (after its retries) is still checked as far as it came, and `listingIncomplete` says why.
 * A sign-in that failed is not asked again in the run (cli/auth/tokenSource.ts, failedSignInsKept).
 */
export async function runCheck(targets: Targets, given: RunOptions): Promise<CheckRun> {
  // The first environment's sign-in is asked ahead of the admin API's: when it fails, that failure is its answer.
  const options: RunOptions = { ...given, tokens: failedSignInsKept(given.tokens) };
  const { http, tokens } = options;
  let planned: Planned[];
  let listingIncomplete: string | undefined;
  // Whether the admin list was read: the tenant's capacity is asked only then (an identity that may not read the
  // list, or could not sign in for it, is not asked again for the licensing API).
  let adminRead = targets.kind === "all";
  if (targets.kind === "urls") {
    // The first environment's token first: an interactive sign-in prompts for the Dataverse the admin named, and the
    // admin API's token then comes from the same account (silently, when the app has consent for it).
    if (targets.admin !== null && targets.urls[0] !== undefined)
      await tokens.token(resourceOf(targets.urls[0])).catch(() => undefined);
    const view = targets.admin === null ? null : await adminViewByUrl(targets.admin, targets.dataverseDomain, options);
    adminRead = view !== null && !("reason" in view);
    planned = targets.urls.map((url) => {
      let adminCenter: AdminCenterReport;
      const listed = view === null || "reason" in view ? undefined : view.get(url);
      if (view === null) adminCenter = { compared: false, reason: "--no-admin-center" };
      else if ("reason" in view) adminCenter = { compared: false, reason: view.reason };
      else
        adminCenter =
          listed === undefined
            ? { compared: false, reason: "the admin center does not list this environment" }
            : { compared: true, ...listed.adminCenter };
      // The admin center's display name when it lists the URL (what admins call the environment), else the host.
      return { name: listed?.name ?? nameOf(url), url, adminCenter };
    });
  } else {
    const listing = await listAll(targets.admin, options);
    listingIncomplete = listing.incomplete;
    planned = listing.environments.map(({ name, instanceUrl, adminCenter: view }) => {
      const adminCenter: AdminCenterReport = { compared: true, ...view };
      if (instanceUrl === null) return { name, url: null, adminCenter };
      try {
        return { name, url: environmentUrl(instanceUrl, targets.dataverseDomain, options.notice), adminCenter };
      } catch (error) {
        return { name, url: instanceUrl, adminCenter, problem: oneLine(error) };
      }
    });
  }
  const seen = new Set<string>();
  planned = planned.filter(({ url }) => {
    if (url === null) return true;
    const key = url.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (options.select !== undefined) planned = planned.filter((p) => options.select!(p.name, p.url));
  const asked = (p: Planned) =>
    p.url !== null && p.problem === undefined && !(p.adminCenter.compared && notCheckedReason(p.adminCenter) !== null);
  // The tenant's capacity once per run, in flight beside the environments' reads; after the admin list, so its token
  // comes silently from the account that signed in for it.
  const capacity =
    adminRead && options.powerPlatform !== undefined ? tenantCapacityOf(options.powerPlatform, http, tokens) : undefined;
  const limit = pLimit(options.concurrency);
  const progress = options.progress(planned.filter(asked).length);
  try {
    const environments = await Promise.all(
      planned.map((p) => {
        if (p.url === null) return Promise.resolve(notAsked(p, "noDataverse"));
        if (p.problem !== undefined) return Promise.resolve(refused(p, p.problem));
        if (!asked(p)) return Promise.resolve(notAsked(p, "notChecked"));
        const url = p.url;
        return limit(async () => {
          const connection = http.scoped();
          try {
            const report = await checkEnvironment(
              { url, name: p.name, adminCenter: p.adminCenter },
              connection,
              tokens,
              { parts: options.parts },
            );
            progress.tick(p.name);
            return report;
          } finally {
            await connection.close();
          }
        });
      }),
    );
    const run: CheckRun = listingIncomplete === undefined ? { environments } : { environments, listingIncomplete };
    if (capacity !== undefined) run.capacity = await capacity;
    return run;
  } finally {
    progress.stop();
  }
}

async function listAll(admin: AdminSource, options: RunOptions): Promise<Listing> {
  const adminToken = bearerFor(options.tokens, admin.resource);
  try {
    await adminToken.token();
  } catch (error) {
    throw new RunFailure(`cannot sign in to the admin API: ${oneLine(error)}`);
  }
  const adminConnection = options.http.scoped();
  try {
    return await listEnvironments(admin.api, adminConnection, adminToken);
  } finally {
    await adminConnection.close();
  }
}

/** The admin list by Dataverse origin, or why it could not be read (then every URL is "not compared"). */
async function adminViewByUrl(
  admin: AdminSource,
  dataverseDomain: string,
  options: RunOptions,
): Promise<Map<string, ListedEnvironment> | { reason: string }> {
  let listed: ListedEnvironment[];
  try {
    listed = (await listAll(admin, options)).environments;
  } catch (error) {
    const words = oneLine(error);
    if (/HTTP 403/.test(words))
      return { reason: "the signed-in identity may not read the admin center's environment list (HTTP 403)" };
    return { reason: words.replace(/^cannot sign in to the admin API/, "no admin API token") };
  }
  const byUrl = new Map<string, ListedEnvironment>();
  for (const environment of listed) {
    if (environment.instanceUrl === null) continue;
    try {
      byUrl.set(environmentUrl(environment.instanceUrl, dataverseDomain), environment);
    } catch {
      // an instance URL the command would not call cannot be one of the URLs given
    }
  }
  return byUrl;
}

function notAsked(p: Planned, state: "noDataverse" | "notChecked"): EnvironmentReport {
  return {
    url: p.url,
    name: p.name,
    state,
    financeAndOperations: null,
    solution: null,
    error: null,
    answer: null,
    erpUrl: null,
    adminCenter: p.adminCenter,
    parts: null,
    findings: [],
    elapsedMs: 0,
  };
}

/** An instance URL the admin API listed that the command will not call (plain http outside loopback). */
function refused(p: Planned, problem: string): EnvironmentReport {
  return { ...notAsked(p, "notChecked"), state: "failed", error: { code: null, status: null, message: problem } };
}
