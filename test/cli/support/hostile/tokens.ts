/**
 * Tokens as the hostile servers see them: the token endpoint's book (issued, accepted, expired), the tests' own unsigned
 * JWTs (as a --token-command prints them), and Dataverse's 401 for a token that is not valid.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { bearerOf } from "./replies";
import type { Exchange } from "./server";

/** The token endpoint's book: which tokens it issued, until when; what each sign-in sent. */
export class TokenBook {
  readonly issued = new Map<string, { expiresAt: number; resource: string }>();
  /** Accepted without being issued (a test's --access-token), never expiring. */
  readonly accepted = new Set<string>();

  /** `valid`, `expired` or `unknown`, by the server's own clock. */
  check(token: string | undefined): "valid" | "expired" | "unknown" {
    if (token === undefined) return "unknown";
    if (this.accepted.has(token)) return "valid";
    const entry = this.issued.get(token);
    if (entry === undefined) {
      const expiresAt = testJwtExpiry(token);
      if (expiresAt === undefined) return "unknown";
      return Date.now() < expiresAt ? "valid" : "expired";
    }
    return Date.now() < entry.expiresAt ? "valid" : "expired";
  }

  issue(resource: string, lifetimeSeconds: number): string {
    const token = `hostile.${randomBytes(12).toString("hex")}`;
    this.issued.set(token, { expiresAt: Date.now() + lifetimeSeconds * 1000, resource });
    return token;
  }

  /** Tokens issued for a resource, in order. */
  for(resource: string): string[] {
    return [...this.issued].filter(([, v]) => v.resource === resource).map(([k]) => k);
  }
}

/** An unsigned JWT of the tests' own issuer ("hostile-test"), as a --token-command prints it: valid until its `exp`. */
export function testJwt(lifetimeSeconds: number): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: "hostile-test", exp, jti: randomUUID() })}.`;
}

function testJwtExpiry(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      iss?: unknown;
      exp?: unknown;
    };
    return claims.iss === "hostile-test" && typeof claims.exp === "number" ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** 401 like Dataverse: a challenge, saying "expired" when the token was issued and has expired. */
export function refuseUnlessValid(book: TokenBook, exchange: Exchange, response: ServerResponse): boolean {
  const state = book.check(bearerOf(exchange));
  if (state === "valid") return false;
  const description =
    state === "expired"
      ? ', error_description="The access token has expired."'
      : ', error_description="Invalid token."';
  response.writeHead(401, {
    "WWW-Authenticate": `Bearer error="invalid_token"${description}`,
    "Content-Length": "0",
  });
  response.end();
  return true;
}
