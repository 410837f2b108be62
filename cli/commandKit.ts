import type { Command } from "commander";
import type { SignInOptions } from "./auth/chooseSignIn";
import type { TokenSource } from "./auth/tokenSource";
import type { Cloud, CloudName } from "./clouds";
import type { HttpClient } from "./http";

/** The options every command shares (main.ts defines them once): where, how to sign in, how long to wait. */
export interface CommonOptions extends Omit<SignInOptions, "authority"> {
  env: string[];
  cloud: CloudName;
  authority?: string;
  timeout: number;
  retries: number;
  concurrency: number;
  json?: boolean;
}

/**
 * What main.ts hands each command file: the shared options, the cloud, the HTTP client and the sign-in, so a
 * command's own file holds only its options and its work, and main.ts only registers commands.
 */
export interface CommandKit {
  withCommonOptions(command: Command): Command;
  cloudOf(options: CommonOptions): Cloud;
  httpClient(options: CommonOptions): HttpClient;
  signIn(options: CommonOptions, cloud: Cloud): TokenSource;
  /** The program's version (package.json). */
  version: string;
  setExit(code: number): void;
}
