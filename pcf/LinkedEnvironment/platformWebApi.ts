import type { WebApiLike } from "../../core";

/**
 * `context.webAPI.execute`: in a model-driven app the PCF runtime's webAPI is the platform's Xrm.WebApi and has it at
 * run time, though the published PCF typings leave it out. Only this slice is typed, and only what is there is used.
 */
interface ExecutingWebApi {
  execute(request: object): PromiseLike<unknown>;
}

/**
 * The host's execute as the core's WebApiLike, or undefined where the host has none (a canvas host, a manifest feature
 * the runtime reports unsupported): the core then calls through same-origin fetch, as it also does when execute fails
 * with anything but an answer from Dataverse (Microsoft's test harness, whose execute is not wired; core/errors.ts
 * isAnswer). Never `window.Xrm`: a control reads only what its context hands it.
 */
export function platformWebApi(webAPI: unknown): WebApiLike | undefined {
  try {
    const candidate = webAPI as Partial<ExecutingWebApi> | null | undefined;
    const execute = candidate?.execute;
    if (typeof execute !== "function") return undefined;
    return { online: { execute: (request) => execute.call(candidate, request) } };
  } catch {
    return undefined; // a getter that throws: as if there were no execute
  }
}
