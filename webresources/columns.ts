import type { LinkedDetails } from "../core";
import type { FormOptions, OptionProblem } from "./options";
import type { AttributePort, FormPort } from "./ports";

type ColumnOption = "urlColumn" | "tenantColumn" | "environmentColumn";
const COLUMN_OPTIONS: ReadonlyArray<ColumnOption> = ["urlColumn", "tenantColumn", "environmentColumn"];
/**
 * The columns a URL or a GUID belongs in: Multiple lines of text (`memo`), and Single line of text (`string`) in the
 * Text, Text area or URL format. The other string formats (email, phone, ticker symbol) promise values of their own
 * kind, and every other type (numbers, choices, lookups, dates) cannot hold text at all.
 */
const TEXT_TYPES = new Set(["string", "memo"]);
const TEXT_FORMATS = new Set(["text", "textarea", "url"]);
/** Read-only, disabled and bulk-edit forms cannot save, so writing there would only leave the record dirty. */
const UNSAVABLE_FORM_TYPES = new Set([3, 4, 6]);

export type FormColumns = Partial<Record<ColumnOption, { name: string; attribute: AttributePort }>>;

/**
 * The columns the options name that may be written, and a problem for each one that may not: not on this form, not a
 * text or URL column, or not changeable by this user (field security, or no write privilege on the record). Never
 * throws: a host whose attribute throws while being checked gets that column skipped and named.
 */
export function findColumns(form: FormPort, options: FormOptions): { columns: FormColumns; problems: OptionProblem[] } {
  const columns: FormColumns = {};
  const problems: OptionProblem[] = [];
  for (const option of COLUMN_OPTIONS) {
    const name = options[option];
    if (name === undefined) continue;
    try {
      const attribute = form.getAttribute(name);
      const problem = problemWith(attribute);
      if (problem) problems.push({ key: problem, args: [name] });
      else if (attribute) columns[option] = { name, attribute };
    } catch {
      problems.push({ key: "Form_ColumnWriteFailed", args: [name] });
    }
  }
  return { columns, problems };
}

function problemWith(
  attribute: AttributePort | null,
): "Form_ColumnMissing" | "Form_ColumnNotText" | "Form_ColumnReadOnly" | undefined {
  if (!attribute) return "Form_ColumnMissing";
  const type = attribute.getAttributeType();
  if (!TEXT_TYPES.has(type)) return "Form_ColumnNotText";
  const format = type === "string" ? attribute.getFormat?.() : undefined;
  if (format && !TEXT_FORMATS.has(format)) return "Form_ColumnNotText";
  if (attribute.getUserPrivilege().canUpdate !== true) return "Form_ColumnReadOnly";
  return undefined;
}

/**
 * Mirrors the link into the columns: the details when linked, empty when not linked. A column is written only when its
 * value differs, because setValue marks the record dirty (it is then saved with the record, by the user or autosave).
 * Each column on its own: a value longer than the column holds, or a column that throws, is skipped and named in the
 * returned problems, and the other columns are still written.
 */
export function writeColumns(form: FormPort, columns: FormColumns, details: LinkedDetails | null): OptionProblem[] {
  if (UNSAVABLE_FORM_TYPES.has(form.ui.getFormType?.() ?? 0)) return [];
  const values: Record<ColumnOption, string | null> = {
    urlColumn: details?.url ?? null,
    tenantColumn: details?.tenantId ?? null,
    environmentColumn: details?.environmentId ?? null,
  };
  const problems: OptionProblem[] = [];
  for (const option of COLUMN_OPTIONS) {
    const column = columns[option];
    if (!column) continue;
    const value = values[option];
    try {
      const maxLength = column.attribute.getMaxLength?.();
      if (value !== null && typeof maxLength === "number" && maxLength > 0 && value.length > maxLength) {
        problems.push({ key: "Form_ColumnTooShort", args: [column.name, String(maxLength), String(value.length)] });
        continue;
      }
      if ((column.attribute.getValue() ?? null) !== value) column.attribute.setValue(value);
    } catch {
      problems.push({ key: "Form_ColumnWriteFailed", args: [column.name] });
    }
  }
  return problems;
}
