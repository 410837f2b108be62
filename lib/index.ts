/**
 * `finops-link`, the library: the one door to Dataverse's RetrieveFinanceAndOperationsIntegrationDetails for your own
 * controls, form scripts and apps, and the links built from its answer. docs/developers.md shows each host.
 *
 *   import { getIntegrationDetails } from "finops-link";
 *   const result = await getIntegrationDetails({ orgUrl, userId, webApi: context.webAPI }); // or Xrm.WebApi, or fetch
 *   if (result.kind === "linked") open(result.details.url);
 *
 * Pure: no React, no form API read from a global, no Node module; what it needs is handed in. Everything here comes
 * from core/ (the same code the FinOps Link control, form script and CLI run); this file only chooses what is public.
 */
export { askIntegrationDetails, getIntegrationDetails } from "../core/client";
export type { IntegrationResult, LinkedDetails, ResultKind, InvalidField } from "../core/result";
export type {
  AskOptions,
  GetDetailsOptions,
  RequestOptions,
  WebApiLike,
  StorageLike,
  FetchLike,
  Thenable,
} from "../core/options";
export { pcfWebApi } from "../core/pcfWebApi";
export { bearerFetch, type BearerFetchOptions, type PlainFetch, type TokenProvider } from "../core/bearerFetch";
export { safeHttpsUrl, buildDeepLink, resolveDeepLink, type DeepLink } from "../core/links";
export { buildRecordLink, ENTITY_NAVIGATION_MI, type RecordTarget } from "../core/record/url";
export { classifyFailure, NOT_LINKED_CODE } from "../core/errors";
export { parseDetails, type ParseOutcome } from "../core/parse";
export { FUNCTION_NAME, integrationDetailsMetadata, IntegrationDetailsRequest } from "../core/request";
