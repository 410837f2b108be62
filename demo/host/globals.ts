import type * as ReactModule from "react";
import type * as ReactDomModule from "react-dom";
import type * as FluentModule from "@fluentui/react-components";
import type { DemoHostApi } from "./hostApi";

/** The libraries a model-driven app provides to controls, read from window as the platform exposes them. */
export interface PlatformWindow extends Window {
  Reactv16: typeof ReactModule;
  ReactDOMv16: typeof ReactDomModule;
  FluentUIReactv940: typeof FluentModule;
  ComponentFramework?: { registerControl(name: string, ctor: ControlConstructor): void };
  __finopsDemo?: DemoHostApi;
}

export type ControlConstructor = new () => ComponentFramework.ReactControl<ComponentFramework.PropertyTypes.Property[] | object, object>;

export function platformWindow(win: Window = window): PlatformWindow {
  return win as PlatformWindow;
}
