import type { IntegrationResult } from "./result";

// CONTRACT STUB: the core helper replaces this.
/** Plain-words title and detail for a result, in the user's language: what both edges show for non-linked kinds. */
export function describeResult(result: IntegrationResult, lcid: number | undefined): { title: string; detail?: string } {
  void result;
  void lcid;
  return { title: "" };
}
