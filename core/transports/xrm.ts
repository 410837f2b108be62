import type { WebApiLike } from "../options";
import { IntegrationDetailsRequest } from "../request";
import { ServiceFailure, isObject, type Transport } from "./transport";

/** Xrm.WebApi.online.execute: resolves with a fetch-like Response, rejects with `{ errorCode, message, … }`. */
export function xrmTransport(webApi: WebApiLike): Transport {
  return {
    async retrieve() {
      const response: unknown = await webApi.online.execute(new IntegrationDetailsRequest());
      if (!isObject(response)) return response;
      if (response.ok === false) {
        const status = typeof response.status === "number" ? response.status : undefined;
        throw new ServiceFailure(status, undefined, typeof response.statusText === "string" ? response.statusText : "");
      }
      if (typeof response.json !== "function") return response; // a host that hands back the body itself
      try {
        return (await (response.json as () => Promise<unknown>).call(response)) as unknown;
      } catch {
        return undefined; // body is not JSON: parse.ts reports it as invalid
      }
    },
  };
}
