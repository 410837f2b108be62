import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

/** The flags measured to work for Debian's chromium here (no sandbox in containers, no background network). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The browser tests need a real Chromium: install Debian's (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A fresh browser context (own cookies and sessionStorage: a new tab of a new session), with every request that
 * leaves loopback aborted, so no test can reach the network.
 */
export async function newLoopbackContext(
  browser: Browser,
  options: { clipboard?: boolean; origin?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-US" });
  if (options.clipboard && options.origin)
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: options.origin });
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    return route.abort("blockedbyclient");
  });
  return context;
}
