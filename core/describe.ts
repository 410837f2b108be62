import type { IntegrationResult } from "./result";
import type { ResultStringKey } from "./strings/results";

/** Looks up a result string in the user's language: the control passes `context.resources.getString`, the form script its catalog. */
export type ResultTranslator = (key: ResultStringKey) => string;

// CONTRACT STUB: the core helper replaces this.
/** Plain-words title and detail for a result, in the user's language: what both edges show for non-linked kinds. */
export function describeResult(result: IntegrationResult, t: ResultTranslator): { title: string; detail?: string } {
  void result;
  void t;
  return { title: "" };
}
