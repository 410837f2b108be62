import { LANGUAGES } from "../../core/strings/languages";
import { SCENARIO_DESCRIPTIONS, SCENARIOS } from "../emulator/scenarios";
import { RECORD_CASE_NAMES, RECORD_CASES } from "../emulator/recordCases";
import { CONFIG_ELEMENT_ID, type DemoConfig } from "../host/config";
import type { PageQuery } from "./pageConfig";

const LANGUAGE_NAMES: Record<string, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  nl: "Nederlands",
  "pt-BR": "Português (Brasil)",
  ja: "日本語",
  "zh-CN": "中文(简体)",
  ar: "العربية",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside <script type="application/json">: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function option(value: string | number, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(String(value))}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
}

function picker(query: PageQuery): string {
  return `<form id="picker" method="get" action="/" aria-label="Demo settings">
  <label>Scenario <select name="scenario">${SCENARIOS.map((s) => option(s, `${s}: ${SCENARIO_DESCRIPTIONS[s]}`, s === query.scenario)).join("")}</select></label>
  <label>Record link <select name="record">${RECORD_CASE_NAMES.map((r) => option(r, `${r}: ${RECORD_CASES[r].description}`, r === query.record)).join("")}</select></label>
  <label>Language <select name="lang">${LANGUAGES.map((l) => option(l.lcid, `${LANGUAGE_NAMES[l.tag] ?? l.tag} (${l.lcid})`, l.lcid === query.lcid)).join("")}</select></label>
  <label>Theme <select name="theme">${option("light", "Light", query.theme === "light")}${option("dark", "Dark", query.theme === "dark")}</select></label>
  <label>Controls <select name="controls">${[0, 1, 2, 3].map((n) => option(n, String(n), n === query.controls)).join("")}</select></label>
  <label><input type="hidden" name="script" value="0"><input type="checkbox" name="script" value="1"${query.script ? " checked" : ""}> Form script</label>
  <label><input type="checkbox" name="offline" value="1"${query.offline ? " checked" : ""}> Offline</label>
  <label>Control calls via <select name="webapi">${option("execute", "webAPI.execute", query.controlWebApi === "execute")}${option("noExecute", "fetch (no execute)", query.controlWebApi === "noExecute")}${option("notImplemented", "fetch (execute not implemented)", query.controlWebApi === "notImplemented")}${option("bodyUsed", "execute resolves a spent Response", query.controlWebApi === "bodyUsed")}</select></label>
  <label>Form script options <input name="formOptions" size="28" placeholder='{"notify":"always"}' value="${escapeHtml(query.rawFormOptions)}"></label>
  ${query.order === "scriptFirst" ? '<input type="hidden" name="order" value="scriptFirst">' : ""}
  ${query.delayMs === undefined ? "" : `<input type="hidden" name="delay" value="${query.delayMs}">`}
  <noscript><button type="submit">Apply</button></noscript>
</form>`;
}

const STYLE = `
:root { color-scheme: light; --bg: #f5f5f5; --card: #ffffff; --fg: #242424; --muted: #616161; --line: #d1d1d1; --bar: #0f6cbd; --bar-fg: #ffffff; }
[data-theme=dark] { color-scheme: dark; --bg: #1f1f1f; --card: #292929; --fg: #ffffff; --muted: #d6d6d6; --line: #525252; --bar: #115ea3; --bar-fg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; background: var(--bg); color: var(--fg); }
header.app { background: var(--bar); color: var(--bar-fg); padding: 8px 16px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
header.app h1 { font-size: 16px; margin: 0; font-weight: 600; }
#picker { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
#picker select { max-width: 220px; }
main { padding: 12px 16px; max-width: 1100px; }
.notifications { list-style: none; margin: 0 0 8px; padding: 0; }
.notification { padding: 8px 12px; border-inline-start: 4px solid; margin-bottom: 4px; background: var(--card); }
.notification-error { border-color: #c50f1f; } .notification-warning { border-color: #bc4b09; } .notification-info { border-color: #0f6cbd; } .notification-success { border-color: #107c10; }
.record h2 { margin: 4px 0 12px; font-size: 20px; font-weight: 600; }
.tab { background: var(--card); border: 1px solid var(--line); border-radius: 4px; padding: 12px 16px; margin-bottom: 12px; }
.tab h3 { margin: 0 0 8px; font-size: 16px; }
.section h4 { margin: 8px 0; font-size: 14px; color: var(--muted); font-weight: 600; }
.field { display: grid; grid-template-columns: 200px 1fr; gap: 8px; padding: 6px 0; border-top: 1px solid var(--line); align-items: start; }
.field .label { color: var(--muted); }
#controls { padding: 4px; }
.commands { margin: 0 0 8px; } .commands button { font: inherit; padding: 4px 12px; }
details { margin-top: 12px; } #events { font-family: ui-monospace, monospace; font-size: 12px; }
.problems { border: 2px solid #c50f1f; padding: 8px 12px; background: var(--card); }
`;

/** The form page. Scripts load in the platform's order: libraries, host (registerControl), then the shipped bundle. */
export function formPage(config: DemoConfig, query: PageQuery): string {
  const dir = config.rtl ? "rtl" : "ltr";
  const controls = config.control?.instances ?? [];
  const slots = controls
    .map(
      (
        c,
      ) => `<div class="field" data-control="${c.id}"><span class="label" id="${c.id}-label">${escapeHtml(c.label)}</span>
        <div role="group" aria-labelledby="${c.id}-label" data-control-slot="${c.id}" data-testid="${c.id}"></div></div>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${escapeHtml(config.languageTag)}" dir="${dir}" data-theme="${config.theme}">
<head>
<meta charset="utf-8">
<title>FinOps Link demo: ${escapeHtml(config.scenario)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptJson(config)}</script>
<script src="/platform/react.js"></script>
<script src="/platform/react-dom.js"></script>
<script src="/platform/fluent.js"></script>
<script src="/assets/host.js"></script>
${config.control ? `<script src="${escapeHtml(config.control.bundleUrl)}"></script>` : ""}
</head>
<body>
<header class="app" dir="ltr" lang="en"><h1>FinOps Link demo</h1>${picker(query)}</header>
<main>
  ${config.problems.length ? `<div class="problems" role="alert"><strong>The solution zip could not be loaded.</strong><ul>${config.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul></div>` : ""}
  <ul id="global-notifications" class="notifications" aria-label="App notifications" aria-live="polite" hidden></ul>
  <article class="record" data-table="${escapeHtml(config.record.row.entityTypeName)}">
    <h2>${escapeHtml(config.record.row.entityRecordName)}</h2>
    ${config.formScript || config.record.savedRow ? `<div class="commands" role="toolbar" aria-label="Command bar">${config.record.savedRow ? '<button type="button" id="command-save">Save</button>' : ""}${config.formScript ? '<button type="button" id="command-open-record">Open in finance and operations</button>' : ""}</div>` : ""}
    <ul id="form-notifications" class="notifications" aria-label="Form notifications" aria-live="polite" hidden></ul>
    <section class="tab" data-tab="summary" aria-labelledby="tab-summary"><h3 id="tab-summary">Summary</h3>
      <div class="section" data-section="finops_section"><h4>Finance and operations</h4><div id="controls">${slots || "<p>No control on this form.</p>"}</div></div>
      <div class="section" data-section="details_section"><h4>Details</h4>
        <div class="field"><span class="label">Name</span><span data-attribute="name"></span></div>
        ${Object.entries(config.record.fields)
          .map(
            ([name, value]) =>
              `<div class="field"><span class="label">${escapeHtml(name)}</span><span>${escapeHtml(value ?? "---")}</span></div>`,
          )
          .join("")}
        <div class="field"><span class="label">F&amp;O URL column (fol_finopsurl)</span><span data-attribute="fol_finopsurl"></span></div>
      </div>
    </section>
    <section class="tab" data-tab="finops_tab" aria-labelledby="tab-finops"><h3 id="tab-finops">Finance and operations</h3>
      <div class="section" data-section="finops_tab_section"><p>Form script: <span id="form-script-state">${config.formScript ? "pending" : "not on this form"}</span></p></div>
    </section>
  </article>
  <details dir="ltr" lang="en"><summary>Host events</summary><ol id="events"></ol></details>
</main>
</body>
</html>`;
}

/** The hidden frame form libraries run in: the host's Xrm first, then the shipped web resource. */
export function framePage(scriptUrl: string | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Form scripts</title>
<script src="/assets/frame.js"></script>
${scriptUrl ? `<script src="${escapeHtml(scriptUrl)}"></script>` : ""}
</head><body></body></html>`;
}
