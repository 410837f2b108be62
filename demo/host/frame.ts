import type { ExecutionContextPort } from "../../webresources/ports";
import { platformWindow } from "./globals";
import { createXrm } from "./xrm";

/**
 * The form-script frame: Unified Interface loads form libraries into a separate same-origin frame, gives them their
 * own `Xrm`, and calls the OnLoad handler with an execution context for the form in the parent page.
 */
const host = platformWindow(window.parent).__finopsDemo;
if (!host) throw new Error("The form-script frame runs inside the demo form page only.");
(window as unknown as { Xrm: object }).Xrm = createXrm(window, host.config, host);

interface FormLibrary {
  FinOpsLink?: { Form?: { onLoad?: (executionContext: ExecutionContextPort, options?: unknown) => unknown } };
}

window.addEventListener("DOMContentLoaded", () => {
  const onLoad = (window as unknown as FormLibrary).FinOpsLink?.Form?.onLoad;
  if (typeof onLoad !== "function") {
    host.formScript = { state: "missing", error: "FinOpsLink.Form.onLoad is not defined by the web resource" };
    host.log("form script", host.formScript.error ?? "");
    host.formScriptDone();
    return;
  }
  // The execution context as the form script reads it: only getFormContext (webresources/ports.ts).
  const executionContext: ExecutionContextPort = { getFormContext: () => host.formContext };
  const started = performance.now();
  try {
    const returned = onLoad(executionContext, host.config.formScript?.options);
    host.formScript = { state: "returned", onLoadMs: performance.now() - started };
    host.log(
      "FinOpsLink.Form.onLoad",
      `returned ${returned instanceof Promise ? "a promise" : typeof returned} in ${host.formScript.onLoadMs?.toFixed(1)} ms`,
    );
  } catch (error) {
    host.formScript = {
      state: "threw",
      onLoadMs: performance.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
    host.log("FinOpsLink.Form.onLoad threw", host.formScript.error ?? "");
  }
  host.formScriptDone();
});
