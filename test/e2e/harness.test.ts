/**
 * The BUILT control (out/controls/LinkedEnvironment, what `npm run build:control` writes and the zip ships) inside
 * Microsoft's own PCF harness page, pcf-start's index.html and harness.js, in real Chromium. That page runs
 * Microsoft's runtime code for the context: it gates webAPI and utils on the manifest's <uses-feature>, and its
 * webAPI.execute is not wired (a script error). So the control must declare its features and take that failure for
 * "this host cannot execute", sending the same request through same-origin fetch; the answer is routed here.
 */
import type { Browser } from "playwright-core";
import { getString } from "../../scripts/stringSets";
import { errorBody, FO_URL, FORBIDDEN, linkedBody, NOT_LINKED } from "../fixtures/dataverse";
import { launchChromium } from "./support/browser";
import { ROOT } from "./support/demo";
import {
  HARNESS_CONTROL,
  routePcfStartPage,
  startPcfStart,
  type FunctionAnswer,
  type PcfStartServer,
} from "./support/pcfStart";

jest.setTimeout(90_000);

let browser: Browser;
let server: PcfStartServer;

beforeAll(async () => {
  server = await startPcfStart(ROOT);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LINKED_HOST = new URL(FO_URL).host;

const CASES: Array<[string, FunctionAnswer, string]> = [
  ["linked", { status: 200, body: linkedBody() }, LINKED_HOST],
  ["not linked", { status: NOT_LINKED.status, body: errorBody(NOT_LINKED) }, getString(1033, "Result_NotLinked")],
  ["no permission", { status: FORBIDDEN.status, body: errorBody(FORBIDDEN) }, getString(1033, "Result_Forbidden")],
];

test.each(CASES)(
  "%s: the harness shows it in English, after one request, with no page error",
  async (_label, answer, words) => {
    // A new context per case: its own sessionStorage, so no answer is cached from the case before.
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 800 } });
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const calls = await routePcfStartPage(page, ROOT, answer);
      await page.goto(server.url);
      const control = page.locator(HARNESS_CONTROL);
      // The control's root says aria-busy="false" once it shows an answer, whichever.
      await control.locator('[aria-busy="false"]').first().waitFor({ timeout: 30_000 });
      // Long enough for a second request or a late error to show up, were there one.
      await page.waitForTimeout(500);

      const text = (await control.textContent()) ?? "";
      expect(text).toContain(words);
      expect(text).not.toMatch(/Feature '|uses-feature|not a function|Couldn't check|No details were given/);
      expect(calls).toEqual(["GET /api/data/v9.2/RetrieveFinanceAndOperationsIntegrationDetails"]);
      expect(pageErrors).toEqual([]);
      if (answer.status === 200) {
        const link = control.getByRole("link", { name: new RegExp(LINKED_HOST.replace(/\./g, "\\.")) });
        expect(await link.getAttribute("href")).toMatch(new RegExp(`^${FO_URL.replace(/\./g, "\\.")}/`));
      }
    } finally {
      await context.close();
    }
  },
);
