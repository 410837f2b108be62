/**
 * FinOps Link core: the one door to Dataverse's RetrieveFinanceAndOperationsIntegrationDetails.
 *
 *   const result = await getIntegrationDetails({ orgUrl, userId, webApi: Xrm.WebApi });
 *   switch (result.kind) { case "linked": ...; case "notLinked": ...; ... }
 *
 * - getIntegrationDetails never throws; it returns an IntegrationResult (see result.ts for every kind).
 * - Every request gives up after `timeoutSeconds` (default 30) with a `failed` result marked timed out.
 * - One request per tab per TTL: callers in one page share one in-flight request, and a sessionStorage entry and
 *   in-flight marker hand the answer to other bundles and same-origin frames of the tab.
 * - safeHttpsUrl / buildDeepLink are the only ways a URL becomes a link.
 * - integrationDetailsMetadata / IntegrationDetailsRequest: the function in dataverse-ify's and Xrm's request shapes.
 * - describeResult words a result through a translator; the strings themselves live in core/strings (imported
 *   separately, so a bundle only carries the languages it needs).
 * Pure TypeScript: no React, no form API, no global Xrm (hosts hand in webApi, fetch and storage).
 */
export type { IntegrationResult, LinkedDetails, ResultKind, InvalidField } from "./result";
export type { GetDetailsOptions, RequestOptions, WebApiLike, StorageLike, FetchLike } from "./options";
export type { ResultStringKey } from "./strings/words";
export type { Translate } from "./strings/format";
export { getIntegrationDetails } from "./client";
export {
  safeHttpsUrl,
  buildDeepLink,
  resolveDeepLink,
  hostOf,
  ENABLE_INTEGRATION_ARTICLE_URL,
  type DeepLink,
} from "./links";
export { FUNCTION_NAME, integrationDetailsMetadata, IntegrationDetailsRequest } from "./request";
export { KEY_PREFIX as CACHE_KEY_PREFIX } from "./cache/scope";
export { DEFAULT_CACHE_MINUTES, cacheMinutesOrDefault, isCacheMinutes } from "./options";
export { sessionStorageOrNull } from "./storage";
export { describeResult } from "./describe";
export { fillPlaceholders, createTranslator } from "./strings/format";
export * from "./record";
export type { RecordStringKey } from "./strings/words";
