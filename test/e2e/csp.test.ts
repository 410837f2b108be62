/**
 * The shipped control and form script under the strict content security policy admins can turn on for model-driven
 * apps (Power Platform admin center, Privacy + Security): the demo form and its form-script frame are served with the
 * header below by this test (the demo page itself has no inline script, only an inline <style>, which the policy
 * allows), and the page must show the link, the record link and the form notification with no CSP violation at all.
 */
import type { Page } from "playwright-core";
import { getString } from "../../scripts/stringSets";
import { ACCOUNTS, LINKED } from "../fixtures/dataverse";
import { openForm, slot, useHarness, waitForControlText, waitForHost } from "./support/demo";

jest.setTimeout(60_000);

const harness = useHarness();

const en = (key: Parameters<typeof getString>[1], ...args: string[]) => getString(1033, key, ...args);

/**
 * Microsoft's strict model-driven policy (docs/admins.md): scripts only from the app's origin, no inline script and no
 * eval; styles from the origin or inline (Fluent UI inserts its rules at run time); requests only to the origin.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Serves every document of the demo with the policy, and collects violations from every frame and the console. */
async function underStrictCsp(page: Page): Promise<{ violations: Violation[]; console: string[] }> {
  const violations: Violation[] = [];
  const consoleLines: string[] = [];
  await page.exposeFunction("__reportCspViolation", (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
      report({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
  });
  page.on("console", (message) => {
    if (/content security policy|refused to/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": STRICT_CSP },
    });
  });
  return { violations, console: consoleLines };
}

describe("under Microsoft's strict model-driven CSP", () => {
  it("the control and the form script work and log no violation", async () => {
    const { page } = await harness.newPage({ ownContext: true });
    const seen = await underStrictCsp(page);
    await openForm(page, harness.server.url, { scenario: "linked", record: "found", controls: 3 });
    await waitForControlText(page, LINKED.Id);
    await waitForControlText(page, en("Record_Open", ACCOUNTS.contoso.name));
    const state = await waitForHost(page, "formNotifications");
    expect(state.formScript.state).toBe("returned");
    expect(state.controlErrors).toEqual([]);
    expect(state.formNotifications).toEqual([
      expect.objectContaining({ level: "INFO", message: expect.stringContaining(LINKED.Url) }),
    ]);
    expect(seen.violations).toEqual([]);
    expect(seen.console).toEqual([]);
    // The header really is there and the listener hears it: the page's own policy refuses an inline script.
    const inlineRuns = await page.evaluate(() => {
      const element = document.createElement("script");
      element.textContent = "window.__inlineRan = true";
      document.head.appendChild(element);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRuns).toBe(false);
    for (let waited = 0; seen.violations.length === 0 && waited < 5_000; waited += 50) await page.waitForTimeout(50);
    expect(seen.violations).toEqual([expect.objectContaining({ directive: expect.stringMatching(/^script-src/) })]);
  });

  it("Retry stays within the policy", async () => {
    const { page } = await harness.newPage({ ownContext: true });
    const seen = await underStrictCsp(page);
    await openForm(page, harness.server.url, { scenario: "serverError", controls: 1, script: false });
    await waitForControlText(page, en("Result_Failed"));
    await slot(page)
      .getByRole("button", { name: en("Result_Retry") })
      .click();
    await waitForControlText(page, en("Result_Failed"));
    expect(seen.violations).toEqual([]);
    expect(seen.console).toEqual([]);
  });
});
