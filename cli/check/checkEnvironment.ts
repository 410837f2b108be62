import { describeResult, getIntegrationDetails, type IntegrationResult, type ResultStringKey } from "../../core";
import { createTranslator, RESULT_ENGLISH, type Translate } from "../../core/strings";
import { bearerFor, SignInFailure, type TokenSource } from "../auth/tokenSource";
import { oneLine } from "../failures";
import type { HttpClient } from "../http";
import { nodeWebApi } from "../nodeWebApi";
import { stopwatch } from "../stopwatch";
import type { Target } from "../targets";
import { readParts } from "./parts";
import type { AdminCenterReport, EnvironmentReport } from "./report";
import { readInstalledSolution, type InstalledSolution } from "./solutionRow";

/** The terminal speaks English: core's own result words, in its fallback language. */
export const english: Translate<ResultStringKey> = createTranslator<ResultStringKey>((key) => RESULT_ENGLISH[key]);

/** The resource a Dataverse token is asked for: the environment's origin. */
export function resourceOf(envUrl: string): string {
  return new URL(envUrl).origin;
}

/** What else to read of one environment beside the link: the installed parts (`check --parts`, `doctor`). */
export interface CheckReads {
  parts?: boolean;
}

/**
 * One environment in one round trip: every read it needs goes out at once (`reads` below; the row is done when the
 * last answer is in), after its token; with `reads.parts` the installed parts too (parts.ts). Never throws: a sign-in
 * or network problem becomes the environment's state and error. A read waiting out a Retry-After lends the
 * environment's slot out (cli/slots.ts, through `http`).
 */
export async function checkEnvironment(
  target: Target & { adminCenter: AdminCenterReport },
  http: HttpClient,
  tokens: TokenSource,
  reads: CheckReads = {},
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
      erpUrl: null,
      parts: null,
      findings: [],
      elapsedMs: elapsed(),
    };
  }
  const webApi = nodeWebApi(target.url, http, token);
  const asked = performance.now();
  // The environment's reads, independent of each other, all in flight together: add a read by adding an entry (it
  // must not throw: its failure is its value).
  const { link, solution, parts } = await allAtOnce({
    link: () =>
      getIntegrationDetails({
        orgUrl: target.url,
        userId: "finops-link-cli",
        webApi,
        storage: null,
        cacheMinutes: 0,
        // --timeout applies per attempt in the transport; core's own guard (at most an hour) covers every retry and
        // wait.
        timeoutSeconds: Math.min(3600, Math.ceil(http.worstCaseMs / 1000)),
      }),
    // No permission to read solutions, or the same failure as the link: null, and the state says why.
    solution: () => readInstalledSolution(target.url, http, token).catch((): InstalledSolution | null => null),
    parts: () => (reads.parts === true ? readParts(target.url, http, token) : Promise.resolve(null)),
  });
  const answer = {
    status: webApi.lastAnswer?.status ?? null,
    serviceRequestId: webApi.lastAnswer?.serviceRequestId ?? null,
    ms: Math.round(performance.now() - asked),
  };
  return {
    ...target,
    state: link.kind,
    financeAndOperations:
      link.kind === "linked"
        ? {
            url: link.details.url,
            tenantId: link.details.tenantId,
            environmentId: link.details.environmentId,
            extra: dataOnly(link.details.extra),
          }
        : null,
    erpUrl: link.kind === "linked" ? link.details.url : null,
    solution,
    error: errorOf(link, webApi.lastFailure),
    answer,
    parts,
    findings: [],
    elapsedMs: elapsed(),
  };
}

/** Independent reads started together; their values by name once the last is in. A read must not reject. */
export async function allAtOnce<R extends Record<string, () => Promise<unknown>>>(
  reads: R,
): Promise<{ [K in keyof R]: Awaited<ReturnType<R[K]>> }> {
  const names = Object.keys(reads) as Array<keyof R>;
  const values = await Promise.all(names.map((name) => reads[name]!()));
  const result = {} as { [K in keyof R]: Awaited<ReturnType<R[K]>> };
  names.forEach((name, i) => (result[name] = values[i] as Awaited<ReturnType<R[typeof name]>>));
  return result;
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
