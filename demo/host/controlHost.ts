import type { Theme } from "@fluentui/react-components";
import type { ControlInstanceConfig, DemoConfig } from "./config";
import type { FormModel } from "./formModel";
import { platformWindow, type ControlConstructor } from "./globals";
import type { DemoHostApi } from "./hostApi";
import { createPcfContext } from "./pcfContext";
import { CALLERS, createExecute } from "./webApiExecute";
import { createRecordCalls } from "./webApiRecords";

/**
 * Runs one control instance through the PCF lifecycle as a model-driven form does for a virtual control:
 * new -> init(context, notifyOutputChanged, state) -> updateView(context) returns an element the host renders inside
 * the app's FluentProvider; notifyOutputChanged -> getOutputs() -> the bound column -> updateView again.
 */
export function mountControl(
  Ctor: ControlConstructor,
  slot: HTMLElement,
  instance: ControlInstanceConfig,
  config: DemoConfig,
  model: FormModel,
  theme: Theme,
  api: DemoHostApi,
): () => void {
  const w = platformWindow();
  const { createElement } = w.Reactv16;
  const { FluentProvider } = w.FluentUIReactv940;
  const control = config.control!;
  const attribute = model.attributes.find((a) => a.getName() === instance.boundAttribute);
  const execute = createExecute(
    (url, init) => window.fetch(url, init),
    CALLERS.controlExecute,
    (caller, operation) => api.log(`${instance.id} ${caller}`, operation),
    { bodyUsed: config.controlWebApi === "bodyUsed" },
  );
  const records = createRecordCalls(
    (url, init) => window.fetch(url, init),
    CALLERS.controlExecute,
    (call, text) => api.log(`${instance.id} webAPI.${call}`, text),
  );
  const contextFor = () =>
    createPcfContext({
      config,
      instance,
      properties: control.properties,
      features: control.features,
      strings: control.strings,
      theme,
      boundValue: attribute?.getValue() ?? null,
      openUrl: (url) => {
        api.openedUrls.push(url);
        api.log(`${instance.id} navigation.openUrl`, url);
      },
      requestRender: () => render(),
      execute,
      records,
      row: config.record.row,
    });

  const fail = (phase: string, error: unknown) => {
    const text = `${instance.id} ${phase}: ${error instanceof Error ? error.message : String(error)}`;
    api.controlErrors.push(text);
    api.log("control error", text);
    slot.textContent = `Error loading control (${text})`;
  };

  const pcfControl = new Ctor();
  function render(): void {
    try {
      const element = pcfControl.updateView(contextFor());
      w.ReactDOMv16.render(
        createElement(
          FluentProvider,
          { theme, dir: config.rtl ? "rtl" : "ltr", style: { background: "transparent" } },
          element,
        ),
        slot,
      );
    } catch (error) {
      fail("updateView", error);
    }
  }
  const notifyOutputChanged = () => {
    // The platform reads outputs after the current turn, then writes the bound column and re-renders.
    queueMicrotask(() => {
      const outputs = pcfControl.getOutputs?.() as Record<string, unknown> | undefined;
      api.log(`${instance.id} getOutputs`, JSON.stringify(outputs ?? {}));
      if (attribute && outputs && "value" in outputs)
        attribute.setValue(typeof outputs.value === "string" ? outputs.value : null);
      render();
    });
  };
  try {
    pcfControl.init(contextFor(), notifyOutputChanged, {});
  } catch (error) {
    fail("init", error);
    return () => undefined;
  }
  render();
  return render;
}

/** The registry `ComponentFramework.registerControl` fills, as the platform's loader does. */
export function installRegistry(): Map<string, ControlConstructor> {
  const registry = new Map<string, ControlConstructor>();
  platformWindow().ComponentFramework = { registerControl: (name, ctor) => void registry.set(name, ctor) };
  return registry;
}
