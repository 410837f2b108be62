import type { EnvironmentReport, EnvironmentState } from "../check/report";
import { terminalText } from "./sanitize";

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
  notChecked: "not checked",
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The F&O environment's host as Dataverse names it, else the admin center's, else "". Sanitized. */
export function finOpsHost(environment: EnvironmentReport): string {
  const url =
    environment.financeAndOperations?.url ??
    (environment.adminCenter.compared ? environment.adminCenter.linkedApp?.url : undefined);
  if (url === undefined || url === null) return "";
  try {
    return terminalText(new URL(url).host);
  } catch {
    return terminalText(url);
  }
}

/** `1.0.0.0 managed`, `not installed`, `?` when it could not be read, "" when not asked. Sanitized. */
export function solutionWords(environment: EnvironmentReport): string {
  const { solution } = environment;
  if (environment.answer === null && solution === null) return "";
  if (solution === null) return "?";
  if (!solution.installed)
    return solution.holding == null
      ? "not installed"
      : terminalText(`not installed (${solution.holding.version ?? "?"} staged)`);
  const kind = solution.managed === true ? "managed" : solution.managed === false ? "unmanaged" : "";
  const staged = solution.holding == null ? "" : ` (${solution.holding.version ?? "?"} staged, not applied)`;
  return terminalText(`${`${solution.version ?? "?"} ${kind}`.trim()}${staged}`);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
