import type { EnvironmentReport } from "../check/report";
import { terminalText } from "./sanitize";
import { STATE_WORDS } from "./words";

/** Names listed in a group's line before "and N more". */
const NAMES_SHOWN = 5;

/**
 * The "Could not be checked" lines: one per environment, except that environments failing for the same cause (a proxy
 * that wants a sign-in, a certificate not trusted: every row behind it says the same) share one line, so the cause
 * and its remedy are read once: `  3 environments (contoso, fabrikam, litware): <cause>`. A sign-in's
 * `sign-in for <url>: ` prefix is not part of the cause. Sanitized.
 */
export function couldNotCheckLines(failed: ReadonlyArray<EnvironmentReport>): string[] {
  const groups = new Map<string, EnvironmentReport[]>();
  for (const e of failed) {
    const cause = causeOf(e);
    groups.set(cause, [...(groups.get(cause) ?? []), e]);
  }
  const lines: string[] = [];
  for (const e of failed) {
    const cause = causeOf(e);
    const group = groups.get(cause);
    if (group === undefined) continue; // said with its group
    if (group.length === 1) {
      lines.push(`  ${terminalText(e.name)}: ${terminalText(e.error?.message ?? STATE_WORDS[e.state])}`);
      continue;
    }
    groups.delete(cause);
    const names = group.slice(0, NAMES_SHOWN).map((g) => terminalText(g.name));
    const more = group.length > NAMES_SHOWN ? ` and ${group.length - NAMES_SHOWN} more` : "";
    lines.push(`  ${group.length} environments (${names.join(", ")}${more}): ${terminalText(cause)}`);
  }
  return lines;
}

function causeOf(e: EnvironmentReport): string {
  return (e.error?.message ?? STATE_WORDS[e.state]).replace(/^sign-in for \S+: /, "");
}
