import { describeResult, getIntegrationDetails, type IntegrationResult, type ResultStringKey } from "../../core";
import { createTranslator, RESULT_ENGLISH, type Translate } from "../../core/strings";
import { bearerFor, SignInFailure, type TokenSource } from "../auth/tokenSource";
import { oneLine } from "../failures";
import type { HttpClient } from "../http";
import { nodeWebApi } from "../nodeWebApi";
import { stopwatch } from "../stopwatch";
import type { Target } from "../targets";
import type { AdminCenterReport, EnvironmentReport } from "./report";
import { readInstalledSolution, type InstalledSolution } from "./solutionRow";

/** The terminal speaks English: core's own result words, in its fallback language. */
export const english: Translate<ResultStringKey> = createTranslator<ResultStringKey>((key) => RESULT_ENGLISH[key]);

/** The resource a Dataverse token is asked for: the environment's origin. */
export function resourceOf(envUrl: string): string {
  return new URL(envUrl).origin;
}

/**
 * One environment: the link through core's getIntegrationDetails (caching off), then FinOpsLink's solution row.
 * Never throws: a sign-in or network problem becomes the environment's state and error.
 */
export async function checkEnvironment(
  target: Target & { adminCenter: AdminCenterReport },
  http: HttpClient,
  tokens: TokenSource,
): Promise<EnvironmentReport> {
  const elapsed = stopwatch();
  const token = bearerFor(tokens, resourceOf(target.url));
  try {
    await token.token(); // a sign-in that fails is the environment's state, before any request
  } catch (error) {
    return {
      ...target,
      state: error instanceof SignInFailure ? error.state : "unauthorized",
      financeAndOperations: null,
      solution: null,
      error: { code: null, status: null, message: oneLine(error) },
      answer: null,
      findings: [],
      elapsedMs: elapsed(),
    };
  }
  const webApi = nodeWebApi(target.url, http, token);
  const asked = performance.now();
  const result = await getIntegrationDetails({
    orgUrl: target.url,
    userId: "finops-link-cli",
    webApi,
    storage: null,
    cacheMinutes: 0,
    // --timeout applies per attempt in the transport; core's own guard (at most an hour) covers every retry and wait.
    timeoutSeconds: Math.min(3600, Math.ceil(http.worstCaseMs / 1000)),
  });
  const answer = {
    status: webApi.lastAnswer?.status ?? null,
    serviceRequestId: webApi.lastAnswer?.serviceRequestId ?? null,
    ms: Math.round(performance.now() - asked),
  };
  // An environment that gave no answer in time (or none at all), or kept throttling after every retry (429), is not
  // asked a second time for its solutions: that would repeat the whole wait.
  let solution: InstalledSolution | null = null;
  const gaveUp = result.kind === "failed" && (result.timedOutAfterSeconds !== undefined || result.status === 429);
  if (webApi.lastFailure === undefined && !gaveUp) {
    try {
      solution = await readInstalledSolution(target.url, http, token);
    } catch {
      solution = null; // no permission to read solutions, or the same failure as the link: the state says why
    }
  }
  return {
    ...target,
    state: result.kind,
    financeAndOperations:
      result.kind === "linked"
        ? {
            url: result.details.url,
            tenantId: result.details.tenantId,
            environmentId: result.details.environmentId,
            extra: dataOnly(result.details.extra),
          }
        : null,
    solution,
    error: errorOf(result, webApi.lastFailure),
    answer,
    findings: [],
    elapsedMs: elapsed(),
  };
}

/**
 * A server's object as plain data, at any depth: no `__proto__`, `constructor` or `prototype` key reaches the JSON
 * document (JSON.parse makes `__proto__` an own key; a consumer's merge would turn it into prototype pollution).
 */
export function dataOnly(record: Record<string, unknown>): Record<string, unknown> {
  return plain(record) as Record<string, unknown>;
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    if (key !== "__proto__" && key !== "constructor" && key !== "prototype") copy[key] = plain(item);
  return copy;
}

function errorOf(result: IntegrationResult, lastFailure: string | undefined): EnvironmentReport["error"] {
  switch (result.kind) {
    case "linked":
    case "notLinked":
      return null;
    case "unauthorized":
    case "forbidden":
      return {
        code: result.code ?? null,
        status: null,
        message: result.message ?? describeResult(result, english).title,
      };
    case "offline":
      return { code: null, status: null, message: lastFailure ?? describeResult(result, english).title };
    case "invalid":
      return { code: null, status: 200, message: `${result.field}: ${result.reason}` };
    case "failed":
      return {
        code: result.code ?? null,
        status: result.status ?? null,
        // The transport's own words first: core shortens a message to 300 characters, and a cause's remedy is longer.
        message:
          lastFailure ??
          result.message ??
          describeResult(result, english).detail ??
          describeResult(result, english).title,
      };
  }
}
