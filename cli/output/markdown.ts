import markdownEscape from "markdown-escape";
import { markdownTable } from "markdown-table";
import type { CheckDocument, EnvironmentReport } from "../check/report";
import { COULD_NOT_CHECK } from "../check/report";
import { readinessSummary, shownFindings } from "./readiness";
import { terminalText } from "./sanitize";
import { summaryLine } from "./table";
import { finOpsHost, solutionWords, STATE_WORDS } from "./words";

/**
 * A cell of GitHub-flavoured Markdown from any text: one line (terminalText), Markdown's own characters escaped
 * (markdown-escape: `* # ( ) [ ] _` and backticks; `<`/`>` as entities, so no HTML or link is made), and the
 * table's `|` and `\` escaped. Slashes are left alone so URLs stay readable.
 */
export function markdownCell(value: unknown): string {
  return markdownEscape(terminalText(value).replace(/\\/g, "\\\\"), ["slashes"]).replace(/\|/g, "\\|");
}

/**
 * `--md`: what admins paste into a ticket or a wiki: a table with one row per environment, the findings with their
 * next steps as a list, why environments could not be checked, and the summary line.
 */
export function renderMarkdown(document: CheckDocument, shown: ReadonlyArray<EnvironmentReport>): string {
  const rows = shown.map((e) => [
    markdownCell(e.name),
    markdownCell(e.url ?? ""),
    STATE_WORDS[e.state],
    markdownCell(finOpsHost(e)),
    markdownCell(solutionWords(e)),
    e.findings.map((code) => `\`${code}\``).join(", "),
  ]);
  const out = [
    "## FinOps Link: link audit",
    "",
    markdownTable([["Environment", "Dataverse", "State", "F&O environment", "FinOps Link", "Findings"], ...rows]),
  ];
  const findings = shownFindings(document, shown);
  if (findings.length > 0) {
    out.push("", "### Findings", "");
    for (const f of findings)
      out.push(
        `- **${f.severity}** \`${f.code}\`: ${markdownCell(f.message)}  `,
        `  Next: ${markdownCell(f.nextStep)}`,
      );
  }
  const failed = shown.filter((e) => COULD_NOT_CHECK.has(e.state));
  if (failed.length > 0) {
    out.push("", "### Could not be checked", "");
    for (const e of failed)
      out.push(`- ${markdownCell(e.name)}: ${markdownCell(e.error?.message ?? STATE_WORDS[e.state])}`);
  }
  const readiness = readinessSummary(document, shown, true);
  if (readiness.tenant !== null || readiness.environments.length > 0) {
    out.push("", "### Readiness", "");
    if (readiness.tenant !== null) out.push(`- Tenant capacity: ${markdownCell(readiness.tenant)}`);
    for (const { name, words } of readiness.environments) out.push(`- ${markdownCell(name)}: ${markdownCell(words)}`);
  }
  out.push("", markdownCell(summaryLine(document, shown.length)), "");
  return out.join("\n");
}
