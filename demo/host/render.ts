import type { FormModel } from "./formModel";
import type { DemoHostApi, ShownNotification } from "./hostApi";

const FORM_LEVELS: Record<string, string> = { ERROR: "error", WARNING: "warning", INFO: "info" };
const GLOBAL_LEVELS: Record<string, string> = { "1": "success", "2": "error", "3": "warning", "4": "info" };

function list(container: HTMLElement | null, items: ShownNotification[], levels: Record<string, string>): void {
  if (!container) return;
  container.replaceChildren(
    ...items.map((n) => {
      const item = document.createElement("li");
      const level = levels[n.level] ?? "info";
      item.className = `notification notification-${level}`;
      item.dataset.level = level;
      item.dataset.id = n.id;
      // textContent only: messages come from form scripts and servers.
      item.textContent = n.message;
      if (n.actionLabel && n.runAction) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "notification-action";
        button.textContent = n.actionLabel;
        button.addEventListener("click", () => n.runAction?.());
        item.append(" ", button);
      }
      return item;
    }),
  );
  container.hidden = items.length === 0;
}

/** Paints the form chrome (notification bars, columns, tabs, events) from the model; controls render themselves. */
export function renderForm(model: FormModel, api: DemoHostApi): void {
  list(document.getElementById("form-notifications"), model.notifications, FORM_LEVELS);
  list(document.getElementById("global-notifications"), api.globalNotifications, GLOBAL_LEVELS);
  for (const attribute of model.attributes) {
    const field = document.querySelector<HTMLElement>(`[data-attribute="${attribute.getName()}"]`);
    if (field) field.textContent = attribute.getValue() ?? "---";
  }
  for (const tab of model.tabs) {
    const element = document.querySelector<HTMLElement>(`[data-tab="${tab.name}"]`);
    if (element) element.hidden = !tab.visible;
    for (const section of tab.sectionList) {
      const s = document.querySelector<HTMLElement>(`[data-section="${section.name}"]`);
      if (s) s.hidden = !section.visible;
    }
  }
  const events = document.getElementById("events");
  if (events) {
    events.replaceChildren(
      ...api.events.map((e) => {
        const item = document.createElement("li");
        item.textContent = `${(e.at / 1000).toFixed(3)}s ${e.kind}: ${e.text}`;
        return item;
      }),
    );
  }
  const script = document.getElementById("form-script-state");
  if (script)
    script.textContent =
      api.formScript.state +
      (api.formScript.onLoadMs === undefined ? "" : ` (onLoad returned in ${api.formScript.onLoadMs.toFixed(1)} ms)`) +
      (api.formScript.error ? `: ${api.formScript.error}` : "");
}
