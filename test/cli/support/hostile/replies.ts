/** How the hostile routes answer and read a request: OData-like JSON, the bearer token. */
import type { ServerResponse } from "node:http";
import type { Exchange } from "./server";

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): true {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; odata.metadata=minimal",
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
  return true;
}

/** Bearer token of a request, if any. */
export function bearerOf(exchange: Exchange): string | undefined {
  return /^Bearer (.+)$/.exec(exchange.headers.authorization ?? "")?.[1];
}
