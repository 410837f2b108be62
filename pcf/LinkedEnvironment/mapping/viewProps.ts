import type { Theme } from "@fluentui/react-components";
import type { LinkedEnvironmentProps } from "../components/LinkedEnvironmentRoot";
import type { IInputs } from "../generated/ManifestTypes";
import type { ResultStore } from "../resultStore";
import { readSettings } from "./settings";
import type { Translate } from "./translate";

/** Arabic (1025) is the right-to-left language we ship; isRTL covers any other the host reports. */
const RTL_LCIDS: readonly number[] = [1025];

/** Context in, props out: everything the root component needs from one updateView. */
export function toViewProps(
  context: ComponentFramework.Context<IInputs>,
  instance: { store: ResultStore; translate: Translate; idPrefix: string },
): LinkedEnvironmentProps {
  // cacheMinutes and writeUrlToColumn steer the request and the column, not the view.
  const {
    cacheMinutes: _cacheMinutes,
    writeUrlToColumn: _writeUrlToColumn,
    ...display
  } = readSettings(context.parameters);
  return {
    ...instance,
    ...display,
    // The platform's token theme follows Fluent's Theme shape; the PCF typings declare their own copy of it.
    theme: context.fluentDesignLanguage?.tokenTheme as Theme | undefined,
    rtl: context.userSettings.isRTL === true || RTL_LCIDS.includes(context.userSettings.languageId),
    visible: context.mode.isVisible !== false,
    readable: context.parameters.value?.security?.readable !== false,
  };
}

/** Whether the control may change the bound column: not when the form disabled it or column security forbids it. */
export function canEditColumn(context: ComponentFramework.Context<IInputs>): boolean {
  return !context.mode.isControlDisabled && context.parameters.value?.security?.editable !== false;
}

let instances = 0;

/** A distinct id prefix per control instance (several controls on one form must not share Fluent ids). */
export function nextIdPrefix(): string {
  instances += 1;
  return `finopslink-${instances}-`;
}
