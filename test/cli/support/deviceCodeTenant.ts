import { adminList, dataverse, entra, finOpsLinkOf, serve, TokenBook, type Served } from "./hostile";
import { closeAfterAll } from "./closeAfterAll";

/** A device-code tenant on 127.0.0.1: `login` (Entra), `env` (Dataverse and the admin API that lists it). */
export interface DeviceCodeTenant {
  readonly login: Served;
  readonly env: Served;
  /** `check --env <env> --device-code … --token-cache <cache> --admin-api <env>/bap --json`. */
  check(cache: string): string[];
}

/**
 * Starts, before the file's tests, a hostile Entra that signs a user in by device code and one environment that its
 * own admin list names (check --env compares with the admin center's view), and closes both after them. Call at the
 * top level of a test file (the token cache and local sign-in tests share it).
 */
export function deviceCodeTenant(): DeviceCodeTenant {
  const started = closeAfterAll<Served>();
  let login: Served | undefined;
  let env: Served | undefined;
  beforeAll(async () => {
    const book = new TokenBook();
    login = await started(serve([entra({ book, deviceCodeUser: true })]));
    const finOps = finOpsLinkOf("cached");
    const listed: Parameters<typeof adminList>[0] = [];
    env = await started(
      serve([dataverse({ book, solution: null, messages: [], finOps }), adminList(listed, { book, pageSize: 10 })]),
    );
    listed.push({ name: "cached", instanceUrl: env.origin, finOps });
  });
  const running = (served: Served | undefined): Served => {
    if (served === undefined) throw new Error("deviceCodeTenant(): the servers start in beforeAll");
    return served;
  };
  return {
    get login() {
      return running(login);
    },
    get env() {
      return running(env);
    },
    check(cache) {
      const origin = running(env).origin;
      return [
        ...["check", "--env", origin, "--device-code", "--authority", `${running(login).origin}/auth`],
        ...["--token-cache", cache, "--admin-api", `${origin}/bap`, "--json"],
      ];
    },
  };
}
