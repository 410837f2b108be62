import { parseDetails } from "../../core/parse";
import { ENVIRONMENT_ID_BRACED, TENANT_UPPER, linkedBody } from "./fakes";
import { ENVIRONMENT_ID, FO_URL, LINKED_EXTRA, TENANT } from "../fixtures/dataverse";

test("a linked body: GUIDs lower-cased without braces, unknown fields kept, annotations dropped", () => {
  const body = linkedBody({
    "Url@OData.Community.Display.V1.FormattedValue": "Contoso",
    "@Microsoft.Dynamics.CRM.totalrecordcount": 1,
    Future: { nested: [1, 2] },
  });
  expect(parseDetails(body)).toEqual({
    kind: "linked",
    details: {
      url: FO_URL,
      tenantId: TENANT,
      environmentId: ENVIRONMENT_ID,
      extra: { ...LINKED_EXTRA, Future: { nested: [1, 2] } },
    },
  });
});

test("a __proto__ key stays data in extra and never changes a prototype", () => {
  const body = JSON.parse(
    `{"Url":"https://a.example","TenantId":"${TENANT_UPPER}","Id":"${ENVIRONMENT_ID_BRACED}","__proto__":{"polluted":true}}`,
  ) as unknown;
  const result = parseDetails(body);
  expect(result.kind).toBe("linked");
  if (result.kind !== "linked") return;
  expect(Object.prototype.hasOwnProperty.call(result.details.extra, "__proto__")).toBe(true);
  expect((result.details.extra as { polluted?: unknown }).polluted).toBeUndefined();
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

test.each([
  ["undefined", undefined, "body", "empty or not JSON"],
  ["empty text", "", "body", "empty or not JSON"],
  ["HTML text", "<html></html>", "body", "not a JSON object"],
  ["an array", [linkedBody()], "body", "not a JSON object"],
  ["null", null, "body", "not a JSON object"],
  ["a number", 42, "body", "not a JSON object"],
  ["no Url", linkedBody({ Url: undefined }), "Url", "missing"],
  ["empty Url", linkedBody({ Url: "" }), "Url", "missing"],
  ["null Url", linkedBody({ Url: null }), "Url", "missing"],
  ["a numeric Url", linkedBody({ Url: 5 }), "Url", "not a string"],
  ["javascript:", linkedBody({ Url: "javascript:alert(1)" }), "Url", "not an absolute https: URL without credentials"],
  [
    "JavaScript: mixed case with whitespace",
    linkedBody({ Url: " JaVaScRiPt:alert(1)" }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  [
    "data:",
    linkedBody({ Url: "data:text/html,<script>alert(1)</script>" }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  [
    "http:",
    linkedBody({ Url: "http://contoso.operations.dynamics.com" }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  ["relative", linkedBody({ Url: "/relative/path" }), "Url", "not an absolute https: URL without credentials"],
  ["protocol-relative", linkedBody({ Url: "//evil.example" }), "Url", "not an absolute https: URL without credentials"],
  [
    "HTML",
    linkedBody({ Url: '<a href="https://x.example">x</a>' }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  [
    "credentials",
    linkedBody({ Url: "https://user:pass@contoso.operations.dynamics.com" }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  [
    "a tab inside",
    linkedBody({ Url: "https://con\ttoso.operations.dynamics.com" }),
    "Url",
    "not an absolute https: URL without credentials",
  ],
  ["no TenantId", linkedBody({ TenantId: undefined }), "TenantId", "missing"],
  ["numeric TenantId", linkedBody({ TenantId: 1 }), "TenantId", "not a string"],
  ["short TenantId", linkedBody({ TenantId: "72f988bf-86f1-41af-91ab" }), "TenantId", "not a GUID"],
  ["unbalanced braces", linkedBody({ TenantId: `{${TENANT_UPPER}` }), "TenantId", "not a GUID"],
  ["no Id", linkedBody({ Id: undefined }), "Id", "missing"],
  ["Id with spaces", linkedBody({ Id: ` ${TENANT_UPPER} ` }), "Id", "not a GUID"],
])("invalid: %s", (_label, body, field, reason) => {
  expect(parseDetails(body)).toEqual({ kind: "invalid", field, reason });
});

test("upper-case HTTPS and a path are normalised by URL parsing", () => {
  const result = parseDetails(linkedBody({ Url: "HTTPS://Contoso.Operations.Dynamics.com/namespaces/AXSF/" }));
  expect(result).toMatchObject({
    kind: "linked",
    details: { url: "https://contoso.operations.dynamics.com/namespaces/AXSF/" },
  });
});

test("an object whose getters throw is invalid, not an exception", () => {
  const hostile = Object.defineProperty({}, "Url", {
    enumerable: true,
    get: () => {
      throw new Error("gotcha");
    },
  });
  expect(parseDetails(hostile)).toEqual({ kind: "invalid", field: "body", reason: "could not be read" });
});
