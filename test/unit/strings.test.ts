import { LANGUAGES, catalog, getString, languageFor } from "../../core/strings";
import { controlStrings } from "../../core/strings/control";
import { formStrings } from "../../core/strings/form";
import { resultStrings } from "../../core/strings/results";

const groups = { results: resultStrings, control: controlStrings, form: formStrings };
const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(groups))("group %s", (_name, group) => {
  const keys = Object.keys(group.en).sort();
  test.each(LANGUAGES.map((l) => l.tag))("%s has every key, no empty value, the same placeholders", (tag) => {
    const strings = group[tag] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(keys);
    for (const key of keys) {
      expect(`${key}=${strings[key].trim()}`).not.toBe(`${key}=`);
      expect([key, placeholders(strings[key])]).toEqual([key, placeholders((group.en as Record<string, string>)[key])]);
    }
  });
});

test("keys are unique across groups", () => {
  const all = Object.values(groups).flatMap((g) => Object.keys(g.en));
  expect(new Set(all).size).toBe(all.length);
});

test("the merged catalog has every key of every group in every language", () => {
  const keys = Object.values(groups)
    .flatMap((g) => Object.keys(g.en))
    .sort();
  for (const { tag } of LANGUAGES) expect(Object.keys(catalog[tag]).sort()).toEqual(keys);
});

/** Strings that are the same words in English and the language (Spanish "Error") or no words at all ("HTTP {0}: {1}"). */
const SAME_BY_DESIGN: Record<string, string[]> = { es: ["Result_FailedDetail"] };

test.each(LANGUAGES.filter((l) => l.tag !== "en").map((l) => l.tag))(
  "result strings in %s are translated, not English copies",
  (tag) => {
    const keys = Object.keys(resultStrings.en) as (keyof typeof resultStrings.en)[];
    const same = keys.filter(
      (key) => resultStrings[tag][key] === resultStrings.en[key] && key !== "Result_FailedStatus",
    );
    expect(same).toEqual(SAME_BY_DESIGN[tag] ?? []);
  },
);

test("getString fills placeholders and falls back to English for unknown languages", () => {
  expect(getString(1031, "Result_OfflineLastKnown", "contoso.operations.dynamics.com")).toBe(
    "Zuletzt bekannte Verknüpfung: contoso.operations.dynamics.com",
  );
  expect(getString(9999, "Result_Retry")).toBe("Retry");
  expect(languageFor(undefined).tag).toBe("en");
});
