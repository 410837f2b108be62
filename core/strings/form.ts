import type { Catalog } from "./languages";

/** Words only the form script uses (notifications, option problems). Owner: form web resource. */
const en = {
  Form_Placeholder: "placeholder",
} as const;

export type FormStringKey = keyof typeof en;

export const formStrings: Catalog<FormStringKey> = {
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
