import { UsageError } from "../failures";
import { defaultCachePath } from "./cacheFile";
import { clientCredentials, DEFAULT_PUBLIC_CLIENT_ID, deviceCode } from "./msal";
import { tokenCommand } from "./tokenCommand";
import { terminalText } from "../output/sanitize";
import { oncePerResource, staticToken, type TokenSource } from "./tokenSource";

export interface SignInOptions {
  accessToken?: string;
  tokenCommand?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  deviceCode?: boolean;
  tokenCache?: string;
  authority: string;
}

/**
 * The first sign-in that is given, in this order: an access token (--access-token, FINOPS_ACCESS_TOKEN), a token
 * command, a service principal's secret (flags or AZURE_* variables), then the interactive device code (on a
 * terminal, or with --device-code). A pipeline without any of these gets a usage error instead of a prompt.
 */
export function chooseSignIn(options: SignInOptions, env: NodeJS.ProcessEnv, interactive: boolean): TokenSource {
  const accessToken = options.accessToken ?? nonEmpty(env.FINOPS_ACCESS_TOKEN);
  if (accessToken !== undefined) return staticToken(accessToken);
  if (options.tokenCommand !== undefined) return oncePerResource(tokenCommand(options.tokenCommand));
  const tenant = options.tenant ?? nonEmpty(env.AZURE_TENANT_ID);
  const secret = options.clientSecret ?? nonEmpty(env.AZURE_CLIENT_SECRET);
  if (secret !== undefined) {
    const clientId = options.clientId ?? nonEmpty(env.AZURE_CLIENT_ID);
    if (tenant === undefined || clientId === undefined)
      throw new UsageError("a client secret needs --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID)");
    return oncePerResource(clientCredentials({ authority: options.authority, tenant, clientId }, secret));
  }
  if (options.deviceCode === true || interactive) {
    return oncePerResource(
      deviceCode(
        {
          authority: options.authority,
          tenant: tenant ?? "organizations",
          clientId: options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
        },
        options.tokenCache ?? defaultCachePath(),
        (message) => process.stderr.write(`${terminalText(message)}\n`), // the token endpoint's words: server text
      ),
    );
  }
  throw new UsageError(
    "no sign-in given: use --access-token (or FINOPS_ACCESS_TOKEN), --token-command, --client-secret with --tenant and --client-id (or AZURE_* variables), or --device-code",
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
