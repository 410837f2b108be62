/**
 * The form script's words: read from its RESX web resources through Xrm.Utility.getResourceString, with the built-in
 * English used exactly where the platform cannot answer, and never an exception.
 */
import { resourceStringReader, type ResxWebResource } from "../../demo/host/resourceStrings";
import { RESULT_ENGLISH } from "../../core/strings/words";
import { FORM_ENGLISH } from "../../webresources/strings/form.strings";
import { STRINGS_RESOURCE, formTranslator } from "../../webresources/texts";
import { formScriptResx } from "./fakes";

const utility = (getResourceString?: (name: string, key: string) => string | null) => ({
  getGlobalContext: () => ({
    getClientUrl: () => "https://org.crm.dynamics.com",
    userSettings: { userId: "u", languageId: 1 },
  }),
  ...(getResourceString ? { getResourceString } : {}),
});

describe("formTranslator", () => {
  it("asks getResourceString for the script's RESX by name and key, and fills placeholders", () => {
    const asked: Array<[string, string]> = [];
    const t = formTranslator(
      utility((name, key) => {
        asked.push([name, key]);
        return "option inconnue « {0} »";
      }),
    );
    expect(t("Form_OptionUnknown", "x")).toBe("option inconnue « x »");
    expect(asked).toEqual([["fol_/finopslink/strings/FormScript", "Form_OptionUnknown"]]);
    expect(STRINGS_RESOURCE).toBe("fol_/finopslink/strings/FormScript");
  });

  it("reads the user's language from the committed RESX files, as the platform serves them", () => {
    const french = formTranslator(utility(resourceStringReader(formScriptResx(), 1036, 1033)));
    expect(french("Form_OptionUnknown", "x")).toBe("option inconnue « x »");
    const japanese = formTranslator(utility(resourceStringReader(formScriptResx(), 1041, 1033)));
    expect(japanese("Result_NotLinked")).toBe("この環境は財務と運用アプリにリンクされていません。");
  });

  it("a language without a RESX gets the base language's RESX, as the platform does", () => {
    const russian = formTranslator(utility(resourceStringReader(formScriptResx(), 1049, 1033)));
    expect(russian("Form_Open")).toBe("Open");
  });

  it("falls back to the built-in English when the resource does not exist (throws), and asks only once", () => {
    let calls = 0;
    const t = formTranslator(
      utility((name) => {
        calls += 1;
        throw new Error(`${name} does not exist.`);
      }),
    );
    expect(t("Form_OptionsProblem", "a; b")).toBe("FinOps Link options need attention: a; b");
    expect(t("Result_Retry")).toBe(RESULT_ENGLISH.Result_Retry);
    expect(calls).toBe(1);
  });

  it("falls back to English for a key the RESX lacks (null) or leaves empty, per key", () => {
    const t = formTranslator(
      utility((_name, key) => (key === "Form_Open" ? "Öffnen" : key === "Form_TabMissing" ? "" : null)),
    );
    expect(t("Form_Open")).toBe("Öffnen");
    expect(t("Form_DialogTitle")).toBe(FORM_ENGLISH.Form_DialogTitle);
    expect(t("Form_TabMissing", "t")).toBe('tab "t" is not on this form');
  });

  it("falls back to English where the host has no getResourceString or no Utility", () => {
    expect(formTranslator(utility())("Form_Open")).toBe("Open");
    expect(formTranslator(undefined)("Result_NotLinked")).toBe(RESULT_ENGLISH.Result_NotLinked);
  });
});

describe("the demo's and the fakes' getResourceString follows the platform's rules", () => {
  const resources: ResxWebResource[] = [
    { name: "p_/s/X.1031.resx", languageCode: 1031, strings: { a: "A-de" } },
    { name: "p_/s/X.1033.resx", languageCode: 1033, strings: { a: "A-en", b: "B-en" } },
    { name: "p_/s/Other.1041.resx", languageCode: 1041, strings: { a: "A-other" } },
  ];
  it("user language first, then the base language per key, then null", () => {
    const read = resourceStringReader(resources, 1031, 1033);
    expect(read("p_/s/X", "a")).toBe("A-de");
    expect(read("p_/s/X", "b")).toBe("B-en");
    expect(read("p_/s/X", "c")).toBeNull();
  });
  it("throws '<name> does not exist.' when neither language has that RESX, and never matches a longer name", () => {
    expect(() => resourceStringReader(resources, 1041, 1036)("p_/s/X", "a")).toThrow("p_/s/X does not exist.");
    expect(() => resourceStringReader(resources, 1041, 1033)("p_/s/Oth", "a")).toThrow("p_/s/Oth does not exist.");
  });
});
