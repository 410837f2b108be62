import {
  LANGUAGES,
  RECORD_ENGLISH,
  RESULT_ENGLISH,
  catalogByKey,
  coreNotes,
  coreStrings,
  createTranslator,
  isRightToLeft,
  type CoreStringKey,
} from "../../core/strings";

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(coreStrings.en) as CoreStringKey[];

test.each(LANGUAGES.map((l) => l.tag))("core's words in %s: every key, none empty, the same placeholders", (tag) => {
  expect(Object.keys(coreStrings[tag]).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect(`${key}=${coreStrings[tag][key].trim()}`).not.toBe(`${key}=`);
    expect([key, placeholders(coreStrings[tag][key])]).toEqual([key, placeholders(coreStrings.en[key])]);
  }
});

test("every word of core's has a translator note; the English objects are the catalog's English, in RESX order", () => {
  expect(Object.keys(coreNotes).sort()).toEqual([...keys].sort());
  expect(Object.entries(coreStrings.en)).toEqual([
    ...Object.entries(RECORD_ENGLISH),
    ...Object.entries(RESULT_ENGLISH),
  ]);
});

test("catalogByKey: notes and each language as columns, keys in the order written", () => {
  const words = { de: "D", fr: "F", es: "E", it: "I", nl: "N", "pt-BR": "P", ja: "J", "zh-CN": "Z", ar: "A" };
  const group = catalogByKey({ B_Key: { en: "b", note: "nb", ...words }, A_Key: { en: "a", note: "na", ...words } });
  expect(group.notes).toEqual({ B_Key: "nb", A_Key: "na" });
  expect(Object.keys(group.strings.en)).toEqual(["B_Key", "A_Key"]);
  expect(group.strings["pt-BR"]).toEqual({ B_Key: "P", A_Key: "P" });
  expect(Object.keys(group.strings)).toEqual(LANGUAGES.map((language) => language.tag));
});

/** Strings that are the same words in English and the language (Spanish "Error") or no words at all ("HTTP {0}: {1}"). */
const SAME_BY_DESIGN: Record<string, string[]> = { es: ["Result_FailedDetail"] };

test.each(LANGUAGES.filter((l) => l.tag !== "en").map((l) => l.tag))(
  "core's words in %s are translated, not English copies",
  (tag) => {
    const same = keys.filter((key) => coreStrings[tag][key] === coreStrings.en[key] && key !== "Result_FailedStatus");
    expect(same).toEqual(SAME_BY_DESIGN[tag] ?? []);
  },
);

describe("createTranslator, the one translator every edge uses", () => {
  const table: Record<string, string> = { Result_OfflineLastKnown: "Zuletzt bekannte Verknüpfung: {0}", Empty: "" };
  const t = createTranslator<string>(
    (key) => table[key],
    (key) => (key === "Fallback" ? "from {0} fallback" : undefined),
  );

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("Result_OfflineLastKnown", "contoso.operations.dynamics.com")).toBe(
      "Zuletzt bekannte Verknüpfung: contoso.operations.dynamics.com",
    );
    expect(t("Result_OfflineLastKnown")).toBe("Zuletzt bekannte Verknüpfung: {0}");
  });

  it("uses the fallback for a missing or empty text, and the key when there is none", () => {
    expect(t("Fallback", "the")).toBe("from the fallback");
    expect(t("Empty")).toBe("Empty");
    expect(t("Nothing")).toBe("Nothing");
  });

  it("turns a lookup that throws into the fallback", () => {
    const throwing = createTranslator<"Result_Retry">(
      () => {
        throw new Error("no");
      },
      (key) => RESULT_ENGLISH[key],
    );
    expect(throwing("Result_Retry")).toBe("Retry");
  });
});

test("right to left is stated once, in the language list", () => {
  expect(LANGUAGES.filter((l) => l.rtl).map((l) => l.lcid)).toEqual([1025]);
  expect(isRightToLeft(1025)).toBe(true);
  expect([1033, 1041, 9999, undefined].map(isRightToLeft)).toEqual([false, false, false, false]);
});
