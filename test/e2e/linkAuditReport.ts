import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { EnvironmentSpec } from "../../demo/emulator/environments";
import { DEFAULT_TENANT } from "../../demo/emulator/tenants";
import { EMULATOR_TOKEN, OVER_CAPACITY, startCliEmulator } from "../../demo/server/cli";
import { CHROMIUM_FLAGS, chromiumPath } from "./support/browser";

const ROOT = join(__dirname, "../..");

/** The picture docs/link-audit.md shows. */
export const REPORT_SHOT = "link-audit.png";

/**
 * Runs the built `finops-link check --all --html` (a child process) against the emulated tenant and returns the
 * report's HTML and the run's exit code. `environments` defaults to the default tenant, over its capacity, with
 * `--parts`: every finding once.
 */
export async function writeReport(
  environments: ReadonlyArray<EnvironmentSpec> = DEFAULT_TENANT,
): Promise<{ html: string; code: number | null }> {
  const emulator = await startCliEmulator({ environments, pageSize: 5, tenantCapacity: OVER_CAPACITY });
  const dir = mkdtempSync(join(tmpdir(), "finops-report-"));
  try {
    const file = join(dir, "report.html");
    const args = [
      ...["check", "--all", "--parts", "--admin-api", emulator.adminApi],
      ...["--power-platform-api", emulator.powerPlatformApi, "--access-token", EMULATOR_TOKEN, "--html", file],
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, "cli", "bin.mjs"), ...args], { cwd: ROOT, stdio: "ignore" });
      child.on("error", reject);
      child.on("close", resolve);
    });
    return { html: readFileSync(file, "utf8"), code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}

/**
 * Opens a report the way a colleague does: scripts off, and every request the page makes recorded (a self-contained
 * report makes none). Returns the page and the requests seen.
 */
export async function openReport(
  browser: Browser,
  html: string,
  javaScript = false,
  /** Only to inject axe: the report's own CSP forbids every script, axe's included. */
  bypassCSP = false,
): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    bypassCSP,
    viewport: { width: 1100, height: 900 },
  });
  const requests: string[] = [];
  await context.route(/.*/, (route) => {
    requests.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests };
}

/** The report's screenshot for the docs (`npm run screenshots`, after `npm run build:cli`). */
export async function takeReportScreenshot(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const { html } = await writeReport();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const { page } = await openReport(browser, html);
    const file = join(outDir, REPORT_SHOT);
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    return file;
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  takeReportScreenshot(join(ROOT, "docs", "images"))
    .then((file) => console.log(`wrote ${relative(process.cwd(), file)}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
