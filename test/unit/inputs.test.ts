import { cleanText, normaliseHost, normaliseVersion, urlText, zipEntryName } from "../../core/inputs";

describe("core/inputs: one normalisation per kind of input", () => {
  it("cleanText drops white space, a BOM and zero-width characters; nothing left is undefined", () => {
    expect(cleanText("  a b \t")).toBe("a b");
    expect(cleanText("\ufeff\u200bcontoso\u2060")).toBe("contoso");
    expect(cleanText("   ")).toBeUndefined();
    expect(cleanText("\u200b")).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
    expect(cleanText(42)).toBeUndefined();
  });

  it.each(["", "   ", "https://", "https:", "HTTPS:///", " http:// ", "\ufeff"])(
    "urlText(%j) names no URL",
    (value) => {
      expect(urlText(value)).toBeUndefined();
    },
  );

  it("urlText keeps anything with more than a scheme, cleaned", () => {
    expect(urlText(" https://contoso.crm.dynamics.com/ ")).toBe("https://contoso.crm.dynamics.com/");
    expect(urlText("contoso")).toBe("contoso");
    expect(urlText({})).toBeUndefined();
  });

  it("normaliseHost: lower case, no trailing dot", () => {
    expect(normaliseHost("Contoso.CRM.Dynamics.com.")).toBe("contoso.crm.dynamics.com");
    expect(normaliseHost("localhost")).toBe("localhost");
  });

  it.each([
    ["1.0", "1.0.0.0"],
    ["1.0.1", "1.0.1.0"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["01.02.0.10", "1.2.0.10"],
    ["2147483647.0", "2147483647.0.0.0"],
  ])("normaliseVersion(%j) is %j", (given, expected) => {
    expect(normaliseVersion(given)).toBe(expected);
  });

  it.each(["1", "1.0.0.0.0", "1..0", "v1.0", "1.0-beta", "2147483648.0", "", null])(
    "normaliseVersion(%j) is undefined",
    (given) => {
      expect(normaliseVersion(given)).toBeUndefined();
    },
  );

  it("zipEntryName: forward slashes, no leading ./ or /, lower case", () => {
    expect(zipEntryName("/Solution.xml")).toBe("solution.xml");
    expect(zipEntryName("\\SOLUTION.XML")).toBe("solution.xml");
    expect(zipEntryName("./solution.xml")).toBe("solution.xml");
    expect(zipEntryName("Controls/a/Bundle.js")).toBe("controls/a/bundle.js");
  });
});
