import { LANGUAGES } from "../../core/strings/languages";
import { formStrings, type FormStringKey } from "../../core/strings/form";
import { textsFor } from "../../webresources/strings";

const keys = Object.keys(formStrings.en) as FormStringKey[];
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

describe("Form_* strings", () => {
  it.each(LANGUAGES.filter((language) => language.tag !== "en").map((language) => language.tag))(
    "%s is a real translation",
    (tag) => {
      const translated = keys.filter((key) => formStrings[tag][key] !== formStrings.en[key]);
      // At most one key (a product name) may read as in English.
      expect(translated.length).toBeGreaterThanOrEqual(keys.length - 1);
      for (const key of keys) {
        expect(formStrings[tag][key].trim()).not.toBe("");
        expect(placeholders(formStrings[tag][key])).toEqual(placeholders(formStrings.en[key]));
      }
    },
  );

  it("textsFor picks the language by LCID and fills placeholders", () => {
    expect(textsFor(1036).form("Form_OptionUnknown", "x")).toBe("option inconnue « x »");
    expect(textsFor(2052).result("Result_NotLinked")).not.toBe(textsFor(1033).result("Result_NotLinked"));
    expect(textsFor(undefined).form("Form_Open")).toBe("Open");
    expect(textsFor(9999).form("Form_Open")).toBe("Open");
  });
});
