import {
  buildRecordLink,
  getIntegrationDetails,
  recordLinkText,
  safeHttpsUrl,
  sessionStorageOrNull,
  type IntegrationResult,
} from "../core";
import { findColumns, writeColumns } from "./columns";
import { statusNotice } from "./messages";
import { OPTIONS_ID, STATUS_ID, formNotifier, globalNotifier, type Notifier } from "./notifier";
import { parseOptions, type OptionProblem } from "./options";
import { linkRequest, pageXrm, type ExecutionContextPort, type FormPort, type XrmPort } from "./ports";
import { findFormRecord, recordSettingsOf, recordWords, rowOf, settingsProblem } from "./recordLink";
import { formTranslator } from "./texts";
import { findTargets } from "./visibility";

/**
 * The form OnLoad handler: `FinOpsLink.Form.onLoad`, "Pass execution context as first parameter" ticked, options
 * (JSON text or object) as the second parameter. Returns undefined at once: a returned promise would make forms with
 * async OnLoad handlers enabled wait on the network. Nothing it does can throw into the form.
 */
export function onLoad(executionContext?: unknown, options?: unknown): void {
  try {
    const xrm = pageXrm();
    void showLinkOnForm(executionContext, options, xrm);
    lookAgainAfterSaves(formOf(executionContext), () => void showLinkOnForm(executionContext, options, xrm));
  } catch (error) {
    console.warn("FinOps Link: onLoad failed", error);
  }
}

/** Forms whose saves are already watched: onLoad may run more than once on one form. */
const watched = new WeakSet<object>();

/**
 * A moment that passes: onLoad sees the row as it was at load; a new row gets its id at its first save, and a save
 * may rename it (its columns saved too). After each save (`data.entity.addOnPostSave`, else `data.addOnLoad`, which
 * runs on a save's data load) `again` runs when the row's id or name changed: the record option looks the record up
 * for the saved row and the notification follows. The link check itself comes from the cache. Never throws.
 */
export function lookAgainAfterSaves(form: FormPort | undefined, again: () => void): void {
  try {
    const data = form?.data;
    if (!form || !data || watched.has(form)) return;
    let seen = rowKey(form);
    const handler = () => {
      const now = rowKey(form);
      if (now === seen) return;
      seen = now;
      again();
    };
    if (typeof data.entity.addOnPostSave === "function") data.entity.addOnPostSave(handler);
    else if (typeof data.addOnLoad === "function") data.addOnLoad(handler);
    else return;
    watched.add(form);
  } catch (error) {
    console.warn("FinOps Link: could not watch the form's saves", error);
  }
}

function rowKey(form: FormPort): string {
  const row = rowOf(form);
  return JSON.stringify([row.id, row.name]);
}

/** The work behind onLoad, with the Client API handed in. Resolves when done; never rejects. */
export async function showLinkOnForm(
  executionContext: unknown,
  rawOptions: unknown,
  xrm: XrmPort | undefined,
): Promise<void> {
  try {
    const form = formOf(executionContext);
    if (!form) {
      console.warn('FinOps Link: tick "Pass execution context as first parameter" for FinOpsLink.Form.onLoad');
      return;
    }
    const globalContext = xrm?.Utility?.getGlobalContext();
    const t = formTranslator(xrm?.Utility);

    // Every problem with the options is found before the network is asked, and shown as one warning.
    const { options, problems } = parseOptions(rawOptions);
    const { columns, problems: columnProblems } = findColumns(form, options);
    const shown = findTargets(form, options.showWhenLinked);
    const hidden = findTargets(form, options.hideWhenLinked);
    const record = recordSettingsOf(form, options);
    problems.push(...columnProblems, ...shown.problems, ...hidden.problems, ...settingsProblem(record));
    const warn = (all: OptionProblem[]): void => {
      if (all.length === 0) return;
      const list = all.map((problem) => t(problem.key, ...problem.args)).join("; ");
      formNotifier(form).show(OPTIONS_ID, { level: "WARNING", message: t("Form_OptionsProblem", list) });
    };
    warn(problems);
    if (!globalContext) return;

    // Offline (the mobile app), nothing is asked: the last known link this tab saw, and tabs that follow it.
    const result = await getIntegrationDetails({
      ...linkRequest(xrm, globalContext),
      ...(options.cacheMinutes === undefined ? {} : { cacheMinutes: options.cacheMinutes }),
    });

    const linked = linkState(result);
    if (linked !== undefined) {
      for (const target of shown.targets) target.setVisible(linked);
      for (const target of hidden.targets) target.setVisible(!linked);
    }
    // Only a fresh answer is written (the core hands out cached ones within their TTL only); never offline's
    // last known link, which may be out of date.
    if (result.kind === "linked" || result.kind === "notLinked") {
      const writeProblems = writeColumns(form, columns, result.kind === "linked" ? result.details : null);
      if (writeProblems.length > 0) warn([...problems, ...writeProblems]);
    }

    if (options.notify === "never") return; // leaves the status slot to any other handler on the form
    const app = options.global ? xrm?.App : undefined;
    const notifier: Notifier = app ? globalNotifier(app, sessionStorageOrNull()) : formNotifier(form);
    const navigation = xrm?.Navigation;
    const open = app && navigation ? (url: string) => openHttps(navigation, url) : undefined;
    const notice = statusNotice(result, options.notify, t, open, options);
    if (notice) notifier.show(STATUS_ID, notice);
    else notifier.clear(STATUS_ID);
    // The record option: the environment's notification shows at once; once the record is found, it is replaced by one
    // whose Open action opens the record, or (not found) whose message says why Open opens the environment.
    if (
      notice?.action &&
      open &&
      xrm &&
      result.kind === "linked" &&
      (record.kind === "thisRow" || record.kind === "matchRow")
    ) {
      const found = await findFormRecord(xrm, globalContext, form, record, options.cacheMinutes);
      const href = found.kind === "found" ? buildRecordLink(result.details.url, found.target) : undefined;
      if (href !== undefined)
        notifier.show(STATUS_ID, {
          ...notice,
          action: { label: recordLinkText(rowOf(form).name, t), run: () => open(href) },
        });
      else if (found.kind !== "found")
        notifier.show(STATUS_ID, { ...notice, message: `${notice.message} ${recordWords(found, t)}` });
    }
  } catch (error) {
    console.warn("FinOps Link: could not show the finance and operations link", error);
  }
}

/** true / false when the result says whether the link exists (offline counts its last known link), else undefined. */
function linkState(result: IntegrationResult): boolean | undefined {
  if (result.kind === "linked") return true;
  if (result.kind === "notLinked") return false;
  if (result.kind === "offline" && result.lastKnown) return true;
  return undefined;
}

function formOf(executionContext: unknown): FormPort | undefined {
  const context = executionContext as Partial<ExecutionContextPort> | null | undefined;
  return typeof context?.getFormContext === "function" ? (context.getFormContext() ?? undefined) : undefined;
}

function openHttps(navigation: NonNullable<XrmPort["Navigation"]>, url: string): void {
  const safe = safeHttpsUrl(url);
  if (safe) navigation.openUrl(safe);
}
