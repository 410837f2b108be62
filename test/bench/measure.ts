import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import type { DemoHostApi } from "../../demo/host/hostApi";
import type { ShippedSolution } from "../../demo/package/readSolution";
import { formUrl, waitForControlText, type DemoHarness, type FormQuery } from "../e2e/support/demo";
import { ACCOUNTS, LINKED } from "../fixtures/dataverse";
import { getString } from "../../scripts/stringSets";

export interface Size {
  name: string;
  raw: number;
  gzip9: number;
}

/** Bytes of what the solution ships: the control's code file and the form script web resource. */
export function shippedSizes(solution: ShippedSolution): Size[] {
  const sizes: Size[] = [];
  for (const control of solution.controls) {
    const code = control.files.get(control.manifest.codePath);
    if (code)
      sizes.push({
        name: `${control.folder}/${control.manifest.codePath}`,
        raw: code.length,
        gzip9: gzipSync(code, { level: 9 }).length,
      });
  }
  for (const resource of solution.webResources) {
    sizes.push({
      name: `${resource.name} (${resource.fileName.replace(/^\//, "")})`,
      raw: resource.content.length,
      gzip9: gzipSync(resource.content, { level: 9 }).length,
    });
  }
  return sizes;
}

export interface LanguageDownload {
  lcid: number;
  /** The script's gzip -9 bytes plus its RESX web resource in that language, gzip -9. */
  script: number;
  resx: number;
}

/**
 * What one user in one language downloads for a script: the script and the one RESX dependency in their language
 * (getResourceString serves only that one; the platform sends it as JSON, about the same size as the RESX values).
 */
export function downloadsPerLanguage(solution: ShippedSolution, scriptName: string): LanguageDownload[] {
  const script = solution.webResources.find((resource) => resource.name === scriptName);
  if (!script) throw new Error(`${scriptName} is not in the solution`);
  const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
  return script.dependencies
    .map((name) => solution.webResources.find((resource) => resource.name === name))
    .filter((resource) => resource !== undefined)
    .map((resource) => ({ lcid: resource.languageCode, script: gzip(script.content), resx: gzip(resource.content) }));
}

/** Wall time of `npm run build`, in ms (throws when the build fails: a benchmark of a broken build means nothing). */
export function timeBuild(root: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** API requests one fresh tab makes for a form with `controls` controls (and the form script when `script`). */
export async function requestsPerPage(harness: DemoHarness, controls: number, script: boolean): Promise<number> {
  harness.server.log.reset();
  const { page } = await harness.newPage();
  await page.goto(formUrl(harness.server.url, { scenario: "linked", controls, script }));
  for (let n = 1; n <= controls; n++) await waitForControlText(page, new URL(LINKED.Url).host, n);
  if (script)
    await page.waitForFunction(
      () => (window as unknown as { __finopsDemo: DemoHostApi }).__finopsDemo.formNotifications.length > 0,
    );
  await page.waitForTimeout(300);
  return harness.server.log.stats().count;
}

/** One load of the demo's account form with the record link on (recordLink=matchRow, the control alone). */
export interface RecordLinkLoad {
  /** API requests the fresh tab made: the link check's and the record's reads. */
  requests: number;
  /** ms from navigation start to the record link in the DOM (the page's clock, to the animation frame), when shown. */
  shownAt?: number;
}

/**
 * Loads the account form in a fresh tab with the link check answering `scenario`; waits for the record link (linked)
 * or the not-linked words, then 300 ms for stragglers, and counts the API requests.
 */
export async function recordLinkLoad(harness: DemoHarness, scenario: "linked" | "notLinked"): Promise<RecordLinkLoad> {
  harness.server.log.reset();
  const { page } = await harness.newPage();
  await page.goto(formUrl(harness.server.url, { scenario, record: "found", controls: 1, script: false }));
  let shownAt: number | undefined;
  if (scenario === "linked") {
    const handle = await page.waitForFunction(
      (text) =>
        document.querySelector('[data-control-slot="control-1"]')?.textContent?.includes(text)
          ? performance.now()
          : undefined,
      getString(1033, "Record_Open", ACCOUNTS.contoso.name),
      { polling: "raf" },
    );
    shownAt = (await handle.jsonValue()) as number;
  } else {
    await waitForControlText(page, getString(1033, "Result_NotLinked"));
  }
  await page.waitForTimeout(300);
  return { requests: harness.server.log.stats().count, shownAt };
}

/**
 * ms from the end of the API response (resource timing) to the frame that paints the environment id (the host's
 * MutationObserver + requestAnimationFrame), both in the page's clock. One fresh tab per load, so each one asks.
 */
export interface PaintSample {
  /** responseEnd -> the frame that painted the id. */
  painted: number;
  /** responseEnd -> the id in the DOM (React committed). */
  inDom: number;
}

export async function responseToPaint(harness: DemoHarness, query: FormQuery): Promise<PaintSample> {
  const { page } = await harness.newPage();
  await page.goto(formUrl(harness.server.url, { scenario: "linked", ...query }));
  await waitForControlText(page, LINKED.Id);
  return measureFrom(page);
}

async function measureFrom(page: Page): Promise<PaintSample> {
  const handle = await page.waitForFunction(() => {
    const api = (window as unknown as { __finopsDemo: DemoHostApi }).__finopsDemo;
    const entry = performance
      .getEntriesByType("resource")
      .find((e) => e.name.includes("RetrieveFinanceAndOperationsIntegrationDetails")) as
      PerformanceResourceTiming | undefined;
    if (api.paintedAt === undefined || api.valuesInDomAt === undefined || !entry) return undefined;
    return { painted: api.paintedAt - entry.responseEnd, inDom: api.valuesInDomAt - entry.responseEnd };
  });
  return (await handle.jsonValue()) as PaintSample;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
