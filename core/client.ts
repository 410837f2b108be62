import { DEFAULT_CACHE_MINUTES, ResultCache, resolveStorage, singleFlight } from "./cache";
import { classifyFailure } from "./errors";
import type { GetDetailsOptions } from "./options";
import { parseDetails } from "./parse";
import type { IntegrationResult } from "./result";
import { fetchTransport } from "./transports/fetch";
import type { Transport } from "./transports/transport";
import { xrmTransport } from "./transports/xrm";

/**
 * The one door: cache -> in-page single flight -> cross-bundle hand-off -> transport -> parse / classify -> cache.
 * Never throws and never rejects: whatever fetch, storage, webApi or the clock do, the answer is an IntegrationResult.
 */
export async function getIntegrationDetails(options: GetDetailsOptions): Promise<IntegrationResult> {
  try {
    return await run(options);
  } catch (error) {
    return classifyFailure(error);
  }
}

async function run(options: GetDetailsOptions): Promise<IntegrationResult> {
  const now = options.now ?? Date.now;
  const cache = new ResultCache(resolveStorage(options.storage), options.orgUrl, options.userId, now);
  const ttlMs = cacheMinutes(options.cacheMinutes) * 60_000;

  if (reportsOffline(options.isOffline)) return offline(cache);
  if (options.forceRefresh !== true) {
    const cached = cache.readFresh(ttlMs);
    if (cached !== undefined) return cached;
  }
  return singleFlight(cache.id, async () => {
    if (cache.pending() !== undefined) {
      const handedOff = await cache.awaitHandOff(ttlMs, options.sleep ?? defaultSleep);
      if (handedOff !== undefined) return handedOff;
    }
    const token = cache.claim();
    const stopWatchingPage = cache.releaseOnPageHide(token);
    let result: IntegrationResult;
    try {
      result = await request(options);
    } catch (error) {
      result = classifyFailure(error);
    }
    stopWatchingPage();
    // Write before releasing, in one synchronous step, so a waiting bundle sees the answer as the marker clears.
    cache.write(result);
    cache.release(token);
    return result.kind === "offline" ? offline(cache) : result;
  });
}

async function request(options: GetDetailsOptions): Promise<IntegrationResult> {
  const transport = chooseTransport(options);
  if (transport === undefined) return { kind: "failed", noTransport: true };
  const body = await transport.retrieve();
  const parsed = parseDetails(body);
  return parsed.kind === "linked" ? { kind: "linked", details: parsed.details, fromCache: false } : parsed;
}

/** Xrm.WebApi when the host hands it in (form script); otherwise same-origin fetch (control); undefined: neither. */
function chooseTransport(options: GetDetailsOptions): Transport | undefined {
  if (options.webApi !== undefined && options.webApi !== null) return xrmTransport(options.webApi);
  const fetchImpl =
    options.fetch ?? (typeof globalThis.fetch === "function" ? globalThis.fetch.bind(globalThis) : undefined);
  return fetchImpl === undefined ? undefined : fetchTransport(fetchImpl);
}

function offline(cache: ResultCache): IntegrationResult {
  const lastKnown = cache.lastKnown();
  return lastKnown === undefined ? { kind: "offline" } : { kind: "offline", lastKnown };
}

function reportsOffline(isOffline: (() => boolean) | undefined): boolean {
  try {
    return isOffline?.() === true;
  } catch {
    return false; // a broken host flag should not hide a working network
  }
}

function cacheMinutes(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : DEFAULT_CACHE_MINUTES;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
