import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { getString } from "../../scripts/stringSets";
import { ACCOUNTS, LINKED, linkedBody } from "../fixtures/dataverse";
import { REPORT_SHOT, takeReportScreenshot } from "./linkAuditReport";
import { launchChromium } from "./support/browser";
import { openForm, ROOT, startHarness, waitForControlText, type FormQuery } from "./support/demo";
import { HARNESS_CONTROL, routePcfStartPage, startPcfStart } from "./support/pcfStart";

type Key = Parameters<typeof getString>[1];

/** The gallery: one picture per state the control can be in, plus the whole form, dark and right-to-left. */
export const SHOTS: Array<{
  file: string;
  caption: string;
  query: FormQuery;
  shows: Key | "id";
  /** The words to wait for, when `shows` has placeholders. */
  text?: string;
  area: "controls" | "page";
}> = [
  {
    file: "linked.png",
    caption: "Linked (card layout)",
    query: { scenario: "linked", controls: 1 },
    shows: "id",
    area: "controls",
  },
  {
    file: "layouts.png",
    caption: "Linked: card, compact and link-only layouts",
    query: { scenario: "linked", controls: 3 },
    shows: "id",
    area: "controls",
  },
  {
    file: "form.png",
    caption: "The demo form: three controls and the form script's notification",
    query: { scenario: "linked", controls: 3 },
    shows: "id",
    area: "page",
  },
  {
    file: "loading.png",
    caption: "Loading",
    query: { scenario: "slow", delay: 30_000, script: false },
    shows: "Result_Loading",
    area: "controls",
  },
  {
    file: "not-linked.png",
    caption: "Not linked",
    query: { scenario: "notLinked" },
    shows: "Result_NotLinked",
    area: "controls",
  },
  {
    file: "forbidden.png",
    caption: "No permission",
    query: { scenario: "forbidden" },
    shows: "Result_Forbidden",
    area: "controls",
  },
  {
    file: "unauthorized.png",
    caption: "Signed out",
    query: { scenario: "unauthorized" },
    shows: "Result_Unauthorized",
    area: "controls",
  },
  {
    file: "failed.png",
    caption: "Server error, with Retry",
    query: { scenario: "serverError" },
    shows: "Result_Failed",
    area: "controls",
  },
  {
    file: "offline.png",
    caption: "Offline",
    query: { scenario: "network" },
    shows: "Result_Offline",
    area: "controls",
  },
  {
    file: "invalid.png",
    caption: "Invalid answer (a javascript: URL is never a link)",
    query: { scenario: "javascriptUrl" },
    shows: "Result_Invalid",
    area: "controls",
  },
  {
    file: "linked-dark.png",
    caption: "Linked, dark theme",
    query: { scenario: "linked", theme: "dark" },
    shows: "id",
    area: "controls",
  },
  {
    file: "record-found.png",
    caption: "Record link: the dual-write account's customer in finance and operations (recordLink=matchRow)",
    query: { scenario: "linked", record: "found", controls: 1 },
    shows: "Record_Open",
    text: getString(1033, "Record_Open", ACCOUNTS.contoso.name),
    area: "controls",
  },
  {
    file: "record-no-match.png",
    caption: "Record link: no matching row, with the company link",
    query: { scenario: "linked", record: "noMatch", controls: 1 },
    shows: "Record_NoMatch",
    area: "controls",
  },
  {
    file: "record-not-enabled.png",
    caption: "Record link: the virtual table is not enabled",
    query: { scenario: "linked", record: "notEnabled", controls: 1 },
    shows: "Record_EnableHelp",
    area: "controls",
  },
  {
    file: "linked-ar.png",
    caption: "Linked, Arabic (right to left)",
    query: { scenario: "linked", lang: 1025 },
    shows: "id",
    area: "controls",
  },
];

/** Takes every shot of the gallery into `outDir` with the built solution; returns the files written. */
export async function takeScreenshots(outDir: string, only?: ReadonlyArray<string>): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const harness = await startHarness();
  const written: string[] = [];
  try {
    for (const shot of SHOTS.filter((s) => !only || only.includes(s.file))) {
      const { page } = await harness.newPage();
      await page.setViewportSize({ width: 900, height: 700 });
      await openForm(page, harness.server.url, { controls: 1, ...shot.query, formOptions: { notify: "always" } });
      await waitForControlText(
        page,
        shot.text ?? (shot.shows === "id" ? LINKED.Id : getString(shot.query.lang ?? 1033, shot.shows)),
      );
      const file = join(outDir, shot.file);
      const options = { path: file, animations: "disabled", caret: "hide" } as const;
      if (shot.area === "page") await page.screenshot({ ...options, fullPage: true });
      else await page.locator("#controls").screenshot(options);
      written.push(file);
    }
  } finally {
    await harness.close();
  }
  return written;
}

/** The picture of Microsoft's PCF harness (pcf-start's page) running the built control, linked. */
export const HARNESS_SHOT = "harness.png";

/** Takes HARNESS_SHOT into `outDir`: pcf-start's own page with out/controls/LinkedEnvironment, the answer routed. */
export async function takeHarnessScreenshot(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const server = await startPcfStart(ROOT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 720 } });
    await routePcfStartPage(page, ROOT, { status: 200, body: linkedBody() });
    await page.goto(server.url);
    await page.locator(HARNESS_CONTROL).getByText(LINKED.Id).first().waitFor({ timeout: 30_000 });
    const file = join(outDir, HARNESS_SHOT);
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
    return file;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every file `npm run screenshots` writes into docs/images: the gallery, the harness and the link audit's report. */
export const SCREENSHOT_FILES: string[] = [...SHOTS.map((shot) => shot.file), HARNESS_SHOT, REPORT_SHOT];

/**
 * `npm run screenshots`: refreshes docs/images/ from the built solution (run `npm run build` first): the gallery,
 * Microsoft's harness, and the link audit's HTML report from the built command line (test/e2e/linkAuditReport.ts).
 */
if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: "string", default: join(ROOT, "docs", "images") } } });
  takeScreenshots(values.out)
    .then(async (files) => [...files, await takeHarnessScreenshot(values.out), await takeReportScreenshot(values.out)])
    .then((files) => files.forEach((f) => console.log(`wrote ${relative(process.cwd(), f)}`)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
