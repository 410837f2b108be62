import type { Dispatcher } from "undici";
import { ConnectionFailure, RedirectFailure, SizeFailure, TimeoutFailure, send, type SentAnswer } from "./net/send";
import type { Slot } from "./slots";

export { ConnectionFailure, RedirectFailure, SizeFailure, TimeoutFailure };

/**
 * Every request the command line sends: a bearer token, a timeout per attempt, and Dataverse's service protection
 * honoured (429, and 503 with Retry-After, are retried after the time the server asks, a bounded number of times).
 */
export interface HttpOptions {
  /** Per attempt, in ms. */
  timeoutMs: number;
  /** Retries after 429/503 before the answer is taken as it is. */
  maxRetries: number;
  /** The longest Retry-After honoured; a longer one is waited this long. */
  maxRetryWaitMs: number;
  /**
   * A new dispatcher (cli/net/agent.ts) for each scoped client: at most CONNECTIONS_PER_SCOPE connections per origin,
   * so one environment's reads go out together.
   */
  dispatcher: () => Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Told before each wait (ms) with what is waited for, e.g. "contoso.crm.dynamics.com answered HTTP 429", so a long
   * one can be said: the server's Retry-After here, and a caller's own backoff through `announceWait`.
   */
  onWait?: (what: string, ms: number) => void;
}

/** A token that can be asked again: `refresh` gives a new one after the server said the old one expired. */
export interface Bearer {
  token(): Promise<string>;
  /** A newly acquired token, or undefined when the source cannot give another (a fixed --access-token). */
  refresh(): Promise<string | undefined>;
}

export interface HttpRequest {
  method?: "GET" | "POST";
  token: string | Bearer;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's timeout for one slow operation (PublishAllXml). */
  timeoutMs?: number;
}

export type HttpAnswer = SentAnswer;

/**
 * Connections one scoped client (one environment) may open to its origin: every read of an environment's round trip
 * goes out at once (cli/check/checkEnvironment.ts); more requests than this queue for a connection.
 */
export const CONNECTIONS_PER_SCOPE = 6;

export const ODATA_HEADERS = {
  Accept: "application/json",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
} as const;

/**
 * A few connections per client, closed with it: runCheck and import give each environment its own scoped client and
 * close it when the environment is done, so at most `--concurrency` × CONNECTIONS_PER_SCOPE sockets are ever open
 * (idle keep-alive sockets of finished environments would otherwise pile up, one origin each). A scoped client given
 * a Slot (cli/slots.ts) lends it out while its requests wait out a Retry-After.
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly options: HttpOptions,
    private readonly counters: { retried: number } = { retried: 0 },
    private readonly slot?: Slot,
  ) {
    this.dispatcher = options.dispatcher();
  }

  /** Requests sent again after a 429/503 answer, over this client and every scoped one: for the summary and the bench. */
  get retried(): number {
    return this.counters.retried;
  }

  /**
   * The longest one request can take with every retry and wait (and, after each wait, about one request's time for
   * its slot to come back), and one token refresh (a sign-in and the request again): what core's own timeout must not
   * cut short.
   */
  get worstCaseMs(): number {
    return (
      (2 * this.options.timeoutMs + this.options.maxRetryWaitMs) * (this.options.maxRetries + 1) +
      2 * this.options.timeoutMs
    );
  }

  /** `--retries`: how often a request is sent again after an answer or failure that may pass. */
  get maxRetries(): number {
    return this.options.maxRetries;
  }

  /** Says a wait of the caller's own (a backoff) the way the client's own waits are said. */
  announceWait(what: string, ms: number): void {
    this.options.onWait?.(what, ms);
  }

  /**
   * A client with its own connections, sharing the options and the retry count; with `slot`, the environment's
   * claim on `--concurrency`, which a Retry-After wait lends out (cli/slots.ts).
   */
  scoped(slot?: Slot): HttpClient {
    return new HttpClient(this.options, this.counters, slot);
  }

  /** Closes the connections now (an aborted or hanging request's socket included). */
  close(): Promise<void> {
    return this.dispatcher.destroy();
  }

  /**
   * Sends the request; after 429/503 waits and retries (bounded), and after a 401 that says the token expired asks
   * for a new token once and sends again. Throws TimeoutFailure, ConnectionFailure, RedirectFailure, SizeFailure.
   * A scoped client's slot is held while the request runs and lent out during a Retry-After wait.
   */
  async send(url: string, request: HttpRequest): Promise<HttpAnswer> {
    const bearer: Bearer = typeof request.token === "string" ? fixedBearer(request.token) : request.token;
    const slot = this.slot;
    await slot?.enter();
    try {
      let token = await bearer.token();
      let refreshed = false;
      for (let attempt = 0; ; attempt++) {
        const answer = await this.once(url, request, token);
        if (answer.status === 401 && !refreshed && saysExpired(answer)) {
          refreshed = true;
          const fresh = await bearer.refresh();
          if (fresh !== undefined && fresh !== token) {
            token = fresh;
            attempt--;
            continue;
          }
        }
        const wait = retryWait(answer, attempt, this.options.maxRetries, this.options.maxRetryWaitMs);
        if (wait === undefined) return answer;
        this.counters.retried++;
        this.announceWait(`${new URL(url).host} answered HTTP ${answer.status}`, wait);
        const sleeping = () => (this.options.sleep ?? sleep)(wait);
        await (slot === undefined ? sleeping() : slot.park(sleeping));
      }
    } finally {
      slot?.leave();
    }
  }

  private once(url: string, request: HttpRequest, token: string): Promise<HttpAnswer> {
    const headers: Record<string, string> = {
      ...ODATA_HEADERS,
      ...request.headers,
      Authorization: `Bearer ${token}`,
    };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    return send(url, {
      method: request.method ?? "GET",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs: request.timeoutMs ?? this.options.timeoutMs,
      dispatcher: this.dispatcher,
    });
  }
}

function fixedBearer(token: string): Bearer {
  return { token: async () => token, refresh: async () => undefined };
}

/**
 * A 401 whose challenge (or error body) says the token expired: Dataverse and the admin API word it in
 * `WWW-Authenticate: Bearer error="invalid_token", error_description="…expired…"`.
 */
export function saysExpired(answer: Pick<HttpAnswer, "status" | "text" | "headers">): boolean {
  if (answer.status !== 401) return false;
  const challenge = answer.headers.get("www-authenticate") ?? "";
  return /expired/i.test(challenge) || /expired/i.test(answer.text.slice(0, 2000));
}

/** How long to wait before retrying, or undefined when the answer is final. */
export function retryWait(
  answer: { status: number; headers: { get(name: string): string | null } },
  attempt: number,
  maxRetries: number,
  maxWaitMs: number,
  now: number = Date.now(),
): number | undefined {
  if (attempt >= maxRetries) return undefined;
  const asked = retryAfterMs(answer.headers.get("retry-after"), now);
  if (answer.status === 429) return Math.min(asked ?? 2 ** attempt * 1000, maxWaitMs);
  if (answer.status === 503 && asked !== undefined) return Math.min(asked, maxWaitMs);
  return undefined;
}

/** Retry-After as seconds (`5`) or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
