import { CONFIG_ELEMENT_ID, type DemoConfig } from "./config";
import { installRegistry, mountControl } from "./controlHost";
import { FormModel } from "./formModel";
import { platformWindow } from "./globals";
import type { DemoHostApi } from "./hostApi";
import { formLayout } from "./layout";
import { apiResponseEnd, watchForPaint } from "./paintProbe";
import { renderForm } from "./render";

/**
 * The form page: a model-driven record form in miniature. Runs before the control bundle (so registerControl
 * exists), then on DOMContentLoaded mounts the controls and opens the form-script frame.
 */
const config = JSON.parse(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? "{}") as DemoConfig;
const registry = installRegistry();
const w = platformWindow();

// Switching scenario in the picker would otherwise show the previous scenario's cached answer for the TTL.
const SCENARIO_KEY = "finops-demo:scenario";
if (sessionStorage.getItem(SCENARIO_KEY) !== config.scenario) {
  sessionStorage.clear();
  sessionStorage.setItem(SCENARIO_KEY, config.scenario);
}

const started = performance.now();
const renderers: Array<() => void> = [];
const api: DemoHostApi = {
  config,
  get formContext() {
    return model.formContext;
  },
  formNotifications: [],
  globalNotifications: [],
  openedUrls: [],
  events: [],
  controlErrors: [],
  formScript: { state: "pending" },
  log(kind, text) {
    api.events.push({ at: performance.now() - started, kind, text });
    scheduleRender();
  },
  formScriptDone() {
    if (config.order === "scriptFirst") mountControls();
  },
  rerender() {
    scheduleRender();
    for (const render of renderers) render();
  },
  postSaveHandlers: [],
  save() {
    // The row object is shared with the form model and every control's context: changed in place, all see the save.
    if (config.record.savedRow !== undefined) Object.assign(config.record.row, config.record.savedRow);
    api.log("save", `${config.record.row.entityTypeName} ${config.record.row.entityId}`);
    for (const handler of api.postSaveHandlers) {
      try {
        handler({ getFormContext: () => model.formContext, getEventArgs: () => ({ getIsSaveSuccess: () => true }) });
      } catch (error) {
        api.log("post-save handler threw", String(error));
      }
    }
    api.rerender();
  },
};
const model: FormModel = new FormModel(
  formLayout(config),
  () => scheduleRender(),
  (kind, text) => api.log(kind, text),
  config.record.row,
  (handler) => void api.postSaveHandlers.push(handler),
);
api.formNotifications = model.notifications;
w.__finopsDemo = api;

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  queueMicrotask(() => {
    renderQueued = false;
    renderForm(model, api);
  });
}

let mounted = false;
function mountControls(): void {
  const control = config.control;
  if (!control || mounted) return;
  mounted = true;
  const Ctor = registry.get(control.registryName);
  if (!Ctor) {
    api.controlErrors.push(`The bundle did not register ${control.registryName}`);
    api.log("control error", `registerControl('${control.registryName}') was never called`);
    return;
  }
  const theme = config.theme === "dark" ? w.FluentUIReactv940.webDarkTheme : w.FluentUIReactv940.webLightTheme;
  const area = document.getElementById("controls");
  if (area) {
    watchForPaint(area, config.expectedEnvironmentId, (at, inDomAt) => {
      api.paintedAt = at;
      api.valuesInDomAt = inDomAt;
      const end = apiResponseEnd();
      api.log(
        "painted",
        end === undefined
          ? "linked values painted (no request from this frame)"
          : `linked values painted ${(at - end).toFixed(1)} ms after the API response`,
      );
    });
  }
  for (const instance of control.instances) {
    const slot = document.querySelector<HTMLElement>(`[data-control-slot="${instance.id}"]`);
    if (slot) renderers.push(mountControl(Ctor, slot, instance, config, model, theme, api));
  }
}

function openFormScriptFrame(): void {
  if (!config.formScript) return;
  const frame = document.createElement("iframe");
  frame.id = "form-script-frame";
  frame.title = "Form scripts";
  frame.src = "/frame";
  frame.hidden = true;
  document.body.appendChild(frame);
}

document.addEventListener("DOMContentLoaded", () => {
  renderForm(model, api);
  for (const select of document.querySelectorAll<HTMLSelectElement | HTMLInputElement>(
    "#picker select, #picker input[type=checkbox]",
  )) {
    select.addEventListener("change", () => (select.form as HTMLFormElement).submit());
  }
  openFormScriptFrame();
  // The command bar button: Run JavaScript, fol_/finopslink/form.js, FinOpsLink.Form.openRecordInFinOps with
  // PrimaryControl and the record settings as a string parameter, as the command designer passes them.
  document.getElementById("command-open-record")?.addEventListener("click", () => {
    const frame = document.getElementById("form-script-frame") as HTMLIFrameElement | null;
    const library = (frame?.contentWindow as { FinOpsLink?: { Form?: Record<string, unknown> } } | null)?.FinOpsLink;
    const open = library?.Form?.openRecordInFinOps;
    if (typeof open !== "function") return api.log("command", "FinOpsLink.Form.openRecordInFinOps is not defined");
    api.log("command", "FinOpsLink.Form.openRecordInFinOps");
    void (open as (form: unknown, options: string) => Promise<void>)(
      model.formContext,
      JSON.stringify(config.record.settings),
    );
  });
  // record=newRow: the form's Save (the row gets its id and name; post-save handlers and updateView follow).
  document.getElementById("command-save")?.addEventListener("click", () => api.save());
  if (config.order !== "scriptFirst" || !config.formScript) mountControls();
});
