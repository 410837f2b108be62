/** Microsoft Entra as the hostile tests need it: the token and device-code endpoints, certificate assertions checked. */
import { createPublicKey, createVerify, randomBytes, X509Certificate } from "node:crypto";
import type { ServerResponse } from "node:http";
import { json } from "./replies";
import type { Exchange, Route } from "./server";
import type { TokenBook } from "./tokens";

export interface EntraOptions {
  book: TokenBook;
  /** Lifetime of the tokens issued (expires_in), seconds. */
  lifetimeSeconds?: number;
  /** Checks a client-credentials form; returns an AADSTS line to refuse it. */
  verify?: (form: URLSearchParams) => string | undefined;
  /** Answers a token request itself (a hang, a redirect, …) when it returns true. */
  intercept?: (form: URLSearchParams, response: ServerResponse, exchange: Exchange) => boolean;
  /** The device-code answer's expires_in, seconds. */
  deviceCodeExpiresIn?: number;
  /** Device-code polls succeed at once: a signed-in user (id token, client info, refresh token). */
  deviceCodeUser?: boolean;
}

const AUTH_PATH = /^\/auth\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

/** Microsoft Entra's token and device-code endpoints under `/auth/<tenant>` (client credentials and device code). */
export function entra(options: EntraOptions): Route {
  return (exchange, response) => {
    const match = AUTH_PATH.exec(exchange.path);
    if (match === null || exchange.method !== "POST") return false;
    const form = new URLSearchParams(exchange.body);
    if (options.intercept?.(form, response, exchange) === true) return true;
    if (match[2] === "devicecode")
      return json(response, 200, {
        device_code: `device-${randomBytes(8).toString("hex")}`,
        user_code: "HOSTILE-1",
        verification_uri: "https://microsoft.com/devicelogin",
        expires_in: options.deviceCodeExpiresIn ?? 900,
        interval: 1,
        message: "To sign in, enter the code HOSTILE-1.",
      });
    const grant = form.get("grant_type");
    const user = grant === "refresh_token" || (options.deviceCodeUser === true && /device_code/.test(grant ?? ""));
    if (grant === "client_credentials") {
      const refused = options.verify?.(form);
      if (refused !== undefined) return json(response, 401, { error: "invalid_client", error_description: refused });
    } else if (!user) {
      return json(response, 400, { error: "authorization_pending", error_description: "AADSTS70016: pending" });
    }
    const scope = form.get("scope") ?? "";
    const resource =
      scope
        .split(" ")
        .find((s) => s.endsWith("/.default"))
        ?.replace(/\/\.default$/, "") ?? scope;
    const lifetime = options.lifetimeSeconds ?? 3600;
    const token = options.book.issue(resource, lifetime);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const oid = "11111111-2222-4333-8444-555555555555";
    const tid = "99999999-8888-4777-8666-555555555555";
    const now = Math.floor(Date.now() / 1000);
    return json(response, 200, {
      token_type: "Bearer",
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: token,
      scope,
      ...(user
        ? {
            // A user: an (unsigned) id token and client_info give MSAL its cached account.
            id_token: `${b64({ alg: "none", typ: "JWT" })}.${b64({
              aud: form.get("client_id") ?? "",
              iss: `https://login.microsoftonline.com/${tid}/v2.0`,
              iat: now,
              nbf: now,
              exp: now + lifetime,
              oid,
              sub: oid,
              tid,
              preferred_username: "admin@contoso.example",
              ver: "2.0",
            })}.`,
            client_info: b64({ uid: oid, utid: tid }),
            refresh_token: `refresh-${randomBytes(8).toString("hex")}`,
          }
        : {}),
    });
  };
}

/** A client assertion (RFC 7523) signed with the certificate's key: header names it by x5t#S256; signature checked. */
export function verifyCertificateAssertion(form: URLSearchParams, certificatePem: string): string | undefined {
  if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    return "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required";
  if (form.has("client_secret")) return "AADSTS700025: a secret was sent with a certificate";
  const parts = (form.get("client_assertion") ?? "").split(".");
  if (parts.length !== 3) return "AADSTS50027: JWT token is invalid or malformed.";
  const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  const certificate = new X509Certificate(certificatePem);
  const thumbprint = Buffer.from(certificate.fingerprint256.replace(/:/g, ""), "hex").toString("base64url");
  if (header["x5t#S256"] !== thumbprint) return "AADSTS700027: the certificate's thumbprint does not match";
  const algorithm = header.alg === "PS256" ? "RSA-SHA256" : header.alg === "RS256" ? "RSA-SHA256" : undefined;
  if (algorithm === undefined) return `AADSTS700027: unsupported alg ${String(header.alg)}`;
  const verifier = createVerify(algorithm);
  verifier.update(`${parts[0]}.${parts[1]}`);
  const key = createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" }));
  const ok = verifier.verify(
    header.alg === "PS256" ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 } : key,
    Buffer.from(parts[2] ?? "", "base64url"),
  );
  return ok ? undefined : "AADSTS700027: Client assertion contains an invalid signature.";
}
