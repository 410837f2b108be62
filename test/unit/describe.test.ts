import { describeResult, type IntegrationResult, type ResultStringKey } from "../../core";
import { resultStrings } from "../../core/strings/results";

const en = (key: ResultStringKey) => resultStrings.en[key];
const details = { url: "https://contoso.operations.dynamics.com", tenantId: "t", environmentId: "e", extra: {} };

test.each<[IntegrationResult, { title: string; detail?: string }]>([
  [{ kind: "linked", details, fromCache: false }, { title: "Linked finance and operations environment", detail: "contoso.operations.dynamics.com" }],
  [{ kind: "notLinked", fromCache: true }, { title: resultStrings.en.Result_NotLinked, detail: resultStrings.en.Result_NotLinkedHint }],
  [{ kind: "unauthorized" }, { title: "Your sign-in has expired.", detail: "Sign in again, then reload the page." }],
  [{ kind: "unauthorized", code: "0x8005f101" }, { title: "Your sign-in has expired.", detail: "Sign in again, then reload the page. Error code: 0x8005f101" }],
  [{ kind: "forbidden", code: "0x80040220", message: "missing prvRead" }, { title: resultStrings.en.Result_Forbidden, detail: "Ask your administrator for a security role that allows it. Error code: 0x80040220" }],
  [{ kind: "offline" }, { title: "You're offline.", detail: resultStrings.en.Result_OfflineHint }],
  [{ kind: "offline", lastKnown: details }, { title: "You're offline.", detail: "Last known link: contoso.operations.dynamics.com" }],
  [{ kind: "invalid", field: "TenantId", reason: "not a GUID" }, { title: resultStrings.en.Result_Invalid, detail: "Unexpected value in the TenantId field." }],
  [{ kind: "failed", code: "0x80040216", status: 500, message: "An unexpected error occurred." }, { title: resultStrings.en.Result_Failed, detail: "Error 0x80040216: An unexpected error occurred." }],
  [{ kind: "failed", status: 502, message: "HTTP 502" }, { title: resultStrings.en.Result_Failed, detail: "HTTP 502: HTTP 502" }],
  [{ kind: "failed", message: "boom" }, { title: resultStrings.en.Result_Failed, detail: "boom" }],
])("%j", (result, expected) => {
  expect(describeResult(result, en)).toEqual(expected);
});

test("words come from the translator, in the user's language", () => {
  const ja = (key: ResultStringKey) => resultStrings.ja[key];
  expect(describeResult({ kind: "failed", code: "0x80040216", message: "x" }, ja)).toEqual({
    title: "財務と運用アプリとのリンクを確認できませんでした。",
    detail: "エラー 0x80040216: x",
  });
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
  for (const strings of Object.values(resultStrings)) {
    for (const result of results) {
      const { title, detail } = describeResult(result, (key) => strings[key]);
      expect(`${title} ${detail ?? ""}`).not.toMatch(/\{\d\}|\n\s*at\s/);
    }
  }
});
