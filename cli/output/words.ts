import type { EnvironmentState } from "../check/report";

/** The state as the table says it. */
export const STATE_WORDS: Record<EnvironmentState, string> = {
  linked: "linked",
  notLinked: "not linked",
  unauthorized: "sign-in refused",
  forbidden: "no permission",
  offline: "unreachable",
  invalid: "invalid answer",
  failed: "failed",
  noDataverse: "no Dataverse",
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
