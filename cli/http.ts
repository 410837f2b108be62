import { Agent, fetch } from "undici";

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
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpRequest {
  method?: "GET" | "POST";
  token: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's timeout for one slow operation (PublishAllXml). */
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  statusText: string;
  text: string;
  headers: { get(name: string): string | null };
}

/** No answer within the timeout: the request was aborted and its socket closed. */
export class TimeoutFailure extends Error {
  override readonly name = "TimeoutFailure";
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${formatSeconds(timeoutMs)} (--timeout)`);
  }
}

/** No HTTP answer at all: DNS, refused or reset connection. */
export class ConnectionFailure extends Error {
  override readonly name = "ConnectionFailure";
}

export const ODATA_HEADERS = {
  Accept: "application/json",
  "OData-MaxVersion": "4.0",
  "OData-Version": "4.0",
} as const;

/**
 * One connection at a time per client, closed with it: runCheck and import give each environment its own scoped
 * client and close it when the environment is done, so at most `--concurrency` sockets are ever open (idle
 * keep-alive sockets of finished environments would otherwise pile up, one origin each).
 */
export class HttpClient {
  constructor(
    private readonly options: HttpOptions,
    private readonly dispatcher: Agent = new Agent({ connections: 1 }),
    private readonly counters: { retried: number } = { retried: 0 },
  ) {}

  /** Requests sent again after a 429/503 answer, over this client and every scoped one: for the summary and the bench. */
  get retried(): number {
    return this.counters.retried;
  }

  /** The longest one request can take with every retry and wait: what core's own timeout must not cut short. */
  get worstCaseMs(): number {
    return (this.options.timeoutMs + this.options.maxRetryWaitMs) * (this.options.maxRetries + 1);
  }

  /** A client with its own connection, sharing the options and the retry count. */
  scoped(): HttpClient {
    return new HttpClient(this.options, new Agent({ connections: 1 }), this.counters);
  }

  /** Closes the connection now (an aborted or hanging request's socket included). */
  close(): Promise<void> {
    return this.dispatcher.destroy();
  }

  async send(url: string, request: HttpRequest): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(url, request);
      const wait = retryWait(answer, attempt, this.options.maxRetries, this.options.maxRetryWaitMs);
      if (wait === undefined) return answer;
      this.counters.retried++;
      await (this.options.sleep ?? sleep)(wait);
    }
  }

  private async once(url: string, request: HttpRequest): Promise<HttpAnswer> {
    const headers: Record<string, string> = {
      ...ODATA_HEADERS,
      ...request.headers,
      Authorization: `Bearer ${request.token}`,
    };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, {
        method: request.method ?? "GET",
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        redirect: "error",
        dispatcher: this.dispatcher,
      });
      const text = await response.text();
      return {
        status: response.status,
        ok: response.ok,
        statusText: response.statusText,
        text,
        headers: response.headers,
      };
    } catch (error) {
      if (signal.aborted) throw new TimeoutFailure(timeoutMs);
      throw new ConnectionFailure(connectionWords(error));
    }
  }
}

/** How long to wait before retrying, or undefined when the answer is final. */
export function retryWait(
  answer: Pick<HttpAnswer, "status" | "headers">,
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
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function connectionWords(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return `could not connect (${cause.code})`;
  if (typeof cause?.message === "string") return `could not connect (${cause.message})`;
  return "could not connect";
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
