import type { WebApiLike } from "./options";

/**
 * `context.webAPI.execute`: in a model-driven app the PCF runtime's webAPI is the platform's Xrm.WebApi and has it at
 * run time, though the published PCF typings leave it out. Only this slice is typed, and only what is there is used.
 */
interface ExecutingWebApi {
  execute(request: object): PromiseLike<unknown>;
}

/**
 * A PCF control's `context.webAPI` as the core's WebApiLike (`{ online: { execute } }`), or undefined where the host
 * has no execute (a canvas host, a manifest feature the runtime reports unsupported): getIntegrationDetails then asks
 * through same-origin fetch, as it also does when execute fails with anything but an answer from Dataverse
 * (Microsoft's test harness, whose execute is not wired; core/errors.ts isAnswer). The control's manifest must declare
 * `<uses-feature name="WebAPI" required="false"/>` or the runtime refuses every call (docs/development.md). Never
 * throws; never `window.Xrm`: a control reads only what its context hands it.
 */
export function pcfWebApi(webAPI: unknown): WebApiLike | undefined {
  try {
    const candidate = webAPI as Partial<ExecutingWebApi> | null | undefined;
    const execute = candidate?.execute;
    if (typeof execute !== "function") return undefined;
    return { online: { execute: (request) => execute.call(candidate, request) } };
  } catch {
    return undefined; // a getter that throws: as if there were no execute
  }
}
