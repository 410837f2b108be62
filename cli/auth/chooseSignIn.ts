import type { Dispatcher } from "undici";
import { UsageError } from "../failures";
import { defaultCachePath } from "./cacheFile";
import { federatedToken, readCertificate } from "./credentials";
import { clientCredentials, DEFAULT_PUBLIC_CLIENT_ID, deviceCode, type ClientCredential } from "./msal";
import { terminalText } from "../output/sanitize";
import { tokenCommand } from "./tokenCommand";
import { freshPerResource, staticToken, type TokenSource } from "./tokenSource";

export interface SignInOptions {
  accessToken?: string;
  tokenCommand?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  certificate?: string;
  deviceCode?: boolean;
  tokenCache?: string;
  authority: string;
}

/** What every sign-in shares: its bound per request (--timeout) and the dispatcher (the proxy). */
export interface SignInNetwork {
  timeoutMs: number;
  dispatcher: Dispatcher;
  say: (line: string) => void;
}

/**
 * The first sign-in that is given, in this order: an access token (--access-token, FINOPS_ACCESS_TOKEN), a token
 * command, a service principal's secret (flags or AZURE_CLIENT_SECRET), certificate (--certificate or
 * AZURE_CLIENT_CERTIFICATE_PATH) or federated token (AZURE_FEDERATED_TOKEN_FILE), then the interactive device code
 * (on a terminal, or with --device-code). A pipeline without any of these gets a usage error instead of a prompt.
 */
export function chooseSignIn(
  options: SignInOptions,
  env: NodeJS.ProcessEnv,
  interactive: boolean,
  network: SignInNetwork,
): TokenSource {
  const accessToken = options.accessToken ?? nonEmpty(env.FINOPS_ACCESS_TOKEN);
  if (accessToken !== undefined) return staticToken(accessToken);
  if (options.tokenCommand !== undefined) return freshPerResource(tokenCommand(options.tokenCommand));
  const tenant = options.tenant ?? nonEmpty(env.AZURE_TENANT_ID);
  const credential = servicePrincipal(options, env);
  if (credential !== undefined) {
    const clientId = options.clientId ?? nonEmpty(env.AZURE_CLIENT_ID);
    if (tenant === undefined || clientId === undefined)
      throw new UsageError(
        `a ${credential.what} needs --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID)`,
      );
    return freshPerResource(
      clientCredentials({ authority: options.authority, tenant, clientId, ...network }, credential.load()),
    );
  }
  if (options.deviceCode === true || interactive) {
    return freshPerResource(
      deviceCode(
        {
          authority: options.authority,
          tenant: tenant ?? "organizations",
          clientId: options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
          ...network,
        },
        options.tokenCache ?? defaultCachePath(),
        (message) => network.say(terminalText(message)), // the token endpoint's words: server text
      ),
    );
  }
  throw new UsageError(
    "no sign-in given: use --access-token (or FINOPS_ACCESS_TOKEN), --token-command, --client-secret or --certificate with --tenant and --client-id (or AZURE_* variables, AZURE_FEDERATED_TOKEN_FILE included), or --device-code",
  );
}

function servicePrincipal(
  options: SignInOptions,
  env: NodeJS.ProcessEnv,
): { what: string; load: () => ClientCredential } | undefined {
  const secret = options.clientSecret ?? nonEmpty(env.AZURE_CLIENT_SECRET);
  if (secret !== undefined) return { what: "client secret", load: () => ({ kind: "secret", secret }) };
  const certificate = options.certificate ?? nonEmpty(env.AZURE_CLIENT_CERTIFICATE_PATH);
  if (certificate !== undefined) return { what: "certificate", load: () => readCertificate(certificate) };
  const federated = nonEmpty(env.AZURE_FEDERATED_TOKEN_FILE);
  if (federated !== undefined) return { what: "federated token", load: () => federatedToken(federated) };
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
