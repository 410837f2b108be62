import pLimit from "p-limit";
import { bearerFor, failedSignInsKept, type TokenSource } from "../auth/tokenSource";
import { oneLine, RunFailure } from "../failures";
import type { HttpClient } from "../http";
import type { Progress } from "../output/progress";
import { SlotPool } from "../slots";
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
  /** The Power Platform API (licensing: the tenant's capacity), read once, when the admin list was read. */
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
  /** The tenant's capacity, when the admin list was read and `powerPlatform` given. */
  capacity?: TenantCapacityReport;
}

/**
 * Checks every environment in the order given, at most `concurrency` at a time (cli/slots.ts): each environment's
 * reads go out together (cli/check/checkEnvironment.ts), and one waiting out a Retry-After lends its slot to the next
 * environment until its wait is over. With `--all` the admin list is the run's source, and each page's environments
 * start as soon as the page is read, while the next page is fetched; with URLs the list is fetched too (when `admin`
 * is set) and each URL compared with its entry, and a list the identity may not read only means "not compared".
 * Environments the admin center says are disabled, in admin mode or not ready are listed as `notChecked`, not asked.
 * An environment listed twice is checked once; a list that stopped early (after its retries) is still checked as far
 * as it came, and `listingIncomplete` says why. A sign-in that failed is not asked again in the run
 * (cli/auth/tokenSource.ts, failedSignInsKept).
 */
export async function runCheck(targets: Targets, given: RunOptions): Promise<CheckRun> {
  // The first environment's sign-in is asked ahead of the admin API's: when it fails, that failure is its answer.
  const options: RunOptions = { ...given, tokens: failedSignInsKept(given.tokens) };
  const { tokens } = options;
  const schedule = scheduler(options);
  // The tenant's capacity once per run, in flight beside the environments' reads; only once the admin list was read
  // (its token then comes silently from the account that signed in for it; an identity that may not read the list
  // is not asked for the licensing API).
  let capacity: Promise<TenantCapacityReport> | undefined;
  const readCapacity = () => {
    if (capacity === undefined && options.powerPlatform !== undefined)
      capacity = tenantCapacityOf(options.powerPlatform, options.http, tokens);
  };
  const withCapacity = async (run: CheckRun): Promise<CheckRun> =>
    capacity === undefined ? run : { ...run, capacity: await capacity };
  try {
    if (targets.kind === "urls") {
      // The first environment's token first: an interactive sign-in prompts for the Dataverse the admin named, and
      // the admin API's token then comes from the same account (silently, when the app has consent for it).
      if (targets.admin !== null && targets.urls[0] !== undefined)
        await tokens.token(resourceOf(targets.urls[0])).catch(() => undefined);
      const view =
        targets.admin === null ? null : await adminViewByUrl(targets.admin, targets.dataverseDomain, options);
      if (view !== null && !("reason" in view)) readCapacity();
      schedule.add(
        targets.urls.map((url) => {
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
        }),
      );
      return await withCapacity({ environments: await schedule.done() });
    }
    const planOf = ({ name, instanceUrl, adminCenter: view }: ListedEnvironment): Planned => {
      const adminCenter: AdminCenterReport = { compared: true, ...view };
      if (instanceUrl === null) return { name, url: null, adminCenter };
      try {
        return { name, url: environmentUrl(instanceUrl, targets.dataverseDomain, options.notice), adminCenter };
      } catch (error) {
        return { name, url: instanceUrl, adminCenter, problem: oneLine(error) };
      }
    };
    const listing = await listAll(targets.admin, options, (page) => {
      readCapacity();
      schedule.add(page.map(planOf));
    });
    const environments = await schedule.done();
    return await withCapacity(
      listing.incomplete === undefined ? { environments } : { environments, listingIncomplete: listing.incomplete },
    );
  } finally {
    schedule.stop();
  }
}

/**
 * The run's queue: environments are added as they become known (a page of the admin list at a time), each started
 * at once and given a slot in the order added; `done` gives every report, in that order, once the last is in.
 */
function scheduler(options: RunOptions) {
  const { http, tokens } = options;
  const pool = new SlotPool(options.concurrency);
  // Each environment's sign-in is asked as soon as it is queued, `concurrency` at a time in queue order, so its token
  // is there when its slot comes instead of one sign-in round trip in front of its reads (tokens.ts shares one
  // acquisition per resource; a failure is kept and becomes the environment's answer in checkEnvironment).
  const signIns = pLimit(options.concurrency);
  const seen = new Set<string>();
  const reports: Array<Promise<EnvironmentReport>> = [];
  let progress: Progress | undefined;
  const asked = (p: Planned) =>
    p.url !== null && p.problem === undefined && !(p.adminCenter.compared && notCheckedReason(p.adminCenter) !== null);
  const check = async (p: Planned, url: string): Promise<EnvironmentReport> => {
    const slot = pool.slot();
    await slot.hold();
    const connection = http.scoped(slot);
    try {
      const report = await checkEnvironment({ url, name: p.name, adminCenter: p.adminCenter }, connection, tokens, {
        parts: options.parts,
      });
      progress?.tick(p.name);
      return report;
    } finally {
      await connection.close(); // before the slot is given on: --concurrency bounds the sockets open too
      slot.release();
    }
  };
  return {
    add(planned: Planned[]): void {
      // An environment listed twice is checked once; --name leaves the others out of the run.
      const kept = planned.filter((p) => {
        if (p.url !== null) {
          const key = p.url.toLowerCase();
          if (seen.has(key)) return false;
          seen.add(key);
        }
        return options.select === undefined || options.select(p.name, p.url);
      });
      const count = kept.filter(asked).length;
      if (progress === undefined) progress = options.progress(count);
      else progress.grow(count);
      for (const p of kept) {
        if (p.url === null) reports.push(Promise.resolve(notAsked(p, "noDataverse")));
        else if (p.problem !== undefined) reports.push(Promise.resolve(refused(p, p.problem)));
        else if (!asked(p)) reports.push(Promise.resolve(notAsked(p, "notChecked")));
        else {
          const resource = resourceOf(p.url);
          void signIns(() => tokens.token(resource).catch(() => undefined));
          reports.push(check(p, p.url));
        }
      }
    },
    /** Every report, in the order added; call once nothing more is added. */
    done: () => Promise.all(reports),
    stop: () => progress?.stop(),
  };
}

async function listAll(
  admin: AdminSource,
  options: RunOptions,
  onPage?: (environments: ListedEnvironment[]) => void,
): Promise<Listing> {
  const adminToken = bearerFor(options.tokens, admin.resource);
  try {
    await adminToken.token();
  } catch (error) {
    throw new RunFailure(`cannot sign in to the admin API: ${oneLine(error)}`);
  }
  const adminConnection = options.http.scoped();
  try {
    return await listEnvironments(admin.api, adminConnection, adminToken, undefined, onPage);
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
