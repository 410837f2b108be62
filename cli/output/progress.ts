import { SingleBar } from "cli-progress";
import { terminalText } from "./sanitize";

/** A progress bar on stderr while environments are checked; nothing at all when it is off. */
export interface Progress {
  tick(name: string): void;
  /** More environments to check than the total said (the admin list's later pages). */
  grow(more: number): void;
  stop(): void;
}

export function progressBar(total: number, enabled: boolean): Progress {
  if (!enabled) return { tick: () => undefined, grow: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: "checking [{bar}] {value}/{total} {name}",
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: !process.stderr.isTTY, // --progress in a pipe: plain lines instead of redraws
    notTTYSchedule: 1000,
  });
  bar.start(total, 0, { name: "" });
  return {
    tick: (name) => bar.increment(1, { name: terminalText(name) }), // a display name is server text
    grow: (more) => bar.setTotal(bar.getTotal() + more),
    stop: () => bar.stop(),
  };
}
