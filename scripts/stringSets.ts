/**
 * Where every user-facing word goes. TypeScript catalogs are the source (core/strings for the shared result words,
 * each deliverable's own *.strings.ts for its words); each deliverable gets committed RESX files, one per language,
 * written by `npm run strings` and checked by the tests to be in sync.
 */
import { join } from "node:path";
import {
  fillPlaceholders,
  LANGUAGES,
  coreNotes,
  coreStrings,
  type CoreStringKey,
  type LanguageTag,
  type Lcid,
} from "../core/strings";
import { controlCatalog, type ControlStringKey } from "../pcf/LinkedEnvironment/strings/control.strings";
import { manifestCatalog, type ManifestStringKey } from "../pcf/LinkedEnvironment/strings/manifest.strings";
import { formNotes, formStrings, type FormStringKey } from "../webresources/strings/form.strings";

export const ROOT = join(__dirname, "..");

export interface StringSet<K extends string = string> {
  /** Folder of the RESX files, relative to the repository root. */
  dir: string;
  /** RESX files are <baseName>.<lcid>.resx. */
  baseName: string;
  /** Language -> key -> text, the deliverable's own keys first, then core's words (record link, then results). */
  texts: Record<LanguageTag, Record<K, string>>;
  notes: Record<K, string>;
}

function merge<A extends string, B extends string>(
  own: Record<LanguageTag, Record<A, string>>,
  shared: Record<LanguageTag, Record<B, string>>,
): Record<LanguageTag, Record<A | B, string>> {
  return Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, { ...own[tag], ...shared[tag] }])) as Record<
    LanguageTag,
    Record<A | B, string>
  >;
}

/** The control: read by the platform through the manifest's <resx> and context.resources.getString. */
export const CONTROL_STRINGS: StringSet<ManifestStringKey | ControlStringKey | CoreStringKey> = {
  dir: "pcf/LinkedEnvironment/strings",
  baseName: "LinkedEnvironment",
  texts: merge(merge(manifestCatalog.strings, controlCatalog.strings), coreStrings),
  notes: { ...manifestCatalog.notes, ...controlCatalog.notes, ...coreNotes },
};

/** The form script: RESX web resources fol_/finopslink/strings/FormScript.<lcid>.resx, read by getResourceString. */
export const FORM_STRINGS: StringSet<FormStringKey | CoreStringKey> = {
  dir: "webresources/strings",
  baseName: "FormScript",
  texts: merge(formStrings, coreStrings),
  notes: { ...formNotes, ...coreNotes },
};

export const STRING_SETS: ReadonlyArray<StringSet> = [CONTROL_STRINGS, FORM_STRINGS];

export function resxFileName(set: Pick<StringSet, "baseName">, lcid: Lcid): string {
  return `${set.baseName}.${lcid}.resx`;
}

export type AnyStringKey = ManifestStringKey | ControlStringKey | FormStringKey | CoreStringKey;

/** Tests and screenshots: the text a user with `lcid` sees for `key` (English for a language not shipped). */
export function getString(
  lcid: number | undefined,
  key: AnyStringKey,
  ...args: ReadonlyArray<string | number>
): string {
  const tag = (LANGUAGES.find((language) => language.lcid === lcid) ?? LANGUAGES[0]).tag;
  const all: Record<string, string> = { ...CONTROL_STRINGS.texts[tag], ...FORM_STRINGS.texts[tag] };
  return fillPlaceholders(all[key] ?? key, args);
}
