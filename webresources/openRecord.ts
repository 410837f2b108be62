import { buildRecordLink, describeSettingsProblem, getIntegrationDetails } from "../core";
import { plainWords } from "./messages";
import { parseOptions } from "./options";
import { commandHost } from "./command";
import { pageXrm, type FormPort, type XrmPort } from "./ports";
import { findFormRecord, recordSettingsOf, recordWords, rowOf } from "./recordLink";

/**
 * Command bar button action: opens the record on the form in finance and operations (Microsoft's System entity
 * navigation deep link), or says in an alert dialog why it cannot. Parameter 1: PrimaryControl (the form). Parameter 2
 * (optional): the record settings as JSON, the control's property names (`recordLink`, `recordTable`, `recordMatch`,
 * `recordCompany`); without `recordLink` it is `thisRow` on a virtual table's form and `matchRow` elsewhere (on an
 * account form: the Customers V3 preset). Never rejects; never writes to the record.
 */
export function openRecordInFinOps(primaryControl?: unknown, options?: unknown): Promise<void> {
  return openRecord(pageXrm(), primaryControl as FormPort | undefined, options);
}

export async function openRecord(
  xrm: XrmPort | undefined,
  form: FormPort | undefined,
  rawOptions: unknown,
): Promise<void> {
  try {
    const host = commandHost(xrm);
    if (!xrm || !host) return;
    const { t, alert } = host;
    const { options, problems } = parseOptions(rawOptions);
    if (problems.length > 0)
      return void (await alert(t("Form_OptionsProblem", problems.map((p) => t(p.key, ...p.args)).join("; "))));
    const table = rowOf(form).table ?? "";
    const settings = recordSettingsOf(form, {
      ...options,
      recordLink: options.recordLink ?? (table.startsWith("mserp_") ? "thisRow" : "matchRow"),
    });
    if (settings.kind === "invalid") return void (await alert(describeSettingsProblem(settings, t)));
    if (settings.kind === "off") return;
    // The link check first (usually cached by the form's onLoad or the control): where Dataverse is not linked there
    // is nothing to open the record in, so its reads are not sent.
    const link = await getIntegrationDetails(host.request);
    if (link.kind !== "linked") return void (await alert(plainWords(link, t)));
    const record = await findFormRecord(xrm, host.globalContext, form, settings);
    if (record.kind !== "found") return void (await alert(recordWords(record, t)));
    const href = buildRecordLink(link.details.url, record.target);
    if (href === undefined) return void (await alert(t("Form_UnsafeUrl")));
    await host.open(href);
  } catch (error) {
    console.warn("FinOps Link: could not open the record in finance and operations", error);
  }
}
