import Table from "cli-table3";
import { describeResult } from "../../core";
import { english } from "../check/checkEnvironment";
import type { CheckDocument, EnvironmentReport } from "../check/report";
import { STATE_WORDS, seconds } from "./words";

/** The terminal view: one row per environment, the F&O details or core's English words, then the summary. */
export function renderTable(document: CheckDocument): string {
  const table = new Table({
    head: ["Environment", "Link", "Finance and operations", "FinOps Link", "Time"],
    style: { head: [], border: [] }, // no colours: the same text in a pipe, a log and a terminal
    wordWrap: true,
    colWidths: [null, null, 62, null, null] as unknown as number[],
  });
  for (const environment of document.environments) {
    table.push([
      environment.url === null ? environment.name : `${environment.name}\n${environment.url}`,
      STATE_WORDS[environment.state],
      details(environment),
      environment.state === "noDataverse" ? "" : solutionWords(environment.solution),
      environment.state === "noDataverse" ? "" : seconds(environment.elapsedMs),
    ]);
  }
  const { summary } = document;
  const counts = Object.entries(summary)
    .filter(([key, count]) => key !== "total" && key !== "retried" && count > 0)
    .map(([key, count]) => `${count} ${STATE_WORDS[key as keyof typeof STATE_WORDS]}`);
  const retried =
    summary.retried > 0
      ? `; ${summary.retried} ${summary.retried === 1 ? "request" : "requests"} retried after 429/503`
      : "";
  const total = `${summary.total} ${summary.total === 1 ? "environment" : "environments"}`;
  return `${table.toString()}\n${total}: ${counts.join(", ")}${retried}\n`;
}

function details(environment: EnvironmentReport): string {
  const fno = environment.financeAndOperations;
  if (fno !== null) {
    const extra = Object.entries(fno.extra).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    return [fno.url, `Tenant ID: ${fno.tenantId}`, `Environment ID: ${fno.environmentId}`, ...extra].join("\n");
  }
  if (environment.state === "noDataverse") return "not checked: the environment has no Dataverse database";
  if (environment.state === "notLinked") return describeResult({ kind: "notLinked", fromCache: false }, english).title;
  return environment.error?.message ?? "";
}

function solutionWords(solution: EnvironmentReport["solution"]): string {
  if (solution === null) return "?";
  if (!solution.installed) return "not installed";
  return `${solution.version ?? "?"} ${solution.managed === true ? "managed" : solution.managed === false ? "unmanaged" : ""}`.trim();
}
