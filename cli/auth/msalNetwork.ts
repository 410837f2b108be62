import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from "@azure/msal-node";
import type { Dispatcher } from "undici";
import { send } from "../net/send";

/** The code of the error MSAL passes back to us unchanged (an AuthError is rethrown as it is). */
export const SIGN_IN_NETWORK_ERROR = "finops_link_network";

/** A request of MSAL's that got no usable answer: carries our own words (cli/net/send.ts), never the form it sent. */
export class SignInNetworkError extends AuthError {
  constructor(readonly failure: Error) {
    super(SIGN_IN_NETWORK_ERROR, failure.message);
    Object.setPrototypeOf(this, SignInNetworkError.prototype); // AuthError's constructor resets it to its own
    this.name = "SignInNetworkError";
  }
}

/**
 * MSAL's network client: every sign-in request through our dispatcher (so HTTPS_PROXY and NO_PROXY apply), bounded by
 * `timeoutMs` and by the answer cap, and a redirect never followed (MSAL's default client follows one to any host,
 * and a client secret or assertion in the form would follow it). MSAL takes `system.networkClient` (INetworkModule).
 */
export function msalNetwork(dispatcher: Dispatcher, timeoutMs: number): INetworkModule {
  const request = async <T>(
    method: "GET" | "POST",
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout?: number,
  ): Promise<NetworkResponse<T>> => {
    let answer;
    try {
      answer = await send(url, {
        method,
        headers: { ...options?.headers },
        body: method === "POST" ? (options?.body ?? "") : undefined,
        timeoutMs: Math.min(timeout ?? timeoutMs, timeoutMs),
        dispatcher,
      });
    } catch (error) {
      throw new SignInNetworkError(error as Error);
    }
    let body: T;
    try {
      body = JSON.parse(answer.text) as T;
    } catch {
      throw new SignInNetworkError(new Error(`the sign-in host answered HTTP ${answer.status} without JSON`));
    }
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, key) => (headers[key] = value));
    return { status: answer.status, headers, body };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => request("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => request("POST", url, options),
  };
}
