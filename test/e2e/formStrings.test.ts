/**
 * The form script speaks the user's language through the RESX web resources of the built zip: German, Japanese and
 * Arabic users see its notifications in their language, while form.js itself carries only the English fallback.
 */
import { strFromU8 } from "fflate";
import { unmanagedZipPath } from "../../demo/build/ensureBuilt";
import { readSolution, type ShippedSolution } from "../../demo/package/readSolution";
import { fillPlaceholders } from "../../core/strings";
import { LINKED } from "../fixtures/dataverse";
import { ROOT, hostState, openForm, useHarness, waitForHost } from "./support/demo";
import type { Page } from "playwright-core";

jest.setTimeout(60_000);

const harness = useHarness();
let solution: ShippedSolution;
beforeAll(() => {
  solution = readSolution(unmanagedZipPath(ROOT));
});

/** The text of `key` in the RESX web resource the zip ships for `lcid`. */
function shipped(lcid: number, key: string, ...args: string[]): string {
  const resx = solution.webResources.find((w) => w.name === `fol_/finopslink/strings/FormScript.${lcid}.resx`);
  const text = resx?.strings?.[key];
  if (text === undefined) throw new Error(`the zip has no ${key} for ${lcid}`);
  return fillPlaceholders(text, args);
}

async function notifications(page: Page, count: number) {
  await waitForHost(page, "formNotifications", count);
  // Late stragglers would show up within this window.
  await page.waitForTimeout(300);
  const { formNotifications } = await hostState(page);
  expect(formNotifications).toHaveLength(count);
  return formNotifications;
}

describe.each([
  [1031, "German"],
  [1041, "Japanese"],
  [1025, "Arabic"],
])("a %s (%s) user", (lcid) => {
  it("sees the not-linked warning and the options warning from the shipped RESX, not from form.js", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, {
      scenario: "notLinked",
      controls: 0,
      lang: lcid,
      formOptions: { colour: 1 },
    });
    const shown = await notifications(page, 2);
    const warning = `${shipped(lcid, "Result_NotLinked")} ${shipped(lcid, "Result_NotLinkedHint")}`;
    const options = shipped(lcid, "Form_OptionsProblem", shipped(lcid, "Form_OptionUnknown", "colour"));
    expect(shown.map((n) => n.message).sort()).toEqual([warning, options].sort());
    expect(warning).not.toBe(`${shipped(1033, "Result_NotLinked")} ${shipped(1033, "Result_NotLinkedHint")}`);

    const script = solution.webResources.find((w) => w.name === "fol_/finopslink/form.js");
    const code = strFromU8(script?.content ?? new Uint8Array());
    expect(code).not.toContain(shipped(lcid, "Result_NotLinked"));
    expect(code).toContain(shipped(1033, "Result_NotLinked"));
  });

  it("sees the linked notice in the language's own template", async () => {
    const { page } = await harness.newPage();
    await openForm(page, harness.server.url, {
      scenario: "linked",
      controls: 0,
      lang: lcid,
      formOptions: { notify: "always" },
    });
    const [notice] = await notifications(page, 1);
    expect(notice.message).toBe(
      shipped(
        lcid,
        "Form_LinkedNotice",
        shipped(lcid, "Result_Linked"),
        LINKED.Url,
        shipped(lcid, "Result_TenantId"),
        LINKED.TenantId,
      ),
    );
  });
});

test("the zip declares every RESX as a dependency of form.js, and the demo serves only those to the script", () => {
  const script = solution.webResources.find((w) => w.name === "fol_/finopslink/form.js");
  const resx = solution.webResources.filter((w) => w.type === 12);
  expect(resx).toHaveLength(10);
  expect([...(script?.dependencies ?? [])].sort()).toEqual(resx.map((w) => w.name).sort());
  for (const resource of resx)
    expect(resource.name).toBe(`fol_/finopslink/strings/FormScript.${resource.languageCode}.resx`);
});
