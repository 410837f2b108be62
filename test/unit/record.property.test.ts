/** @jest-environment node */
import fc from "fast-check";
import { matchQuery, odataStringLiteral } from "../../core";

/**
 * Reads a `$filter` the way an OData server does after URL decoding: `name eq '<literal>'` joined by ` and `, where
 * `''` inside a literal is one quote and a lone quote ends it. Returns the conditions, or undefined when anything
 * else is there (an operator, a parenthesis, a second clause a value smuggled in).
 */
function readFilter(filter: string): Array<{ name: string; value: string }> | undefined {
  const conditions: Array<{ name: string; value: string }> = [];
  let at = 0;
  for (;;) {
    const head = /^([a-z][a-z0-9_]*) eq '/.exec(filter.slice(at));
    if (head === null) return undefined;
    at += head[0].length;
    let value = "";
    for (;;) {
      if (at >= filter.length) return undefined;
      const c = filter[at];
      if (c === "'" && filter[at + 1] === "'") {
        value += "'";
        at += 2;
      } else if (c === "'") {
        at += 1;
        break;
      } else {
        value += c;
        at += 1;
      }
    }
    conditions.push({ name: head[1], value });
    if (at === filter.length) return conditions;
    if (!filter.startsWith(" and ", at)) return undefined;
    at += 5;
  }
}

/** The query options as a server splits them: at `&`, each `name=value` URL-decoded. */
function readOptions(options: string): Map<string, string> {
  expect(options.startsWith("?")).toBe(true);
  const map = new Map<string, string>();
  for (const part of options.slice(1).split("&")) {
    const eq = part.indexOf("=");
    expect(eq).toBeGreaterThan(0);
    expect(map.has(part.slice(0, eq))).toBe(false);
    map.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1)));
  }
  return map;
}

const hostile = fc.constantFrom(
  "'",
  "''",
  "' or 1 eq 1 or 'a' eq '",
  "x' and mserp_dataareaid ne '",
  "&$top=100",
  "#fragment",
  "%27",
  "%2527",
  "a+b",
  "a=b",
  "?$expand=*",
  "O'Brien & Sons #7",
  "\ud800",
  "\udfff'",
  "😀'😀",
  "\u0000\n\r\t",
);
const value = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), hostile);
const lonely = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

test("no value breaks out of its literal: the server reads exactly the conditions asked for", () => {
  fc.assert(
    fc.property(
      fc.array(value, { minLength: 1, maxLength: 4 }),
      fc.option(value, { nil: undefined }),
      (values, company) => {
        const conditions = values.map((v, i) => ({ virtual: `mserp_col${i}`, value: v }));
        const options = readOptions(matchQuery("mserp_custcustomerv3entity", conditions, company));
        expect([...options.keys()]).toEqual(["$select", "$filter", "$top"]);
        expect(options.get("$select")).toBe("mserp_custcustomerv3entityid,mserp_dataareaid");
        expect(options.get("$top")).toBe("2");
        const expected = [
          ...conditions.map((c) => ({ name: c.virtual, value: c.value.replace(lonely, "\ufffd") })),
          ...(company === undefined ? [] : [{ name: "mserp_dataareaid", value: company.replace(lonely, "\ufffd") }]),
        ];
        expect(readFilter(options.get("$filter") ?? "")).toEqual(expected);
      },
    ),
    { numRuns: 2000 },
  );
});

test("a literal in the URL has no character that ends or splits a query option", () => {
  fc.assert(
    fc.property(value, (v) => {
      const literal = odataStringLiteral(v);
      expect(literal).toMatch(/^'[^&#+=?\s]*'$/);
      expect(literal.slice(1, -1)).not.toMatch(/%(?![0-9A-F]{2})/);
    }),
    { numRuns: 2000 },
  );
});
