import escapeHtml from "escape-html";
import type { Finding, Severity } from "../check/findings";
import { COULD_NOT_CHECK, type CheckDocument, type EnvironmentReport } from "../check/report";
import { readinessSummary, shownFindings } from "./readiness";
import { terminalText } from "./sanitize";
import { summaryLine } from "./table";
import { solutionWords, STATE_WORDS } from "./words";

/** Text for the page: one line of plain text (terminalText: no controls, no bidi overrides), HTML-escaped. */
const h = (value: unknown): string => escapeHtml(terminalText(value));

/** Only an https URL becomes a link (docs/ARCHITECTURE.md); anything else is text. */
function link(url: string | null | undefined): string {
  if (url === null || url === undefined || url === "") return "";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return h(url);
  }
  return parsed.protocol === "https:" ? `<a href="${h(parsed.href)}" rel="noreferrer">${h(url)}</a>` : h(url);
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url === null || url === undefined ? null : new URL(url).host;
  } catch {
    return url ?? null;
  }
}

const STYLE = `
body{font:15px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 8px}h3{font-size:1.05em;margin:0 0 4px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d1d1d1;vertical-align:top}
th{background:#f3f3f3}
caption{text-align:left;padding:4px 0}
code{font-family:Consolas,"Cascadia Mono",monospace;font-size:.95em}
.group{border:1px solid #d1d1d1;border-left:6px solid #8a8a8a;border-radius:4px;padding:12px 16px;margin:12px 0}
.group.flagged{border-left-color:#a4262c;background:#fdf6f6}
.badge{display:inline-block;font-size:.8em;font-weight:600;padding:1px 8px;border-radius:10px;margin-left:8px;color:#fff;background:#a4262c}
.sev{font-weight:700;text-transform:uppercase;font-size:.8em;padding:1px 6px;border-radius:3px;color:#fff}
.sev.error{background:#a4262c}.sev.warning{background:#7a4a00}.sev.info{background:#005a9e}
ul.findings{padding-left:0;list-style:none}ul.findings li{margin:0 0 10px;padding:8px 12px;border:1px solid #d1d1d1;border-radius:4px}
.next{color:#3b3b3b}.meta{color:#505050;margin:0}
`;

interface Group {
  key: string;
  host: string | null;
  url: string | null;
  id: string | null;
  environments: EnvironmentReport[];
}

/**
 * `--html <file>`: a self-contained report to share with the F&O team: no script, no network (a CSP that allows
 * nothing but the inline style), grouped by F&O environment, so a shared or mismatched one stands out; then the
 * environments not linked, not checked and not checkable. Every server string is text (terminalText, then
 * escape-html); only https URLs are links.
 */
export function renderHtml(
  document: CheckDocument,
  shown: ReadonlyArray<EnvironmentReport>,
  meta: { generatedAt: Date; program: string },
): string {
  const findings = shownFindings(document, shown);
  const flaggedCodes = new Set(findings.filter((f) => f.severity !== "info").map((f) => f.code));
  const groups = new Map<string, Group>();
  const notLinked: EnvironmentReport[] = [];
  const notChecked: EnvironmentReport[] = [];
  const failed: EnvironmentReport[] = [];
  for (const e of shown) {
    const fno = e.state === "linked" ? e.financeAndOperations : null;
    const app = e.adminCenter.compared ? e.adminCenter.linkedApp : null;
    const id = fno?.environmentId ?? (e.state === "notChecked" || e.state === "noDataverse" ? app?.id : null) ?? null;
    const url = fno?.url ?? app?.url ?? null;
    if (id !== null) {
      const key = id.toLowerCase();
      const group = groups.get(key) ?? { key, id, url, host: hostOf(url), environments: [] };
      group.environments.push(e);
      groups.set(key, group);
    } else if (COULD_NOT_CHECK.has(e.state)) failed.push(e);
    else if (e.state === "notLinked") notLinked.push(e);
    else notChecked.push(e);
  }
  const body: string[] = [
    `<h1>FinOps Link: link audit</h1>`,
    `<p class="meta">${h(summaryLine(document, shown.length))}</p>`,
    `<p class="meta">Written by ${h(meta.program)} on <time datetime="${h(meta.generatedAt.toISOString())}">${h(meta.generatedAt.toISOString().replace("T", " ").slice(0, 16))} UTC</time>.</p>`,
  ];
  body.push(`<h2>Findings</h2>`);
  body.push(
    findings.length === 0 ? "<p>No findings.</p>" : `<ul class="findings">${findings.map(findingItem).join("")}</ul>`,
  );
  body.push(`<h2>By F&amp;O environment</h2>`);
  if (groups.size === 0) body.push("<p>No environment is linked.</p>");
  // Ids are ours (g1, g2, …): an F&O id from a server is text, never an attribute value that must be unique.
  for (const [index, group] of [...groups.values()].entries()) {
    const shared = group.environments.filter((e) => e.state === "linked").length > 1;
    const flagged = shared || group.environments.some((e) => e.findings.some((code) => flaggedCodes.has(code)));
    const badges = [
      shared ? `<span class="badge">shared by ${group.environments.length} Dataverse environments</span>` : "",
      !shared && flagged ? `<span class="badge">needs attention</span>` : "",
    ].join("");
    body.push(
      `<section class="group${flagged ? " flagged" : ""}" aria-labelledby="g${index + 1}">`,
      `<h3 id="g${index + 1}">F&amp;O ${h(group.host ?? group.id)}${badges}</h3>`,
      `<p class="meta">Environment id <code>${h(group.id)}</code>${group.url === null ? "" : ` · ${link(group.url)}`}</p>`,
      environmentTable(group.environments, `Dataverse environments linked to ${group.host ?? group.id ?? ""}`),
      `</section>`,
    );
  }
  const readiness = readinessSummary(document, shown, true);
  const items = [
    ...(readiness.tenant === null ? [] : [`Tenant capacity: ${readiness.tenant}`]),
    ...readiness.environments.map(({ name, words }) => `${name}: ${words}`),
  ];
  if (items.length > 0) body.push(`<h2>Readiness</h2>`, `<ul>${items.map((l) => `<li>${h(l)}</li>`).join("")}</ul>`);
  if (notLinked.length > 0)
    body.push(`<h2>Not linked</h2>`, environmentTable(notLinked, "Dataverse environments not linked"));
  if (notChecked.length > 0)
    body.push(`<h2>Not checked</h2>`, environmentTable(notChecked, "Environments not checked"));
  if (failed.length > 0)
    body.push(
      `<h2>Could not be checked</h2>`,
      environmentTable(failed, "Environments that could not be checked", true),
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>FinOps Link: link audit</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}

const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

function findingItem(f: Finding): string {
  return `<li><span class="sev ${f.severity}">${SEVERITY_WORDS[f.severity]}</span> <code>${h(f.code)}</code>: ${h(f.message)}<br><span class="next">Next: ${h(f.nextStep)}</span></li>`;
}

function environmentTable(environments: ReadonlyArray<EnvironmentReport>, caption: string, withError = false): string {
  const head = [
    "Environment",
    "Dataverse",
    "State",
    "Type",
    "FinOps Link",
    "Findings",
    ...(withError ? ["Error"] : []),
  ];
  const rows = environments.map((e) => {
    const admin = e.adminCenter.compared ? e.adminCenter : null;
    const cells = [
      `<th scope="row">${h(e.name)}</th>`,
      `<td>${link(e.url)}</td>`,
      `<td>${h(STATE_WORDS[e.state])}</td>`,
      `<td>${h(admin?.sku ?? "")}</td>`,
      `<td>${h(solutionWords(e))}</td>`,
      `<td>${e.findings.map((code) => `<code>${h(code)}</code>`).join(", ")}</td>`,
      ...(withError ? [`<td>${h(e.error?.message ?? "")}</td>`] : []),
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table><caption class="meta">${h(caption)}</caption><thead><tr>${head.map((c) => `<th scope="col">${h(c)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
