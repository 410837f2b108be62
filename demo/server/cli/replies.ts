import type { IncomingMessage, ServerResponse } from "node:http";

/** The small HTTP vocabulary every part of the emulated tenant speaks: JSON replies, OData errors, bodies, bearers. */
export const JSON_TYPE = "application/json; odata.metadata=minimal";

export function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, { "Content-Type": JSON_TYPE, "OData-Version": "4.0", ...headers });
  response.end(text);
}

export function odataError(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { error: { code, message } });
}

export function bearer(request: IncomingMessage): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export const EMULATOR_TOKEN = "emulator-token";
export const NON_ADMIN_TOKEN = "user-token";
export const EXPIRED_TOKEN = "expired-token";
export const EMULATOR_CLIENT_SECRET = "emulator-secret";

/** The bearer tokens the tenant accepts, and the ones its admin API refuses (a user without admin rights). */
export interface TokenBook {
  accepted: Set<string>;
  nonAdmin: Set<string>;
  /** The tenant's own origin, for the challenge's authorization_uri. */
  origin(): string;
}

/** 401 like Dataverse and the admin API: a WWW-Authenticate challenge, and an expired token says so. */
export function refuseToken(response: ServerResponse, token: string | undefined, book: TokenBook): boolean {
  if (token !== undefined && book.accepted.has(token)) return false;
  const description = token === EXPIRED_TOKEN ? ', error_description="The access token has expired."' : "";
  response.writeHead(401, {
    "WWW-Authenticate": `Bearer error="invalid_token"${description}, authorization_uri="${book.origin()}/auth/common/oauth2/authorize"`,
    "Content-Length": "0",
  });
  response.end();
  return true;
}
