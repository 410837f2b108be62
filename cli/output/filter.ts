import picomatch from "picomatch";
import { COULD_NOT_CHECK, type EnvironmentReport } from "../check/report";

/** `--only`: which environments an output shows (the exit code still speaks for every environment checked). */
export const ONLY = ["linked", "notLinked", "findings", "failed"] as const;
export type Only = (typeof ONLY)[number];

/** linked / notLinked by state; findings: a warning or error finding involves it; failed: it could not be checked. */
export function onlyFilter(only: Only, warnings: ReadonlySet<EnvironmentReport>): (e: EnvironmentReport) => boolean {
  switch (only) {
    case "linked":
      return (e) => e.state === "linked";
    case "notLinked":
      return (e) => e.state === "notLinked";
    case "findings":
      return (e) => warnings.has(e);
    case "failed":
      return (e) => COULD_NOT_CHECK.has(e.state);
  }
}

/**
 * `--name <glob>` (repeatable): an environment whose name, URL or URL host matches any glob, case-insensitively
 * (picomatch; `*` does not cross `/`, so a URL glob is written `https://contoso*`).
 */
export function nameFilter(globs: ReadonlyArray<string>): (name: string, url: string | null) => boolean {
  const matchers = globs.map((glob) => picomatch(glob, { nocase: true, dot: true }));
  return (name, url) => {
    const candidates = [name];
    if (url !== null) {
      candidates.push(url);
      try {
        candidates.push(new URL(url).host);
      } catch {
        // not a URL: matched by name only
      }
    }
    return matchers.some((match) => candidates.some((candidate) => match(candidate)));
  };
}
