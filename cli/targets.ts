import { readFileSync } from "node:fs";
import { cleanText, normaliseHost } from "../core/inputs";
import { UsageError } from "./failures";

/** One environment the command works on: its URL and the name it is reported under. */
export interface Target {
  url: string;
  name: string;
}

/** Says which URL was used for one that was given with a path, query or fragment (once per given URL). */
export type UrlNotice = (given: string, used: string) => void;

/**
 * A Dataverse URL as people paste it, from the command line, an env file or the admin API's `instanceUrl`: https
 * always; plain http only for a loopback address (the emulator). `contoso` alone means `https://contoso.<domain>`
 * of the chosen cloud. Dataverse online sits at the origin, so an address-bar URL (`/main.aspx?appid=…`), a Web API
 * root (`/api/data/v9.2`) or a service endpoint (`/XRMServices/2011/Organization.svc`) becomes its origin, and
 * `notice` is told what was used. Spaces, a BOM and zero-width characters around it are dropped, and the host is
 * compared as DNS does (core/inputs.ts: lower case, no trailing dot). Returns the origin (no trailing slash); throws
 * UsageError for anything else.
 */
export function environmentUrl(value: string, dataverseDomain: string, notice?: UrlNotice): string {
  const text = cleanText(value) ?? "";
  const withScheme = /^[a-z]+:\/\//i.test(text)
    ? text
    : /^[a-z0-9][a-z0-9-]*$/i.test(text)
      ? `https://${text}.${dataverseDomain}`
      : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`"${value}" is not an environment URL (expected https://yourorg.crm.dynamics.com)`);
  }
  if (url.username !== "" || url.password !== "")
    throw new UsageError(`"${url.host}": an environment URL carries no user name or password`);
  if (url.hostname !== "" && normaliseHost(url.hostname) !== url.hostname) url.hostname = normaliseHost(url.hostname);
  if (url.protocol === "http:" && !isLoopback(url.hostname))
    throw new UsageError(`"${value}" is not https: plain http is accepted only for loopback addresses`);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError(`"${value}" is not https: Dataverse is reached over https only`);
  if (url.pathname.replace(/\/+$/, "") !== "" || url.search !== "" || url.hash !== "") notice?.(text, url.origin);
  return url.origin;
}

/**
 * A base URL the command line calls with a token (the admin API): https, or plain http on loopback, with no user
 * name or password; its path is kept. Throws UsageError.
 */
export function serviceUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(cleanText(value) ?? "");
  } catch {
    throw new UsageError(`"${value}" is not a URL`);
  }
  if (normaliseHost(url.hostname) !== url.hostname) url.hostname = normaliseHost(url.hostname);
  if (url.username !== "" || url.password !== "") throw new UsageError(`"${url.host}": a URL carries no password`);
  if (url.protocol === "http:" && !isLoopback(url.hostname))
    throw new UsageError(`"${value}" is not https: plain http is accepted only for loopback addresses`);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError(`"${value}" is not https`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The environments of an env file: one URL per line, `#` starts a comment, blank lines skipped. */
export function readEnvFile(path: string, dataverseDomain: string, notice?: UrlNotice): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read the env file ${path}${code === undefined ? "" : ` (${code})`}`);
  }
  const urls: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") return;
    try {
      urls.push(environmentUrl(line, dataverseDomain, notice));
    } catch (error) {
      throw new UsageError(`${path}:${index + 1}: ${(error as Error).message}`);
    }
  });
  if (urls.length === 0) throw new UsageError(`the env file ${path} names no environment`);
  return urls;
}

/** The short name shown for an environment given by URL: its first host label (`contoso`), or host:port for an IP. */
export function nameOf(url: string): string {
  const parsed = new URL(url);
  return /^[\d.]+$|^\[/.test(parsed.hostname) ? parsed.host : (parsed.hostname.split(".")[0] ?? parsed.host);
}

/** `--authority`: https always (plain http only on loopback, for the emulator); anything else is a usage error. */
export function authorityUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--authority ${value} is not a URL (expected https://login.microsoftonline.com)`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
    throw new UsageError(`--authority ${value} is not https`);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "")
    throw new UsageError(`--authority ${value}: a sign-in host has no user name, query or fragment`);
  return url;
}
