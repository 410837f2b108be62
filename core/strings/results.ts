import type { Catalog } from "./languages";

/** Words for each result kind, shared by the control and the form script. Owner: core. */
const en = {
  Result_Loading: "Checking the finance and operations link…",
  Result_NotLinked: "This environment isn't linked to finance and operations.",
} as const;

export type ResultStringKey = keyof typeof en;

export const resultStrings: Catalog<ResultStringKey> = {
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
