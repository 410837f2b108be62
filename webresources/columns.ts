import type { LinkedDetails } from "../core";
import type { FormOptions, OptionProblem } from "./options";
import type { AttributePort, FormPort } from "./ports";

type ColumnOption = "urlColumn" | "tenantColumn" | "environmentColumn";
const COLUMN_OPTIONS: ReadonlyArray<ColumnOption> = ["urlColumn", "tenantColumn", "environmentColumn"];
const TEXT_TYPES = new Set(["string", "memo"]);
/** Read-only, disabled and bulk-edit forms cannot save, so writing there would only leave the record dirty. */
const UNSAVABLE_FORM_TYPES = new Set([3, 4, 6]);

export type FormColumns = Partial<Record<ColumnOption, AttributePort>>;

/** The text columns the options name, and a problem for each one this form lacks or that is not text. */
export function findColumns(form: FormPort, options: FormOptions): { columns: FormColumns; problems: OptionProblem[] } {
  const columns: FormColumns = {};
  const problems: OptionProblem[] = [];
  for (const option of COLUMN_OPTIONS) {
    const name = options[option];
    if (name === undefined) continue;
    const attribute = form.getAttribute(name);
    if (!attribute) problems.push({ key: "Form_ColumnMissing", args: [name] });
    else if (!TEXT_TYPES.has(attribute.getAttributeType())) problems.push({ key: "Form_ColumnNotText", args: [name] });
    else columns[option] = attribute;
  }
  return { columns, problems };
}

/**
 * Mirrors the link into the columns: the details when linked, empty when not linked. A column is written only when its
 * value differs, because setValue marks the record dirty (it is then saved with the record, by the user or autosave).
 */
export function writeColumns(form: FormPort, columns: FormColumns, details: LinkedDetails | null): void {
  if (UNSAVABLE_FORM_TYPES.has(form.ui.getFormType?.() ?? 0)) return;
  const values: Record<ColumnOption, string | null> = {
    urlColumn: details?.url ?? null,
    tenantColumn: details?.tenantId ?? null,
    environmentColumn: details?.environmentId ?? null,
  };
  for (const option of COLUMN_OPTIONS) {
    const attribute = columns[option];
    const current = attribute?.getValue() ?? null;
    if (attribute && current !== values[option]) attribute.setValue(values[option]);
  }
}
