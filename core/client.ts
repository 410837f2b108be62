import { StoredAnswer } from "./cache/entry";
import { HandOff } from "./cache/handOff";
import { cacheScope } from "./cache/scope";
import { classifyFailure, failureInBody } from "./errors";
import {
  cacheMinutesOrDefault,
  timeoutSecondsOrDefault,
  type AskOptions,
  type FetchLike,
  type GetDetailsOptions,
} from "./options";
import { parseDetails } from "./parse";
import type { IntegrationResult } from "./result";
import { singleFlight } from "./singleFlight";
import { storageFrom } from "./storage";
import { fetchTransport } from "./transports/fetch";
import type { Transport } from "./transports/transport";
import { xrmTransport } from "./transports/xrm";

/**
 * The one door: the cached answer, else a single flight in this page (another bundle's hand-off, else a request of
 * our own, bounded by the timeout). Never throws and never rejects: whatever fetch, storage, webApi or the clock do,
 * the answer is an IntegrationResult.
 */
export async function getIntegrationDetails(options: GetDetailsOptions): Promise<IntegrationResult> {
  try {
    return await run(options);
  } catch {
    // Only our own code (or a host object it touched) throws this far: a script error is never shown word for word.
    return { kind: "failed" };
  }
}

async function run(options: GetDetailsOptions): Promise<IntegrationResult> {
  const now = options.now ?? Date.now;
  const storage = storageFrom(options.storage);
  const scope = cacheScope(options.orgUrl, options.userId);
  const answers = new StoredAnswer(storage, scope, now);
  const ttlMs = cacheMinutesOrDefault(options.cacheMinutes) * 60_000;

  if (reportsOffline(options.isOffline)) return offline(answers);
  if (options.forceRefresh !== true) {
    const cached = answers.fresh(ttlMs);
    if (cached !== undefined) return cached;
  }
  // Retry (forceRefresh) asks anew even while an earlier request still hangs: it neither joins it nor waits on a marker.
  const retry = options.forceRefresh === true;
  return singleFlight(
    scope.id,
    async () => {
      const handOff = new HandOff(storage, scope, now);
      // No await unless another bundle is asking: our marker must be written in the task the caller started in, since
      // a bundle in another frame may start right after that task (the form mounts controls once onLoad returns).
      if (!retry && handOff.pending() !== undefined) {
        const handedOver = await handOff.awaitOther(answers, ttlMs, options.sleep ?? defaultSleep);
        if (handedOver !== undefined) return handedOver;
      }
      const result = await handOff.whileClaimed(async () => {
        const answer = await requestWithTimeout(options);
        answers.write(answer); // before the marker clears, so a waiting bundle finds it
        return answer;
      });
      return result.kind === "offline" ? offline(answers) : result;
    },
    retry,
  );
}

/**
 * One request and nothing else: no stored answer read or written, no single flight, no hand-off with other bundles.
 * For a developer's own control, script or app that keeps its own state (the npm library's lean link check; about
 * 1.5 KB gzip less than getIntegrationDetails). Same transports, same timeout (`timeoutSeconds`, default 30 s), same
 * result kinds; `offline` never carries a last known link. Never throws and never rejects.
 */
export async function askIntegrationDetails(options: AskOptions): Promise<IntegrationResult> {
  try {
    return reportsOffline(options.isOffline) ? { kind: "offline" } : await requestWithTimeout(options);
  } catch {
    return { kind: "failed" };
  }
}

/** One request, given up after the timeout (the fetch is aborted; an Xrm call is left to finish unheard). */
async function requestWithTimeout(options: AskOptions): Promise<IntegrationResult> {
  const transport = chooseTransport(options);
  if (transport === undefined) return { kind: "failed", noTransport: true };
  const seconds = timeoutSecondsOrDefault(options.timeoutSeconds);
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<IntegrationResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: "failed", timedOutAfterSeconds: seconds });
      controller?.abort();
    }, seconds * 1000);
  });
  try {
    return await Promise.race([request(transport, controller?.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function request(transport: Transport, signal: AbortSignal | undefined): Promise<IntegrationResult> {
  let body: unknown;
  try {
    body = await transport.retrieve(signal);
  } catch (error) {
    return classifyFailure(error);
  }
  const failure = failureInBody(body);
  if (failure !== undefined) return failure;
  const parsed = parseDetails(body);
  return parsed.kind === "linked" ? { kind: "linked", details: parsed.details, fromCache: false } : parsed;
}

/**
 * Xrm.WebApi when the host hands it in (the form script's Xrm, the control's PCF webAPI), falling back to same-origin
 * fetch where its execute fails without an answer from Dataverse; same-origin fetch alone otherwise; undefined: neither.
 */
function chooseTransport(options: AskOptions): Transport | undefined {
  const fetchImpl = options.fetch ?? pageFetch();
  const viaFetch = fetchImpl === undefined ? undefined : fetchTransport(fetchImpl);
  if (options.webApi !== undefined && options.webApi !== null) return xrmTransport(options.webApi, viaFetch);
  return viaFetch;
}

/**
 * The global fetch, where there is a page to be same-origin with (an http(s) `location`): the fetch transport asks a
 * relative URL, which means nothing elsewhere. In Node (the CLI hands in its own webApi) there is none, so a failure of
 * that webApi is never sent anywhere else.
 */
function pageFetch(): FetchLike | undefined {
  if (typeof globalThis.fetch !== "function") return undefined;
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === "string" && /^https?:\/\//.test(origin) ? globalThis.fetch.bind(globalThis) : undefined;
}

function offline(answers: StoredAnswer): IntegrationResult {
  const lastKnown = answers.lastKnown();
  return lastKnown === undefined ? { kind: "offline" } : { kind: "offline", lastKnown };
}

function reportsOffline(isOffline: (() => boolean) | undefined): boolean {
  try {
    return isOffline?.() === true;
  } catch {
    return false; // a broken host flag should not hide a working network
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
