import type { Catalog } from "./languages";

/** Words only the PCF control uses (property names for the manifest, buttons, labels). Owner: pcf control. */
const en = {
  Control_Placeholder: "placeholder",
} as const;

export type ControlStringKey = keyof typeof en;

export const controlStrings: Catalog<ControlStringKey> = {
  en,
  de: { ...en },
  fr: { ...en },
  es: { ...en },
  it: { ...en },
  nl: { ...en },
  "pt-BR": { ...en },
  ja: { ...en },
  "zh-CN": { ...en },
  ar: { ...en },
};
