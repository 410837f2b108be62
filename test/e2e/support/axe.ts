import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

const AXE_SOURCE = createRequire(__filename).resolve("axe-core/axe.min.js");

/** Runs axe-core (WCAG 2.0 A and AA rules) on the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const results = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    // The form-script frame is hidden and empty; axe would wait for it to answer.
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
      iframes: false,
      resultTypes: ["violations"],
    });
  });
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable list for a failing expectation: rule, impact and the first offending nodes. */
export function describeViolations(violations: Result[]): string[] {
  return violations.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} -> ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim() ?? ""})`)
        .join("; ")}`,
  );
}
