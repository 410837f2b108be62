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

/** A PCF virtual control class as the bundle registers it. */
export type ControlConstructor = new () => ComponentFramework.ReactControl<
  Record<string, unknown>,
  Record<string, unknown>
>;

export function platformWindow(win: Window = window): PlatformWindow {
  return win as PlatformWindow;
}
