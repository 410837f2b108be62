/**
 * Entry of out/webresources/form.js. The build wraps this in an IIFE and prefixes `var FinOpsLink`, the namespace
 * Dataverse form libraries use; here `Form` is added to that object, keeping whatever other libraries put in it.
 */
import { onLoad } from "./onLoad";
import { openFinOps } from "./openFinOps";
import { openRecordInFinOps } from "./openRecord";

type Namespace = Record<string, unknown> & { Form?: Record<string, unknown> };
const host = globalThis as typeof globalThis & { FinOpsLink?: Namespace };
const namespace: Namespace = host.FinOpsLink ?? (host.FinOpsLink = {});
namespace.Form = Object.assign(namespace.Form ?? {}, { onLoad, openFinOps, openRecordInFinOps });
