import type { GetDetailsOptions } from "./options";
import type { IntegrationResult } from "./result";

// CONTRACT STUB: the core helper replaces this with the real client.
export async function getIntegrationDetails(options: GetDetailsOptions): Promise<IntegrationResult> {
  void options;
  return { kind: "failed", message: "not implemented" };
}
