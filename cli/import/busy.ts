import type { HttpAnswer } from "../http";

/**
 * Dataverse's "busy, not broken" answers: another customization operation holds the organization's lock.
 * 0x80071151: "Cannot start the requested operation [PublishAll] because there is another [EntityCustomization]
 * running at this moment." and "Cannot start another [Import] because there is a previous [Import] running at this
 * moment." (the same words with other operations: [Publish], [Uninstall], [DeleteAndPromote]…). Also a holding
 * solution being created or applied by someone else. These pass: the operation is asked again later.
 */
export function isBusy(answer: Pick<HttpAnswer, "status" | "text">): boolean {
  if (answer.status < 400 || answer.status >= 500) return answer.status === 503 && BUSY_WORDS.test(answer.text);
  let code: unknown;
  let message: unknown;
  try {
    ({ code, message } = (JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } }).error ?? {});
  } catch {
    return false;
  }
  return (
    (typeof code === "string" && BUSY_CODES.has(code.toLowerCase())) ||
    (typeof message === "string" && BUSY_WORDS.test(message))
  );
}

/** Busy words in any text (an async operation's message, an import job's error). */
export function saysBusy(text: string): boolean {
  return BUSY_WORDS.test(text);
}

const BUSY_CODES = new Set(["0x80071151"]);
const BUSY_WORDS =
  /Cannot start (?:the requested operation|another) \[[\w ]+\] because there is (?:another|a previous) \[[\w ]+\] running/i;

export interface BusyRetry {
  /** When to stop asking (ms since the epoch): the import's own `--wait`. */
  deadline: number;
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Told once, at the first busy answer. */
  onBusy?: (answer: HttpAnswer) => void;
}

/**
 * Sends until the answer is not busy (isBusy) or the deadline has passed: the last answer, and whether it was still
 * busy then. Waits `pollMs` between attempts (never past the deadline).
 */
export async function untilNotBusy(
  send: () => Promise<HttpAnswer>,
  retry: BusyRetry,
): Promise<{ answer: HttpAnswer; busy: boolean }> {
  let said = false;
  for (;;) {
    const answer = await send();
    if (!isBusy(answer)) return { answer, busy: false };
    if (!said) retry.onBusy?.(answer);
    said = true;
    const left = retry.deadline - Date.now();
    if (left <= 0) return { answer, busy: true };
    await retry.sleep(Math.min(retry.pollMs, left));
  }
}
