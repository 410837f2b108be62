import Table from "cli-table3";
import type { Finding } from "../check/findings";
import type { CheckDocument, EnvironmentReport } from "../check/report";
import { COULD_NOT_CHECK } from "../check/report";
import { couldNotCheckLines } from "./causeGroups";
import { readinessLines, shownFindings } from "./readiness";
import { terminalText } from "./sanitize";
import { finOpsHost, plural, seconds, solutionWords, STATE_WORDS } from "./words";

/** No borders, no colours: the same text in a pipe, a log and a terminal, one line per environment. */
const PLAIN = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

/**
 * The terminal view: a header and exactly one line per environment (name, state, F&O host, FinOps Link version,
 * finding codes), then the findings with their next steps, why environments could not be checked or compared, and
 * the summary line. Every server string goes through terminalText, so none can add a line or an escape.
 */
export function renderTable(document: CheckDocument, shown: ReadonlyArray<EnvironmentReport>): string {
  const table = new Table({
    head: ["Environment", "State", "F&O environment", "FinOps Link", "Time", "Findings"],
    chars: PLAIN,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    wordWrap: false,
  });
  for (const e of shown)
    table.push([
      terminalText(e.name),
      STATE_WORDS[e.state],
      finOpsHost(e),
      solutionWords(e),
      e.answer === null ? "" : seconds(e.elapsedMs),
      e.findings.join(", "),
    ]);
  const lines = table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "");
  const findings = shownFindings(document, shown);
  if (findings.length > 0) {
    lines.push("", "Findings:");
    for (const f of findings) lines.push(...findingLines(f));
  }
  const failed = shown.filter((e) => COULD_NOT_CHECK.has(e.state));
  if (failed.length > 0) {
    lines.push("", "Could not be checked:", ...couldNotCheckLines(failed));
  }
  const notCompared = new Map<string, number>();
  for (const e of shown)
    if (!e.adminCenter.compared && e.adminCenter.reason !== "--no-admin-center")
      notCompared.set(e.adminCenter.reason, (notCompared.get(e.adminCenter.reason) ?? 0) + 1);
  for (const [reason, count] of notCompared)
    lines.push("", `Admin center not compared (${plural(count, "environment")}): ${terminalText(reason)}`);
  lines.push(...readinessLines(document, shown));
  lines.push("", summaryLine(document, shown.length));
  return `${lines.join("\n")}\n`;
}

/** `error    sharedFinOpsEnvironment: <words>` and the next step under it. */
export function findingLines(f: Finding): string[] {
  return [`  ${f.severity.padEnd(7)} ${f.code}: ${terminalText(f.message)}`, `          next: ${f.nextStep}`];
}

/** `14 environments: 9 linked, …; 2 errors, 2 warnings, 5 info findings; 1 request retried after 429/503`. */
export function summaryLine(document: CheckDocument, shown: number): string {
  const { summary } = document;
  const counts = Object.entries(STATE_WORDS)
    .filter(([state]) => summary[state as keyof typeof STATE_WORDS] > 0)
    .map(([state, words]) => `${summary[state as keyof typeof STATE_WORDS]} ${words}`);
  const { error, warning, info } = summary.findings;
  const findings =
    error + warning + info > 0
      ? `; findings: ${[
          error > 0 ? plural(error, "error") : "",
          warning > 0 ? plural(warning, "warning") : "",
          info > 0 ? `${info} info` : "",
        ]
          .filter((x) => x !== "")
          .join(", ")}`
      : "";
  const retried = summary.retried > 0 ? `; ${plural(summary.retried, "request")} retried after 429/503` : "";
  const shownWords = shown === summary.total ? "" : ` (${shown} shown)`;
  return `${plural(summary.total, "environment")}${shownWords}: ${counts.join(", ")}${findings}${retried}`;
}
