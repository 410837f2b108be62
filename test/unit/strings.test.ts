import {
  LANGUAGES,
  RESULT_ENGLISH,
  createTranslator,
  isRightToLeft,
  resultNotes,
  resultStrings,
  type ResultStringKey,
} from "../../core/strings";

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(resultStrings.en) as ResultStringKey[];

test.each(LANGUAGES.map((l) => l.tag))("result words in %s: every key, none empty, the same placeholders", (tag) => {
  expect(Object.keys(resultStrings[tag]).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect(`${key}=${resultStrings[tag][key].trim()}`).not.toBe(`${key}=`);
    expect([key, placeholders(resultStrings[tag][key])]).toEqual([key, placeholders(resultStrings.en[key])]);
  }
});

test("every result word has a translator note", () => {
  expect(Object.keys(resultNotes).sort()).toEqual([...keys].sort());
  expect(RESULT_ENGLISH).toBe(resultStrings.en);
});

/** Strings that are the same words in English and the language (Spanish "Error") or no words at all ("HTTP {0}: {1}"). */
const SAME_BY_DESIGN: Record<string, string[]> = { es: ["Result_FailedDetail"] };

test.each(LANGUAGES.filter((l) => l.tag !== "en").map((l) => l.tag))(
  "result strings in %s are translated, not English copies",
  (tag) => {
    const same = keys.filter(
      (key) => resultStrings[tag][key] === resultStrings.en[key] && key !== "Result_FailedStatus",
    );
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
