import { fetch, type Dispatcher } from "undici";
import { proxyFor } from "./agent";
import { networkCause, proxySignInWords } from "./causes";
import { proxyChallenge } from "./proxyChallenge";

/** The largest answer read: Dataverse's and the admin API's pages, and Entra's token answers, are far smaller. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** No answer within the timeout: the request was aborted and its socket closed. */
export class TimeoutFailure extends Error {
  override readonly name = "TimeoutFailure";
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${formatSeconds(timeoutMs)} (--timeout)`);
  }
}

/**
 * No HTTP answer at all: DNS, refused or reset connection, a proxy that refused the tunnel, a certificate not
 * trusted. The message names the cause and what to do (cli/net/causes.ts); `offline` is false when something did
 * answer, only not as it must (a proxy asking for a sign-in, a certificate): that is a failure, not "unreachable".
 */
export class ConnectionFailure extends Error {
  override readonly name = "ConnectionFailure";
  constructor(
    message: string,
    readonly offline: boolean = true,
  ) {
    super(message);
  }
}

/** The server answered with a redirect: never followed, so a token or a secret never goes to another host. */
export class RedirectFailure extends Error {
  override readonly name = "RedirectFailure";
  constructor(
    readonly status: number,
    readonly location: string,
  ) {
    super(`the server answered HTTP ${status}, a redirect to ${location}: not followed`);
  }
}

/** An answer above MAX_ANSWER_BYTES (declared, or counted while reading): not read further. */
export class SizeFailure extends Error {
  override readonly name = "SizeFailure";
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${limitBytes / 1024 / 1024} MB: not read`);
  }
}

/**
 * An answer that is a web page, not an API's (a proxy's block page, a captive portal, a sign-in page, or a URL that
 * is not the service's): no endpoint the command line calls answers HTML, so it is said as what it is, never read as
 * "invalid answer", "not linked" or a JSON error.
 */
export class ForeignAnswerFailure extends Error {
  override readonly name = "ForeignAnswerFailure";
  constructor(
    readonly status: number,
    host: string,
    title: string | undefined,
  ) {
    super(
      `${host} answered HTTP ${status} with a web page${title === undefined ? "" : ` ("${title}")`}, not the service's API: a proxy, a captive portal or a sign-in page answered in its place, or ${host} is not the service's address`,
    );
  }
}

export interface SendInit {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange, answer read included, in ms. */
  timeoutMs: number;
  dispatcher: Dispatcher;
  maxBytes?: number;
}

export interface SentAnswer {
  status: number;
  ok: boolean;
  statusText: string;
  text: string;
  headers: { get(name: string): string | null; forEach(callback: (value: string, key: string) => void): void };
}

/**
 * One HTTP exchange of the command line: through the given dispatcher (cli/net/agent.ts), bounded in time and in
 * size, redirects never followed. Throws TimeoutFailure, ConnectionFailure, RedirectFailure or SizeFailure; any HTTP
 * status that is not a redirect is an answer.
 */
export async function send(url: string, init: SendInit): Promise<SentAnswer> {
  const maxBytes = init.maxBytes ?? MAX_ANSWER_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, init.timeoutMs);
  try {
    let response;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: controller.signal,
        redirect: "manual",
        dispatcher: init.dispatcher,
      });
    } catch (error) {
      if (timedOut) throw new TimeoutFailure(init.timeoutMs);
      throw await connectionFailure(error, url, init);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      throw new RedirectFailure(response.status, redirectTarget(url, response.headers.get("location")));
    }
    const declared = Number(response.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new SizeFailure(maxBytes);
    }
    let text: string;
    try {
      text = await readCapped(response.body, maxBytes, controller);
    } catch (error) {
      if (error instanceof SizeFailure) throw error;
      if (timedOut) throw new TimeoutFailure(init.timeoutMs);
      throw await connectionFailure(error, url, init);
    }
    const page = webPage(response.headers.get("content-type"), text);
    if (page !== null) throw new ForeignAnswerFailure(response.status, hostOf(url), page.title);
    return {
      status: response.status,
      ok: response.ok,
      statusText: response.statusText,
      text,
      headers: response.headers,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body as UTF-8, counting bytes; past `maxBytes` the request is aborted (its socket closed). */
async function readCapped(
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } } | null,
  maxBytes: number,
  controller: AbortController,
): Promise<string> {
  if (body === null) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done || chunk === undefined) break;
    total += chunk.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new SizeFailure(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Where a redirect points, as an origin (a path or query could carry anything): "elsewhere" when unreadable. */
function redirectTarget(from: string, location: string | null): string {
  if (location === null) return "nowhere (no Location)";
  try {
    return new URL(location, from).origin;
  } catch {
    return "an unreadable Location";
  }
}

/**
 * The failure with its real cause (cli/net/causes.ts); after a proxy's 407, the proxy is asked once per run what it
 * wants (its Proxy-Authenticate schemes, which undici drops), so the words can say Negotiate/NTLM or Basic.
 */
async function connectionFailure(error: unknown, url: string, init: SendInit): Promise<ConnectionFailure> {
  const proxyUrl = proxyFor(init.dispatcher, url);
  const proxy = proxyUrl === undefined ? undefined : originOf(proxyUrl);
  const cause = networkCause(error, url, proxy, Date.now());
  if (cause.proxyStatus === 407 && proxyUrl !== undefined && proxy !== undefined) {
    const challenge = await proxyChallenge(proxyUrl, url, Math.min(init.timeoutMs, 10_000));
    if (challenge !== undefined)
      return new ConnectionFailure(
        proxySignInWords(proxy, challenge.schemes, new URL(proxyUrl).username !== ""),
        false,
      );
  }
  return new ConnectionFailure(cause.words, cause.offline);
}

/**
 * An HTML page (by its content type, or a body that starts like one) and its title, else null. Dataverse, the admin
 * API and Entra answer JSON (or nothing: 204); their errors are JSON too.
 */
export function webPage(contentType: string | null, text: string): { title: string | undefined } | null {
  const html =
    /^\s*text\/html\b/i.test(contentType ?? "") || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 200));
  if (!html) return null;
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, " ").trim().slice(0, 80);
  return { title: title === "" ? undefined : title };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the server";
  }
}

/** A proxy named in words: its origin, never a user or password. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "the proxy";
  }
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
