import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
  type NodeAuthOptions,
  TokenCacheContext,
} from "@azure/msal-node";
import type { Dispatcher } from "undici";
import { isLoopback } from "../targets";
import { fileCachePlugin } from "./cacheFile";
import { clockHint } from "./localCauses";
import { ConnectionFailure, TimeoutFailure } from "../net/send";
import { SIGN_IN_NETWORK_ERROR, SignInNetworkError, msalNetwork } from "./msalNetwork";
import { SignInFailure, type AcquiredToken, type TokenProvider } from "./tokenSource";

/**
 * Microsoft's public client registration for Dataverse samples and tools ("Sample app registration for Dataverse"):
 * accepted by Dataverse for delegated sign-in without registering an app of your own. `--client-id` replaces it.
 */
export const DEFAULT_PUBLIC_CLIENT_ID = "51f81489-12ee-4a9e-aaae-a2591f45987d";

export interface MsalSettings {
  /** Sign-in host, e.g. https://login.microsoftonline.com (http only for loopback: the emulator). */
  authority: string;
  tenant: string;
  clientId: string;
  /** Every sign-in request's bound (--timeout), in ms; a client-credentials sign-in as a whole too. */
  timeoutMs: number;
  /** The dispatcher MSAL's requests go through (cli/net/agent.ts: the proxy, when one is set). */
  dispatcher: Dispatcher;
}

/** How a service principal proves itself: a secret, a certificate (PEM), or a federated token (a file). */
export type ClientCredential =
  | { kind: "secret"; secret: string }
  | { kind: "certificate"; thumbprintSha256: string; privateKey: string; x5c: string }
  | { kind: "federated"; assertion: () => Promise<string> };

/**
 * The scope for a resource: `<resource>/.default`. Dataverse's resource is its URL without a slash; the admin API's
 * is registered with a trailing slash, which gives Entra's documented `https://service.powerapps.com//.default`.
 */
export function scopeFor(resource: string): string {
  return `${resource}/.default`;
}

/**
 * MSAL's configuration with the authority described in full (knownAuthorities, cloudDiscoveryMetadata and
 * authorityMetadata), so MSAL asks no discovery endpoint: in every cloud the only calls are to the token endpoints,
 * and against the emulator nothing leaves loopback. MSAL insists on an https authority name; for a loopback
 * http authority the name says https while the endpoints it calls say http.
 */
export function msalConfiguration(settings: MsalSettings, credential?: ClientCredential): Configuration {
  const base = new URL(settings.authority.replace(/\/+$/, ""));
  if (base.protocol !== "https:" && !(base.protocol === "http:" && isLoopback(base.hostname)))
    throw new SignInFailure(`--authority ${settings.authority} is not https`);
  const endpointBase = `${base.origin}${base.pathname.replace(/\/+$/, "")}/${settings.tenant}`;
  const canonical = `https://${base.host}${base.pathname.replace(/\/+$/, "")}/${settings.tenant}/`;
  const authorityMetadata = {
    token_endpoint: `${endpointBase}/oauth2/v2.0/token`,
    authorization_endpoint: `${endpointBase}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${endpointBase}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${endpointBase}/oauth2/v2.0/logout`,
    issuer: `${endpointBase}/v2.0`,
    jwks_uri: `${endpointBase}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    http_logout_supported: true,
    request_uri_parameter_supported: false,
  };
  const cloudDiscoveryMetadata = {
    tenant_discovery_endpoint: `${endpointBase}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: base.host, preferred_cache: base.host, aliases: [base.host] }],
  };
  return {
    auth: {
      clientId: settings.clientId,
      authority: canonical,
      knownAuthorities: [base.host],
      cloudDiscoveryMetadata: JSON.stringify(cloudDiscoveryMetadata),
      authorityMetadata: JSON.stringify(authorityMetadata),
      ...credentialOptions(credential),
    },
    system: {
      // MSAL's own logging stays off: its verbose lines could carry request details.
      loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false },
      networkClient: msalNetwork(settings.dispatcher, settings.timeoutMs),
    },
  };
}

function credentialOptions(credential: ClientCredential | undefined): Partial<NodeAuthOptions> {
  switch (credential?.kind) {
    case undefined:
      return {};
    case "secret":
      return { clientSecret: credential.secret };
    case "certificate":
      return {
        clientCertificate: {
          thumbprintSha256: credential.thumbprintSha256,
          privateKey: credential.privateKey,
          x5c: credential.x5c,
        },
      };
    case "federated":
      return { clientAssertion: () => credential.assertion() };
  }
}

/**
 * A service principal: a secret (`--client-secret`, AZURE_CLIENT_SECRET), a certificate (`--certificate`,
 * AZURE_CLIENT_CERTIFICATE_PATH) or a federated token (AZURE_FEDERATED_TOKEN_FILE). MSAL keeps the tokens in its
 * in-memory cache and acquires a new one when the cached one is about to expire; the whole sign-in is bounded by
 * --timeout.
 */
export function clientCredentials(settings: MsalSettings, credential: ClientCredential): TokenProvider {
  const app = new ConfidentialClientApplication(msalConfiguration(settings, credential));
  return {
    kind: credential.kind === "secret" ? "client credentials" : `client credentials (${credential.kind})`,
    canRefresh: true,
    async acquire(resource, force) {
      const pending = app.acquireTokenByClientCredential({ scopes: [scopeFor(resource)], skipCache: force });
      return acquiredOf(await bounded(pending, resource, settings.timeoutMs), resource);
    },
  };
}

/**
 * Interactive sign-in with a device code: the prompt goes to stderr (stdout stays the document), the account and
 * its tokens to the 0600 cache file, from which later runs sign in silently (MSAL refreshes with the refresh token).
 * The wait for the user ends when the device code expires (Entra's `expires_in`, 15 minutes).
 */
export function deviceCode(
  settings: MsalSettings,
  cachePath: string,
  prompt: (message: string) => void,
): TokenProvider {
  const cachePlugin = fileCachePlugin(cachePath, prompt);
  const app = new PublicClientApplication({ ...msalConfiguration(settings), cache: { cachePlugin } });
  // One MSAL call at a time until one has signed in: the first resource may prompt. After it the others go silently
  // and together, through an in-memory copy of the signed-in cache: the file holds the account, its refresh token
  // and that first token (enough for the next run), while a silent call through the file would read and rewrite it
  // whole, every token in it, once per environment, and concurrent ones would lose each other's writes. The copy's
  // tokens are written to the file at most once a second, and when the process exits (the plugin writes
  // synchronously), so the next run within their lifetime signs in from the file as before.
  let queue: Promise<unknown> = Promise.resolve();
  let inMemory: PublicClientApplication | undefined;
  let writeSoon: NodeJS.Timeout | undefined;
  const writeCopy = () => {
    clearTimeout(writeSoon);
    writeSoon = undefined;
    if (inMemory !== undefined)
      cachePlugin.afterCacheAccess(new TokenCacheContext(inMemory.getTokenCache(), true)).catch(() => undefined);
  };
  let exitHooked = false;
  const copied = () => {
    if (!exitHooked) process.once("exit", () => writeSoon !== undefined && writeCopy());
    exitHooked = true;
    writeSoon ??= setTimeout(writeCopy, 1000).unref();
  };
  const acquireSilently = async (resource: string, force: boolean): Promise<AcquiredToken | undefined> => {
    const copy = inMemory!;
    const [account] = await copy.getTokenCache().getAllAccounts();
    if (account === undefined) return undefined;
    try {
      const token = acquiredOf(
        await copy.acquireTokenSilent({ account, scopes: [scopeFor(resource)], forceRefresh: force }),
        resource,
      );
      copied();
      return token;
    } catch (error) {
      if (isNetworkError(error)) translate(resource)(error);
      return undefined; // a resource not consented yet: asked with a device code, one at a time
    }
  };
  const acquire = async (resource: string, force: boolean): Promise<AcquiredToken> => {
    const scopes = [scopeFor(resource)];
    const [account] = await app.getTokenCache().getAllAccounts();
    if (account !== undefined) {
      try {
        return acquiredOf(await app.acquireTokenSilent({ account, scopes, forceRefresh: force }), resource);
      } catch (error) {
        if (isNetworkError(error)) translate(resource)(error); // no network: asking the user would not help
        // expired refresh token or a resource not consented yet: ask with a device code below
      }
    }
    const request = {
      scopes,
      cancel: false,
      deviceCodeCallback: (response: { message: string; expiresIn: number }) => {
        prompt(response.message);
        expiry.arm(response.expiresIn * 1000);
      },
    };
    const expiry = deadline(() => {
      request.cancel = true;
      return new SignInFailure(`sign-in for ${resource}: the device code expired before the sign-in was completed`);
    });
    try {
      const result = await Promise.race([
        app.acquireTokenByDeviceCode(request).catch(translate(resource)),
        expiry.fired,
      ]);
      return acquiredOf(result, resource);
    } finally {
      expiry.clear();
    }
  };
  const signIn = async (resource: string, force: boolean): Promise<AcquiredToken> => {
    const token = await acquire(resource, force);
    if (inMemory === undefined) {
      const copy = new PublicClientApplication(msalConfiguration(settings));
      copy.getTokenCache().deserialize(app.getTokenCache().serialize());
      inMemory = copy;
    }
    return token;
  };
  /** A turn in the one-at-a-time queue; `untilSignedIn`: nothing to do (undefined) once the first has signed in. */
  const queued = (resource: string, force: boolean, untilSignedIn: boolean): Promise<AcquiredToken | undefined> => {
    const turn = queue.then(() => (untilSignedIn && inMemory !== undefined ? undefined : signIn(resource, force)));
    queue = turn.catch(() => undefined);
    return turn;
  };
  return {
    kind: "device code",
    canRefresh: true,
    async acquire(resource, force) {
      if (inMemory === undefined) {
        const token = await queued(resource, force, true);
        if (token !== undefined) return token;
      }
      return (await acquireSilently(resource, force)) ?? (await queued(resource, force, false))!;
    },
  };
}

/** A timer armed later (when the device code's lifetime is known) whose firing rejects `fired`. */
function deadline(reason: () => Error) {
  let timer: NodeJS.Timeout | undefined;
  let reject: (error: Error) => void = () => undefined;
  const fired = new Promise<never>((_, rejectFired) => (reject = rejectFired));
  fired.catch(() => undefined);
  return {
    fired,
    arm(ms: number) {
      clearTimeout(timer);
      timer = setTimeout(() => reject(reason()), ms);
    },
    clear: () => clearTimeout(timer),
  };
}

async function bounded(pending: Promise<AuthenticationResult | null>, resource: string, timeoutMs: number) {
  const timeout = deadline(
    () => new SignInFailure(`sign-in for ${resource}: no answer within ${timeoutMs / 1000} s (--timeout)`, "offline"),
  );
  timeout.arm(timeoutMs);
  try {
    return await Promise.race([pending.catch(translate(resource)), timeout.fired]);
  } finally {
    timeout.clear();
  }
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { errorCode?: unknown }).errorCode;
  return code === SIGN_IN_NETWORK_ERROR || code === "network_error";
}

function translate(resource: string) {
  return (error: unknown): never => {
    const code = (error as { errorCode?: unknown }).errorCode;
    const description = String((error as { errorMessage?: unknown }).errorMessage ?? (error as Error).message ?? "");
    if (error instanceof SignInNetworkError || code === SIGN_IN_NETWORK_ERROR) {
      const failure = error instanceof SignInNetworkError ? error.failure : new Error(description);
      const unreachable =
        (failure instanceof ConnectionFailure && failure.offline) || failure instanceof TimeoutFailure;
      throw new SignInFailure(
        unreachable
          ? `sign-in for ${resource}: network failure: ${failure.message}`
          : `sign-in for ${resource}: ${failure.message}`,
        unreachable ? "offline" : "failed",
      );
    }
    if (code === "network_error")
      throw new SignInFailure(`sign-in for ${resource}: network failure: no answer from the sign-in host`, "offline");
    // Entra's AADSTS line is the useful part; trace and correlation ids follow on later lines.
    const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s+-\s+Correlation ID|\s+Trace ID|$)/m.exec(description)?.[0];
    const clock = aadsts === undefined ? undefined : clockHint(aadsts, Date.now());
    if (clock !== undefined) throw new SignInFailure(`sign-in for ${resource} failed: ${aadsts}; ${clock}`, "failed");
    throw new SignInFailure(
      `sign-in for ${resource} failed: ${aadsts ?? (typeof code === "string" && code !== "" ? code : description.split(/\r?\n/)[0])}`,
    );
  };
}

function acquiredOf(result: AuthenticationResult | null, resource: string): AcquiredToken {
  if (result === null || result.accessToken === "") throw new SignInFailure(`sign-in for ${resource} gave no token`);
  return result.expiresOn === null
    ? { accessToken: result.accessToken }
    : { accessToken: result.accessToken, expiresOnMs: result.expiresOn.getTime() };
}
