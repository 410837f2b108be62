/**
 * @jest-environment node
 *
 * Transport parity: every server answer the tests use, through both transports, gives the same result. The answers
 * are the emulator's own (demo/emulator/scenarios.ts) plus the edge cases below, as real `Response`s. "Via Xrm" is the
 * demo host's execute (demo/host/webApiExecute.ts: rejects like the platform, `errorCode` as an unsigned decimal) and,
 * for hosts that resolve instead, the same Response handed back with ok=false. The table in the lead's note is this.
 */
import { getIntegrationDetails, type IntegrationResult, type WebApiLike } from "../../core";
import { SCENARIOS, respond, type EmulatedResponse } from "../../demo/emulator/scenarios";
import { createExecute } from "../../demo/host/webApiExecute";
import { NOT_LINKED, ORG, SERVER_ERROR, USER, xrmError } from "../fixtures/dataverse";

const JSON_TYPE = { "Content-Type": "application/json; odata.metadata=minimal" };

function answer(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE): EmulatedResponse {
  return { status, headers, body: typeof body === "string" ? body : JSON.stringify(body), delayMs: 0 };
}

/** What the server does: answer with a Response, or drop the connection (fetch rejects as browsers do). */
type ServerAnswer = EmulatedResponse | "drop";

const ANSWERS: Array<[string, ServerAnswer]> = [
  // "hang" never answers: the timed-out test at the end covers it.
  ...SCENARIOS.filter((scenario) => scenario !== "hang").map((scenario): [string, ServerAnswer] => {
    const emulated = respond(scenario, { origin: ORG, apiVersion: "v9.2", delayMs: 0 });
    return [`scenario ${scenario}`, emulated.drop === true ? "drop" : emulated];
  }),
  ["401 AccessTokenExpired body", answer(401, { error: { code: "0x8005f101", message: "Token expired" } })],
  ["403, no body", answer(403, "", {})],
  ["503, no body", answer(503, "", {})],
  [
    "502 from a proxy, HTML body",
    answer(502, "<html><body>Bad gateway</body></html>", { "Content-Type": "text/html" }),
  ],
  ["404 0x8006088a (no such function)", answer(404, { error: { code: "0x8006088a", message: "Resource not found" } })],
  [
    "400, numeric error.code",
    answer(400, { error: { code: xrmError(NOT_LINKED).errorCode, message: "Not integrated." } }),
  ],
  [
    "500 with a .NET stack trace",
    answer(500, {
      error: { code: SERVER_ERROR.code, message: "Unexpected.\r\n   at Microsoft.Crm.Sdk.Execute(Request r)" },
    }),
  ],
  ["200, OData error body", answer(200, { error: { code: SERVER_ERROR.code, message: "Unexpected." } })],
  ["200, empty body", answer(200, "", JSON_TYPE)],
];

function toResponse(served: EmulatedResponse): Response {
  return new Response(served.body === "" ? null : served.body, { status: served.status, headers: served.headers });
}

function serve(served: ServerAnswer): () => Promise<Response> {
  return async () => {
    if (served === "drop") throw new TypeError("Failed to fetch");
    return toResponse(served);
  };
}

function ask(transport: { fetch?: () => Promise<Response>; webApi?: WebApiLike }): Promise<IntegrationResult> {
  return getIntegrationDetails({ orgUrl: ORG, userId: USER, storage: null, ...transport });
}

/** The three ways one answer can reach the core. */
async function throughEachTransport(served: ServerAnswer): Promise<Record<string, IntegrationResult>> {
  const rejectingExecute = createExecute(serve(served), "Xrm.WebApi", () => undefined);
  const resolvingExecute = serve(served); // a host that resolves with the Response even when it is not ok
  const noFetch = async () => Promise.reject(new Error("the Xrm path must not fetch"));
  // A resolved Response without Dataverse's body (a 503 with none, a proxy's HTML) is no answer (issue 23): the same
  // request then goes once through same-origin fetch, which reaches the same server.
  return {
    fetch: await ask({ fetch: serve(served) }),
    xrmRejects: await ask({ webApi: { online: { execute: rejectingExecute } }, fetch: noFetch }),
    xrmResolves: await ask({ webApi: { online: { execute: resolvingExecute } }, fetch: serve(served) }),
  };
}

/** The one documented difference: a rejection carries no HTTP status, so a coded failure knows it only via fetch. */
function withoutStatusBesideCode(result: IntegrationResult): IntegrationResult {
  if (result.kind !== "failed" || result.code === undefined) return result;
  const { status: _status, ...rest } = result;
  return rest;
}

test.each(ANSWERS)(
  "%s: the same result through fetch and through Xrm (rejecting or resolving)",
  async (_name, served) => {
    const results = await throughEachTransport(served);
    expect(results.xrmResolves).toEqual(results.fetch);
    expect(withoutStatusBesideCode(results.xrmRejects)).toEqual(withoutStatusBesideCode(results.fetch));
  },
);

test("a request that never answers: the same timed-out failure through fetch and through Xrm", async () => {
  jest.useFakeTimers();
  try {
    const never = () => new Promise<never>(() => undefined);
    const viaFetch = ask({ fetch: never });
    const viaXrm = ask({ webApi: { online: { execute: never } }, fetch: never });
    await jest.advanceTimersByTimeAsync(30_000);
    const expected = { kind: "failed", timedOutAfterSeconds: 30 };
    await expect(viaFetch).resolves.toEqual(expected);
    await expect(viaXrm).resolves.toEqual(expected);
  } finally {
    jest.useRealTimers();
  }
});

test("in Node (no page to be same-origin with, as in the CLI) a webApi failure is never followed by a global fetch", async () => {
  const original = globalThis.fetch;
  const globalFetch = jest.fn(async () => new Response("{}"));
  Object.defineProperty(globalThis, "fetch", { value: globalFetch, configurable: true, writable: true });
  try {
    // What the CLI's Node webApi rejects with when its own --timeout ends a request: no code, no status.
    const timedOut = { message: "no answer within 1.5 s (--timeout)", status: undefined };
    const execute = async () => Promise.reject(timedOut);
    await expect(ask({ webApi: { online: { execute } } })).resolves.toEqual({
      kind: "failed",
      message: timedOut.message,
    });
    const broken = async () => Promise.reject(new TypeError("x is not a function"));
    await expect(ask({ webApi: { online: { execute: broken } } })).resolves.toEqual({ kind: "failed" });
    expect(globalFetch).not.toHaveBeenCalled();
  } finally {
    Object.defineProperty(globalThis, "fetch", { value: original, configurable: true, writable: true });
  }
});
