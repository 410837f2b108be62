import pLimit from "p-limit";
import type { TokenSource } from "../auth/tokenSource";
import { oneLine, RunFailure } from "../failures";
import type { HttpClient } from "../http";
import { environmentUrl, nameOf } from "../targets";
import { listEnvironments } from "./adminApi";
import { checkEnvironment } from "./checkEnvironment";
import type { EnvironmentReport } from "./report";
import type { Progress } from "../output/progress";

export type Targets =
  { kind: "urls"; urls: string[] } | { kind: "all"; adminApi: string; adminResource: string; dataverseDomain: string };

/**
 * Checks every environment with at most `concurrency` in flight (each environment's requests run one after the
 * other, so that is also the most requests and sockets open at once), in the order given.
 */
export async function runCheck(
  targets: Targets,
  options: { http: HttpClient; tokens: TokenSource; concurrency: number; progress: (total: number) => Progress },
): Promise<EnvironmentReport[]> {
  const { http, tokens } = options;
  let listed: Array<{ name: string; url: string | null; problem?: string }>;
  if (targets.kind === "urls") {
    listed = targets.urls.map((url) => ({ name: nameOf(url), url }));
  } else {
    let adminToken: string;
    try {
      adminToken = await tokens.token(targets.adminResource);
    } catch (error) {
      throw new RunFailure(`cannot sign in to the admin API: ${oneLine(error)}`);
    }
    const adminConnection = http.scoped();
    let environments;
    try {
      environments = await listEnvironments(targets.adminApi, adminConnection, adminToken);
    } finally {
      await adminConnection.close();
    }
    listed = environments.map(({ name, instanceUrl }) => {
      if (instanceUrl === null) return { name, url: null };
      try {
        return { name, url: environmentUrl(instanceUrl, targets.dataverseDomain) };
      } catch (error) {
        return { name, url: instanceUrl, problem: oneLine(error) };
      }
    });
  }
  const limit = pLimit(options.concurrency);
  const progress = options.progress(listed.filter((e) => e.url !== null).length);
  try {
    return await Promise.all(
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
