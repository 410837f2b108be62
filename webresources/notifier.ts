import type { FormPort, XrmPort } from "./ports";

/** Stable ids: two handlers on one form, or a second load, replace these notifications instead of stacking more. */
export const STATUS_ID = "finopslink.status";
export const OPTIONS_ID = "finopslink.options";

export interface Notice {
  level: Xrm.FormNotificationLevel;
  message: string;
  /** A link-like action; only global notifications can carry one. */
  action?: { label: string; run: () => void };
}

export interface Notifier {
  show(id: string, notice: Notice): void;
  clear(id: string): void;
}

export function formNotifier(form: FormPort): Notifier {
  return {
    show: (id, notice) => void form.ui.setFormNotification(notice.message, notice.level, id),
    clear: (id) => void form.ui.clearFormNotification(id),
  };
}

type App = NonNullable<XrmPort["App"]>;
const APP_LEVELS: Record<Xrm.FormNotificationLevel, Xrm.AppNotificationLevel> = { ERROR: 2, WARNING: 3, INFO: 4 };
/** Per id, the work still queued against the app bar, so handlers that run together replace in order. */
const queues = new Map<string, Promise<void>>();
/** The platform picks global notification ids; the last one is kept where a reloaded script frame still finds it. */
const storageKey = (id: string): string => `FinOpsLink.Form.${id}`;
/** The same ids in memory, for frames without sessionStorage. */
const lastIds = new Map<string, string>();

/**
 * Global (app-wide) notifications. They outlive the form, so the previous one for the same id is cleared first;
 * its platform id is kept in sessionStorage because the form's script frame may be recreated between records.
 */
export function globalNotifier(
  app: App,
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null,
): Notifier {
  const replace = (id: string, notice: Notice | null): void => {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const old = quietly(() => storage?.getItem(storageKey(id))) ?? lastIds.get(id);
      if (old) {
        quietly(() => storage?.removeItem(storageKey(id)));
        lastIds.delete(id);
        await app.clearGlobalNotification(old);
      }
      if (!notice) return;
      const added = await app.addGlobalNotification({
        type: 2, // the message bar at the top of the app: the only type the platform supports
        level: APP_LEVELS[notice.level],
        message: notice.message,
        showCloseButton: true,
        ...(notice.action ? { action: { actionLabel: notice.action.label, eventHandler: notice.action.run } } : {}),
      });
      lastIds.set(id, added);
      quietly(() => storage?.setItem(storageKey(id), added));
    });
    // A failed call must not block the next replacement for this id.
    queues.set(
      id,
      next.catch((error: unknown) => console.warn("FinOps Link: global notification failed", error)),
    );
  };
  return { show: (id, notice) => replace(id, notice), clear: (id) => replace(id, null) };
}

/** Storage can throw (quota, a locked-down frame): the in-memory id still does the job then. */
function quietly<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

/** The settled state of queued global notification work for `id` (tests wait on it). */
export function globalNotificationsSettled(id: string): Promise<void> {
  return queues.get(id) ?? Promise.resolve();
}
