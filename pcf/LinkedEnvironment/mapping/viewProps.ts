import type { Theme } from "@fluentui/react-components";
import { isRightToLeft } from "../../../core/strings/languages";
import type { LinkedEnvironmentProps } from "../components/LinkedEnvironmentRoot";
import type { IInputs } from "../generated/ManifestTypes";
import { readSettings } from "./settings";

/** Context in, props out: everything the root component needs from one updateView. */
export function toViewProps(
  context: ComponentFramework.Context<IInputs>,
  instance: Pick<LinkedEnvironmentProps, "store" | "recordStore" | "recordName" | "translate" | "idPrefix">,
): LinkedEnvironmentProps {
  // cacheMinutes and writeUrlToColumn steer the request and the column, not the view.
  const {
    cacheMinutes: _cacheMinutes,
    writeUrlToColumn: _writeUrlToColumn,
    record: _record,
    ...display
  } = readSettings(context.parameters);
  return {
    ...instance,
    ...display,
    // The platform's token theme follows Fluent's Theme shape; the PCF typings declare their own copy of it.
    theme: context.fluentDesignLanguage?.tokenTheme as Theme | undefined,
    // isRTL covers a right-to-left language we do not ship; the language list says which shipped ones are.
    rtl: context.userSettings.isRTL === true || isRightToLeft(context.userSettings.languageId),
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
