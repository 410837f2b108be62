/**
 * The hostile test server itself: one server on 127.0.0.1 (http, or https with a certificate made for the test) that
 * tries each route in turn and records every request with its body, so a test can prove what reached which server.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { json } from "./replies";

export interface Exchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** Handles a request (true), or leaves it to the next route (false). */
export type Route = (
  exchange: Exchange,
  response: ServerResponse,
  request: IncomingMessage,
) => boolean | Promise<boolean>;

export interface Served {
  /** `http(s)://<host>:<port>` without a trailing slash. */
  origin: string;
  port: number;
  exchanges: Exchange[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  /** The host name the origin is written with (the proxy tests use names only the proxy resolves). */
  host?: string;
}

/** Starts a server on 127.0.0.1 that tries each route in turn; an unhandled request gets an OData-like 404. */
export async function serve(routes: Route[], options: ServeOptions = {}): Promise<Served> {
  const exchanges: Exchange[] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const exchange: Exchange = {
        method: request.method ?? "GET",
        url: request.url ?? "/",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      exchanges.push(exchange);
      void (async () => {
        for (const route of routes) if (await route(exchange, response, request)) return;
        json(response, 404, {
          error: { code: "0x8006088a", message: `Resource not found for the segment '${url.pathname}'.` },
        });
      })().catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, { error: { code: "0x80040216", message: String(error) } });
      });
    });
  };
  const server: Server =
    options.tls === undefined ? createHttpServer(handler) : createHttpsServer(options.tls, handler);
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
  const scheme = options.tls === undefined ? "http" : "https";
  return {
    origin: `${scheme}://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
