import { normaliseHost } from "../../core/inputs";
import type { AdminCenterView } from "./adminView";

/**
 * The F&O setup's state as the admin list shows it (Microsoft's "Enable Power Platform integration": the setup adds
 * Dataverse to an F&O environment in stages; a stage that fails is finished with Resume in Lifecycle Services).
 * Pure: the admin center's view in, a word out.
 */

/** `LinkedDatabaseProvisioning`: Dataverse is being added now: not checked yet. */
export function setupInProgress(view: Pick<AdminCenterView, "provisioningState">): boolean {
  return view.provisioningState?.toLowerCase() === "linkeddatabaseprovisioning";
}

/** A provisioning state that ends in `Failed` (LinkedDatabaseFailed, …): a setup stage failed. */
export function setupFailed(view: Pick<AdminCenterView, "provisioningState">): boolean {
  return view.provisioningState !== null && /failed$/i.test(view.provisioningState);
}

/** `states.management.id` Running: an operation (copy, restore, update) is under way: checked later. */
export function busy(view: Pick<AdminCenterView, "managementState">): boolean {
  return view.managementState?.toLowerCase() === "running";
}

/**
 * A cloud-hosted development F&O environment (Lifecycle Services' `*.cloudax.dynamics.com`, `*.axcloud.dynamics.com`):
 * Microsoft links these to Dataverse only while they are deployed.
 */
export function isCloudHosted(url: string | null | undefined): boolean {
  if (typeof url !== "string") return false;
  try {
    return /\.(cloudax|axcloud)\.dynamics\.com$/.test(normaliseHost(new URL(url).hostname));
  } catch {
    return false;
  }
}
