/**
 * Exit codes, the linters' convention (ESLint, markdownlint): nothing to look at (0); the audit finished and found
 * something: an environment not linked, a finding at or above --fail-on, an import refused (1); something could not be
 * checked or done (2); usage (64).
 */
export const EXIT = { allLinked: 0, someNotLinked: 1, failed: 2, usage: 64 } as const;

/** Bad input from the command line (flag, URL, file, zip): one line, the usage, exit 64. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The run cannot go on (sign-in refused, admin API refused): one line, exit 2. */
export class RunFailure extends Error {
  override readonly name = "RunFailure";
}

/** The first line of an error's message, for the one-line report: never a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0].trim() || "unexpected error";
}
