/**
 * `finops-link check --html <file>` (docs/link-audit.md): the built program writes the report against the emulated
 * tenant; real Chromium opens it with scripts off and nothing reachable: it needs no request, groups environments by
 * F&O environment so the shared and mismatched ones stand out, and axe finds no WCAG 2 A/AA violation.
 */
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import type { AxeResults } from "axe-core";
import { DEFAULT_TENANT } from "../../demo/emulator/tenants";
import { openReport, writeReport } from "./linkAuditReport";
import { describeViolations } from "./support/axe";
import { launchChromium } from "./support/browser";
import { requireBuiltCli } from "../cli/support/cli";

jest.setTimeout(90_000);
requireBuiltCli();

let browser: Browser;
let html: string;
let code: number | null;
beforeAll(async () => {
  browser = await launchChromium();
  ({ html, code } = await writeReport([
    ...DEFAULT_TENANT,
    {
      name: "hostile",
      displayName: '<img src=x onerror="window.__pwned=1">\u001b[31m<script>window.__pwned=2</script>',
      link: "notLinked",
    },
  ]));
});
afterAll(() => browser?.close());

it("is self-contained: no script, no external resource, a CSP that allows only its own style; the run exits as documented", async () => {
  expect(code).toBe(2);
  expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|\s(src|srcset|action)=["']|url\(/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  const { page, requests } = await openReport(browser, html);
  expect(requests).toEqual([]);
  await page.context().close();
});

it("groups by F&O environment: the shared one and the mismatched ones stand out, with the findings and next steps", async () => {
  const { page } = await openReport(browser, html);
  const shared = page.locator("section.group", { hasText: "contoso-test.sandbox.operations.dynamics.com" });
  await expect(shared.getAttribute("class")).resolves.toBe("group flagged");
  await expect(shared.locator("h3").innerText()).resolves.toMatch(/shared by 2 Dataverse environments/);
  await expect(shared.locator("tbody th").allInnerTexts()).resolves.toEqual(["contoso-test", "contoso-test-copy"]);
  for (const name of ["northwind", "woodgrove", "fabrikam-prod"]) {
    const group = page.locator("section.group", { has: page.locator("tbody th", { hasText: name }) });
    await expect(group.getAttribute("class")).resolves.toBe("group flagged");
    await expect(group.locator("h3").innerText()).resolves.toMatch(/needs attention/);
  }
  const prod = page.locator("section.group", { has: page.locator("tbody th", { hasText: /^contoso-prod$/ }) });
  await expect(prod.getAttribute("class")).resolves.toBe("group");
  const findings = await page.locator("ul.findings li").allInnerTexts();
  expect(findings.map((f) => /^\w+ (\w+):/.exec(f)?.[1])).toEqual([
    "sharedFinOpsEnvironment",
    "tenantMismatch",
    "capacityShort",
    "setupFailed",
    "adminCenterMismatch",
    "pairingMismatch",
    "setupIncomplete",
    "cloudHostedNotLinked",
    "capacityOver",
    "finOpsStorageOver",
    "disabled",
    "adminMode",
    "setupInProgress",
    "busy",
    "notReady",
    "noDataverse",
    "unified",
  ]);
  expect(findings[0]).toMatch(/Next: The link is one to one/);
  const headings = await page.locator("h2").allInnerTexts();
  expect(headings).toEqual([
    "Findings",
    "By F&O environment",
    "Readiness",
    "Not linked",
    "Not checked",
    "Could not be checked",
  ]);
  await page.context().close();
});

it("a hostile display name is text: no element, no script, no escape", async () => {
  const { page } = await openReport(browser, html, true);
  await expect(page.locator("img").count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  const row = await page.locator("tbody th", { hasText: "<img src=x" }).innerText();
  expect(row).toBe('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  await page.context().close();
});

it("axe: no WCAG 2 A or AA violation", async () => {
  const { page } = await openReport(browser, html, true, true);
  await page.addScriptTag({ path: createRequire(__filename).resolve("axe-core/axe.min.js") });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    }),
  );
  expect(describeViolations(results.violations)).toEqual([]);
  await page.context().close();
});
