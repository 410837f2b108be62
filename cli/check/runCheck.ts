import pLimit from "p-limit";
import { bearerFor, type TokenSource } from "../auth/tokenSource";
import { oneLine, RunFailure } from "../failures";
import type { HttpClient } from "../http";
import { environmentUrl, nameOf } from "../targets";
import { listEnvironments } from "./adminApi";
import { checkEnvironment } from "./checkEnvironment";
import type { EnvironmentReport } from "./report";
import type { Progress } from "../output/progress";

export type Targets =
  { kind: "urls"; urls: string[] } | { kind: "all"; adminApi: string; adminResource: string; dataverseDomain: string };

export interface CheckRun {
  environments: EnvironmentReport[];
  /** --all only: why the environment list stopped early (the environments listed were checked). */
  listingIncomplete?: string;
}

/**
 * Checks every environment with at most `concurrency` in flight (each environment's requests run one after the
 * other, so that is also the most requests and sockets open at once), in the order given; an environment listed
 * twice is checked once.
 */
export async function runCheck(
  targets: Targets,
  options: { http: HttpClient; tokens: TokenSource; concurrency: number; progress: (total: number) => Progress },
): Promise<CheckRun> {
  const { http, tokens } = options;
  let listed: Array<{ name: string; url: string | null; problem?: string }>;
  let listingIncomplete: string | undefined;
  if (targets.kind === "urls") {
    listed = targets.urls.map((url) => ({ name: nameOf(url), url }));
  } else {
    const adminToken = bearerFor(tokens, targets.adminResource);
    try {
      await adminToken.token();
    } catch (error) {
      throw new RunFailure(`cannot sign in to the admin API: ${oneLine(error)}`);
    }
    const adminConnection = http.scoped();
    let listing;
    try {
      listing = await listEnvironments(targets.adminApi, adminConnection, adminToken);
    } finally {
      await adminConnection.close();
    }
    listingIncomplete = listing.incomplete;
    listed = listing.environments.map(({ name, instanceUrl }) => {
      if (instanceUrl === null) return { name, url: null };
      try {
        return { name, url: environmentUrl(instanceUrl, targets.dataverseDomain) };
      } catch (error) {
        return { name, url: instanceUrl, problem: oneLine(error) };
      }
    });
    const seen = new Set<string>();
    listed = listed.filter(({ url }) => {
      if (url === null) return true;
      const key = url.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const limit = pLimit(options.concurrency);
  const progress = options.progress(listed.filter((e) => e.url !== null).length);
  try {
    const environments = await Promise.all(
      listed.map(({ name, url, problem }) => {
        if (url === null) return Promise.resolve(noDataverse(name));
        if (problem !== undefined) return Promise.resolve(refused(name, url, problem));
        return limit(async () => {
          const connection = http.scoped();
          try {
            const report = await checkEnvironment({ url, name }, connection, tokens);
            progress.tick(name);
            return report;
          } finally {
            await connection.close();
          }
        });
      }),
    );
    return listingIncomplete === undefined ? { environments } : { environments, listingIncomplete };
  } finally {
    progress.stop();
  }
}

function noDataverse(name: string): EnvironmentReport {
  return {
    url: null,
    name,
    state: "noDataverse",
    financeAndOperations: null,
    solution: null,
    error: null,
    elapsedMs: 0,
  };
}

/** An instance URL the admin API listed that the command will not call (plain http outside loopback). */
function refused(name: string, url: string, problem: string): EnvironmentReport {
  return {
    url,
    name,
    state: "failed",
    financeAndOperations: null,
    solution: null,
    error: { code: null, status: null, message: problem },
    elapsedMs: 0,
  };
}
