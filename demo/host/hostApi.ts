import type { FormPort } from "../../webresources/ports";
import type { DemoConfig } from "./config";

export interface DemoEvent {
  at: number;
  kind: string;
  text: string;
}

export interface ShownNotification {
  id: string;
  level: string;
  message: string;
  /** A global notification's action: its label (the page shows it as a button that runs the handler). */
  actionLabel?: string;
  runAction?: () => void;
}

/** What the form page exposes on `window.__finopsDemo`: to the form-script frame, to tests and to the bench. */
export interface DemoHostApi {
  config: DemoConfig;
  /** The form as the form script sees it (the FormPort of webresources/ports.ts). */
  formContext: FormPort;
  formNotifications: ShownNotification[];
  globalNotifications: ShownNotification[];
  openedUrls: string[];
  events: DemoEvent[];
  log(kind: string, text: string): void;
  /** Set by the frame: how FinOpsLink.Form.onLoad behaved. */
  formScript: { state: "pending" | "returned" | "threw" | "missing"; onLoadMs?: number; error?: string };
  /** performance.now() of the first paint showing the linked environment id in a control (top frame clock). */
  paintedAt?: number;
  /** performance.now() when the MutationObserver saw the id arrive in the DOM (before that frame was painted). */
  valuesInDomAt?: number;
  controlErrors: string[];
  /** Called by the frame once FinOpsLink.Form.onLoad has returned (or failed). */
  formScriptDone(): void;
  /** Re-renders every control, as the platform does when a property or the container changes. */
  rerender(): void;
  /**
   * The form's save (record=newRow): the row gets its id and name (config.record.savedRow), the form's post-save
   * handlers run, and every control's updateView sees the new context.mode.contextInfo, as after a first save.
   */
  save(): void;
  /** Handlers the form script added with formContext.data.entity.addOnPostSave. */
  postSaveHandlers: Array<(context: unknown) => void>;
}
