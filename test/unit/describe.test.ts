import { describeResult, type IntegrationResult, type ResultStringKey } from "../../core";
import { coreStrings } from "../../core/strings/words";

const en = (key: ResultStringKey) => coreStrings.en[key];
const details = { url: "https://contoso.operations.dynamics.com", tenantId: "t", environmentId: "e", extra: {} };

test.each<[IntegrationResult, { title: string; detail?: string }]>([
  [
    { kind: "linked", details, fromCache: false },
    { title: "Linked finance and operations environment", detail: "contoso.operations.dynamics.com" },
  ],
  [
    { kind: "notLinked", fromCache: true },
    { title: coreStrings.en.Result_NotLinked, detail: coreStrings.en.Result_NotLinkedHint },
  ],
  [{ kind: "unauthorized" }, { title: "Your sign-in has expired.", detail: "Sign in again, then reload the page." }],
  [
    { kind: "unauthorized", code: "0x8005f101" },
    { title: "Your sign-in has expired.", detail: "Sign in again, then reload the page. Error code: 0x8005f101" },
  ],
  [
    { kind: "forbidden", code: "0x80040220", message: "missing prvRead" },
    {
      title: coreStrings.en.Result_Forbidden,
      detail: "Ask your administrator for a security role that allows it. Error code: 0x80040220",
    },
  ],
  [{ kind: "offline" }, { title: "You're offline.", detail: coreStrings.en.Result_OfflineHint }],
  [
    { kind: "offline", lastKnown: details },
    { title: "You're offline.", detail: "Last known link: contoso.operations.dynamics.com" },
  ],
  [
    { kind: "invalid", field: "TenantId", reason: "not a GUID" },
    { title: coreStrings.en.Result_Invalid, detail: "Unexpected value in the TenantId field." },
  ],
  [
    { kind: "failed", code: "0x80040216", status: 500, message: "An unexpected error occurred." },
    { title: coreStrings.en.Result_Failed, detail: "Error 0x80040216: An unexpected error occurred." },
  ],
  [
    { kind: "failed", code: "0x80040216", message: "An unexpected error occurred." },
    { title: coreStrings.en.Result_Failed, detail: "Error 0x80040216: An unexpected error occurred." },
  ],
  [
    { kind: "failed", code: "0x0000007b" },
    { title: coreStrings.en.Result_Failed, detail: "Error code: 0x0000007b" },
  ],
  [
    { kind: "failed", code: "0x0000007b", status: 500 },
    { title: coreStrings.en.Result_Failed, detail: "Error code: 0x0000007b" },
  ],
  [
    { kind: "failed", code: "0x0000007b", message: "0x0000007B" },
    { title: coreStrings.en.Result_Failed, detail: "Error code: 0x0000007b" },
  ],
  [
    { kind: "failed", status: 429, message: "Too many requests" },
    { title: coreStrings.en.Result_Failed, detail: "HTTP 429: Too many requests" },
  ],
  [
    { kind: "failed", status: 502 },
    { title: coreStrings.en.Result_Failed, detail: "The server answered with HTTP status 502." },
  ],
  [
    { kind: "failed", status: 502, message: "HTTP 502" },
    { title: coreStrings.en.Result_Failed, detail: "The server answered with HTTP status 502." },
  ],
  [
    { kind: "failed", status: 502, message: "502 Bad Gateway" },
    { title: coreStrings.en.Result_Failed, detail: "HTTP 502: Bad Gateway" },
  ],
  [
    { kind: "failed", status: 502, message: "5021 widgets" },
    { title: coreStrings.en.Result_Failed, detail: "HTTP 502: 5021 widgets" },
  ],
  [
    { kind: "failed", message: "boom" },
    { title: coreStrings.en.Result_Failed, detail: "boom" },
  ],
  [{ kind: "failed" }, { title: coreStrings.en.Result_Failed, detail: coreStrings.en.Result_FailedNoDetail }],
  [
    { kind: "failed", noTransport: true },
    { title: coreStrings.en.Result_Failed, detail: coreStrings.en.Result_NoTransport },
  ],
  [
    { kind: "failed", notDataverse: true },
    { title: coreStrings.en.Result_Failed, detail: coreStrings.en.Result_NotDataverse },
  ],
])("%j", (result, expected) => {
  expect(describeResult(result, en)).toEqual(expected);
});

test("words come from the translator, in the user's language", () => {
  const ja = (key: ResultStringKey) => coreStrings.ja[key];
  expect(describeResult({ kind: "failed", code: "0x80040216", message: "x" }, ja)).toEqual({
    title: "財務と運用アプリとのリンクを確認できませんでした。",
    detail: "エラー 0x80040216: x",
  });
});

describe("a failure in German: only the server's own words stay as they came, nothing in English, nothing twice", () => {
  const de = (key: ResultStringKey) => coreStrings.de[key];
  test.each<[string, IntegrationResult, string]>([
    ["502 with an HTML body", { kind: "failed", status: 502 }, "Der Server hat mit HTTP-Status 502 geantwortet."],
    ["a rejection with {}", { kind: "failed" }, coreStrings.de.Result_FailedNoDetail],
    ["errorCode 123 without a message", { kind: "failed", code: "0x0000007b" }, "Fehlercode: 0x0000007b"],
    ["no transport", { kind: "failed", noTransport: true }, coreStrings.de.Result_NoTransport],
    ["not a Dataverse organization", { kind: "failed", notDataverse: true }, coreStrings.de.Result_NotDataverse],
  ])("%s", (_label, result, detail) => {
    const words = describeResult(result, de);
    expect(words).toEqual({ title: coreStrings.de.Result_Failed, detail });
    expect(`${words.title} ${words.detail}`).not.toMatch(/Unknown error|HTTP \d+: HTTP|browser offers/);
  });
});

test("every combination of code, status and message has words in every language, and none says a thing twice", () => {
  const codes = [undefined, "0x80040216"];
  const statuses = [undefined, 500];
  const messages = [undefined, "", "Server says no", "HTTP 500", "500", "0x80040216"];
  for (const [tag, strings] of Object.entries(coreStrings)) {
    for (const code of codes)
      for (const status of statuses)
        for (const message of messages) {
          const result: IntegrationResult = {
            kind: "failed",
            ...(code && { code }),
            ...(status && { status }),
            ...(message !== undefined && { message }),
          };
          const used: ResultStringKey[] = [];
          const { detail = "" } = describeResult(result, (key) => (used.push(key), strings[key]));
          const label = `${tag} ${JSON.stringify(result)} -> ${detail}`;
          expect([label, detail.trim() === ""]).toEqual([label, false]);
          expect([label, /\{\d\}|undefined/.test(detail)]).toEqual([label, false]);
          const count = (token: string) => detail.split(token).length - 1;
          if (code !== undefined) expect([label, count(code)]).toEqual([label, 1]);
          // A code outranks the status; without a code the status is said exactly once.
          if (status !== undefined) expect([label, count(String(status))]).toEqual([label, code === undefined ? 1 : 0]);
          if (message === "Server says no") expect(detail).toContain(message);
          // Words of our own come from translated templates (only "HTTP {0}: {1}" and Spanish "Error {0}: {1}" read as in English).
          const sameAsEnglish = used.filter((key) => tag !== "en" && strings[key] === coreStrings.en[key]);
          expect([
            label,
            sameAsEnglish.filter(
              (key) => key !== "Result_FailedStatus" && !(tag === "es" && key === "Result_FailedDetail"),
            ),
          ]).toEqual([label, []]);
        }
  }
});

test("no placeholder is left unfilled and no stack trace appears, for any kind in any language", () => {
  const results: IntegrationResult[] = [
    { kind: "unauthorized", code: "0x8005f101" },
    { kind: "forbidden", code: "0x80040220" },
    { kind: "offline", lastKnown: details },
    { kind: "invalid", field: "Url", reason: "r" },
    { kind: "failed", code: "0x1", message: "m" },
    { kind: "failed", status: 500, message: "m" },
  ];
  for (const strings of Object.values(coreStrings)) {
    for (const result of results) {
      const { title, detail } = describeResult(result, (key) => strings[key]);
      expect(`${title} ${detail ?? ""}`).not.toMatch(/\{\d\}|\n\s*at\s/);
    }
  }
});
