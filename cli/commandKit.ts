import type { TokenSource } from "./auth/tokenSource";
import type { Cloud } from "./clouds";
import type { HttpClient } from "./http";
import type { CommonOptions } from "./program";

/**
 * What main.ts hands each command's action: the cloud, the HTTP client and the sign-in, so a command's own file
 * holds only its work (cli/program.ts holds every command's options).
 */
export interface CommandKit {
  cloudOf(options: CommonOptions): Cloud;
  /** The run's HttpClient and sign-in, both through the proxy the environment names (cli/net/network.ts). */
  connect(options: CommonOptions, cloud: Cloud): { http: HttpClient; tokens: TokenSource };
  /** The program's version (package.json). */
  version: string;
}
