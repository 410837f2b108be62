/** Where access tokens come from; one token per resource (a Dataverse URL, or the admin API's resource). */
export interface TokenSource {
  /** Short description for messages ("--access-token", "client credentials", …): never the token. */
  readonly kind: string;
  token(resource: string): Promise<string>;
}

/** Asks `source` once per resource, however many environments share it (concurrent callers share the promise). */
export function oncePerResource(source: TokenSource): TokenSource {
  const tokens = new Map<string, Promise<string>>();
  return {
    kind: source.kind,
    token(resource) {
      let pending = tokens.get(resource);
      if (pending === undefined) {
        pending = source.token(resource);
        tokens.set(resource, pending);
      }
      return pending;
    },
  };
}

/** `--access-token` / FINOPS_ACCESS_TOKEN: one token, used for whatever resource is asked. */
export function staticToken(token: string): TokenSource {
  return { kind: "--access-token", token: async () => token };
}

/** A sign-in problem: reported as one line naming the source, never with the token. */
export class SignInFailure extends Error {
  override readonly name = "SignInFailure";
}
