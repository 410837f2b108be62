/**
 * FinOps Link core: the one door to Dataverse's RetrieveFinanceAndOperationsIntegrationDetails.
 *
 *   const result = await getIntegrationDetails({ orgUrl, userId, webApi: Xrm.WebApi });
 *   switch (result.kind) { case "linked": ...; case "notLinked": ...; ... }
 *
 * - getIntegrationDetails never throws; it returns an IntegrationResult (see result.ts for every kind).
 * - One request per tab per TTL: callers in one page share one in-flight request, and a sessionStorage entry and
 *   in-flight marker hand the answer to other bundles and same-origin frames of the tab.
 * - safeHttpsUrl / buildDeepLink are the only ways a URL becomes a link.
 * - getString / languageFor are the one source of user-facing text, in every shipped language.
 * Pure TypeScript: no React, no form API, no global Xrm (hosts hand in webApi, fetch and storage).
 */
export type { IntegrationResult, LinkedDetails, ResultKind, InvalidField } from "./result";
export type { GetDetailsOptions, WebApiLike, StorageLike, FetchLike } from "./options";
export { getIntegrationDetails } from "./client";
export { safeHttpsUrl, buildDeepLink, hostOf } from "./links";
export { describeResult } from "./describe";
export { getString, languageFor, fillPlaceholders, catalog, LANGUAGES, FALLBACK_LCID } from "./strings";
export type { StringKey, LanguageTag, Lcid } from "./strings";
