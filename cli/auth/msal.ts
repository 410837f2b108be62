import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from "@azure/msal-node";
import { isLoopback } from "../targets";
import { fileCachePlugin } from "./cacheFile";
import { SignInFailure, type TokenSource } from "./tokenSource";

/**
 * Microsoft's public client registration for Dataverse samples and tools ("Sample app registration for Dataverse"):
 * accepted by Dataverse for delegated sign-in without registering an app of your own. `--client-id` replaces it.
 */
export const DEFAULT_PUBLIC_CLIENT_ID = "51f81489-12ee-4a9e-aaae-a2591f45987d";

const SIGN_IN_TIMEOUT_MS = 60_000;

export interface MsalSettings {
  /** Sign-in host, e.g. https://login.microsoftonline.com (http only for loopback: the emulator). */
  authority: string;
  tenant: string;
  clientId: string;
}

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
export function msalConfiguration(settings: MsalSettings, auth: { clientSecret?: string }): Configuration {
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
      ...(auth.clientSecret === undefined ? {} : { clientSecret: auth.clientSecret }),
    },
    // MSAL's own logging stays off: its verbose lines could carry request details.
    system: { loggerOptions: { loggerCallback: () => undefined, piiLoggingEnabled: false } },
  };
}

/** A service principal: `--tenant/--client-id/--client-secret` or AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET. */
export function clientCredentials(settings: MsalSettings, clientSecret: string): TokenSource {
  const app = new ConfidentialClientApplication(msalConfiguration(settings, { clientSecret }));
  return {
    kind: "client credentials",
    async token(resource) {
      const result = await bounded(app.acquireTokenByClientCredential({ scopes: [scopeFor(resource)] }), resource);
      return tokenOf(result, resource);
    },
  };
}

/**
 * Interactive sign-in with a device code: the prompt goes to stderr (stdout stays the document), the account and
 * its tokens to the 0600 cache file, from which later runs sign in silently.
 */
export function deviceCode(settings: MsalSettings, cachePath: string, prompt: (message: string) => void): TokenSource {
  const app = new PublicClientApplication({
    ...msalConfiguration(settings, {}),
    cache: { cachePlugin: fileCachePlugin(cachePath) },
  });
  // One MSAL call at a time: the first resource may prompt; the others then find the account and go silently.
  let queue: Promise<unknown> = Promise.resolve();
  const acquire = async (resource: string): Promise<string> => {
    const scopes = [scopeFor(resource)];
    const [account] = await app.getTokenCache().getAllAccounts();
    if (account !== undefined) {
      try {
        return tokenOf(await app.acquireTokenSilent({ account, scopes }), resource);
      } catch {
        // expired refresh token or a resource not consented yet: ask with a device code below
      }
    }
    const result = await app
      .acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (response) => prompt(response.message) })
      .catch(translate(resource));
    return tokenOf(result, resource);
  };
  return {
    kind: "device code",
    token(resource) {
      const pending = queue.then(() => acquire(resource));
      queue = pending.catch(() => undefined);
      return pending;
    },
  };
}

async function bounded(pending: Promise<AuthenticationResult | null>, resource: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SignInFailure(`sign-in for ${resource}: no answer within ${SIGN_IN_TIMEOUT_MS / 1000} s`)),
      SIGN_IN_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([pending.catch(translate(resource)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function translate(resource: string) {
  return (error: unknown): never => {
    const code = (error as { errorCode?: unknown }).errorCode;
    const description = String((error as { errorMessage?: unknown }).errorMessage ?? (error as Error).message ?? "");
    // Entra's AADSTS line is the useful part; trace and correlation ids follow on later lines.
    const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s+-\s+Correlation ID|\s+Trace ID|$)/m.exec(description)?.[0];
    throw new SignInFailure(
      `sign-in for ${resource} failed: ${aadsts ?? (typeof code === "string" && code !== "" ? code : description.split(/\r?\n/)[0])}`,
    );
  };
}

function tokenOf(result: AuthenticationResult | null, resource: string): string {
  if (result === null || result.accessToken === "") throw new SignInFailure(`sign-in for ${resource} gave no token`);
  return result.accessToken;
}
