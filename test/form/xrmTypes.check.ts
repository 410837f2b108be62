/**
 * Compile-time proof (run by `npm run typecheck`, not by Jest) that the real Client API types satisfy the form script's
 * ports, so the fakes in fakes.ts stand for what Dataverse hands in.
 */
import type { ExecutionContextPort, FormPort, XrmPort } from "../../webresources/ports";

export type FormContextFits = Xrm.FormContext extends FormPort ? true : never;
export type EventContextFits = Xrm.Events.EventContext extends ExecutionContextPort ? true : never;
export type XrmFits = Xrm.XrmStatic extends XrmPort ? true : never;

export const proofs: [FormContextFits, EventContextFits, XrmFits] = [true, true, true];
