import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, send, type TokenBook } from "./replies";

export const AUTH_PATH = /^\/auth\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

/**
 * The Microsoft Entra token endpoint of the emulated tenant: client credentials (with `clientSecret`) and device
 * code. Every token it issues is added to the accepted ones and to `issued` (tests check none is ever printed).
 */
export async function signIn(
  request: IncomingMessage,
  response: ServerResponse,
  kind: string,
  context: { book: TokenBook; clientSecret: string; issued: string[]; counters: { tokensIssued: number } },
): Promise<void> {
  const origin = context.book.origin();
  const form = new URLSearchParams(await readBody(request));
  if (kind === "devicecode") {
    return send(response, 200, {
      device_code: `device-${randomBytes(8).toString("hex")}`,
      user_code: "EMU-1234",
      verification_uri: `${origin}/auth/devicelogin`,
      expires_in: 900,
      interval: 1,
      message: `To sign in, open ${origin}/auth/devicelogin and enter the code EMU-1234 to authenticate.`,
    });
  }
  const grant = form.get("grant_type");
  if (grant === "client_credentials" && form.get("client_secret") !== context.clientSecret) {
    return send(response, 401, {
      error: "invalid_client",
      error_description: "AADSTS7000215: Invalid client secret provided.",
    });
  }
  const deviceGrant = grant === "device_code" || grant === "urn:ietf:params:oauth:grant-type:device_code";
  if (grant !== "client_credentials" && grant !== "refresh_token" && !deviceGrant) {
    return send(response, 400, { error: "unsupported_grant_type", error_description: `AADSTS70003: ${grant}` });
  }
  const token = `emu.${randomBytes(16).toString("hex")}`;
  context.book.accepted.add(token);
  context.issued.push(token);
  context.counters.tokensIssued++;
  const clientId = form.get("client_id") ?? "";
  const answer: Record<string, unknown> = {
    token_type: "Bearer",
    expires_in: 3600,
    ext_expires_in: 3600,
    access_token: token,
    scope: form.get("scope") ?? "",
  };
  if (grant !== "client_credentials") {
    // A device-code sign-in is a user: an (unsigned) id token and client_info give MSAL its cached account.
    const oid = "11111111-2222-4333-8444-555555555555";
    const tid = "99999999-8888-4777-8666-555555555555";
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: clientId,
      iss: `${origin}/auth/${tid}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      oid,
      sub: oid,
      tid,
      preferred_username: "admin@contoso.example",
      name: "Emulated Admin",
      ver: "2.0",
    };
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    answer.id_token = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    answer.client_info = b64({ uid: oid, utid: tid });
    answer.refresh_token = `refresh-${randomBytes(8).toString("hex")}`;
  }
  send(response, 200, answer);
}
