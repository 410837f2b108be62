import { buildDeepLink, hostOf, resolveDeepLink, safeHttpsUrl } from "../../core";

describe("safeHttpsUrl", () => {
  test.each([
    ["https://contoso.operations.dynamics.com", "https://contoso.operations.dynamics.com"],
    ["https://contoso.operations.dynamics.com/", "https://contoso.operations.dynamics.com"],
    ["https://contoso.operations.dynamics.com/?", "https://contoso.operations.dynamics.com"],
    ["HTTPS://CONTOSO.operations.dynamics.com:443/", "https://contoso.operations.dynamics.com"],
    [
      "https://contoso.operations.dynamics.com:8443/path?q=1#f",
      "https://contoso.operations.dynamics.com:8443/path?q=1#f",
    ],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["https://x.example/<script>", "https://x.example/%3Cscript%3E"],
  ])("%s -> %s", (input, expected) => {
    expect(safeHttpsUrl(input)).toBe(expected);
  });

  test.each([
    "javascript:alert(1)",
    "data:text/html,x",
    "http://contoso.operations.dynamics.com",
    "ftp://x.example",
    "/relative",
    "contoso.operations.dynamics.com",
    "https://user@x.example",
    "https://:pw@x.example",
    " https://x.example",
    "https://x.example\n",
    "https://x\u202e.example",
    `https://x.example/${"a".repeat(2100)}`,
    "",
  ])("rejects %j", (input) => {
    expect(safeHttpsUrl(input)).toBeUndefined();
  });

  test.each([undefined, null, 42, {}, ["https://x.example"], new URL("https://x.example")])(
    "rejects non-strings: %p",
    (input) => {
      expect(safeHttpsUrl(input)).toBeUndefined();
    },
  );
});

describe("buildDeepLink", () => {
  const base = "https://contoso.operations.dynamics.com";
  test("cmp and mi, URL-encoded", () => {
    expect(buildDeepLink(base, { cmp: "USMF", mi: "CustTableListPage" })).toBe(
      `${base}/?cmp=USMF&mi=CustTableListPage`,
    );
    expect(buildDeepLink(base, { cmp: "a&b=c", mi: "x y/ü" })).toBe(`${base}/?cmp=a%26b%3Dc&mi=x%20y%2F%C3%BC`);
  });
  test("blank parts are left out", () => {
    expect(buildDeepLink(base, { cmp: "  ", mi: "CustTable" })).toBe(`${base}/?mi=CustTable`);
    expect(buildDeepLink(base, { cmp: "DAT", mi: null })).toBe(`${base}/?cmp=DAT`);
    expect(buildDeepLink(`${base}/`, {})).toBe(base);
  });
  test("an existing path is kept, its query and hash replaced", () => {
    expect(buildDeepLink(`${base}/namespaces/AXSF?old=1#x`, { cmp: "USMF" })).toBe(`${base}/namespaces/AXSF/?cmp=USMF`);
    expect(buildDeepLink(`${base}/namespaces/AXSF/`, { mi: "A" })).toBe(`${base}/namespaces/AXSF/?mi=A`);
  });
  test("an unsafe base gives no link at all", () => {
    expect(buildDeepLink("javascript:alert(1)//", { cmp: "USMF" })).toBeUndefined();
    expect(buildDeepLink("http://x.example", { cmp: "USMF" })).toBeUndefined();
  });
});

describe("hostOf", () => {
  test("the host, with a non-default port", () => {
    expect(hostOf("https://contoso.operations.dynamics.com/path")).toBe("contoso.operations.dynamics.com");
    expect(hostOf("https://x.example:8443")).toBe("x.example:8443");
  });
  test("nothing for an unsafe URL", () => {
    expect(hostOf("javascript:alert(1)")).toBeUndefined();
  });
});

describe("resolveDeepLink", () => {
  const base = "https://contoso.operations.dynamics.com";

  it("gives the deep link when it fits in 2,048 characters", () => {
    expect(resolveDeepLink(base, { cmp: "USMF", mi: "CustTableListPage" })).toEqual({
      href: `${base}/?cmp=USMF&mi=CustTableListPage`,
      tooLong: false,
    });
    const mi = "m".repeat(2048 - `${base}/?mi=`.length);
    expect(resolveDeepLink(base, { mi })).toEqual({ href: `${base}/?mi=${mi}`, tooLong: false });
  });

  it("falls back to the plain environment link, and says so, when the deep link would pass 2,048 characters", () => {
    const mi = "m".repeat(2049 - `${base}/?mi=`.length);
    expect(resolveDeepLink(base, { mi })).toEqual({ href: base, tooLong: true });
    // Percent-encoding makes a short-looking value long: 700 "ü" become 4,200 characters.
    expect(resolveDeepLink(base, { cmp: "USMF", mi: "ü".repeat(700) })).toEqual({ href: base, tooLong: true });
  });

  it("gives no link for an unsafe URL, and does not call that too long", () => {
    expect(resolveDeepLink("javascript:alert(1)//", { mi: "x".repeat(5000) })).toEqual({
      href: undefined,
      tooLong: false,
    });
  });

  it("without cmp/mi is the environment link", () => {
    expect(resolveDeepLink(`${base}/`, {})).toEqual({ href: base, tooLong: false });
  });
});
