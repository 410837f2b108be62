import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { unmanagedZipPath } from "../../../demo/build/ensureBuilt";
import type { ControlWebApi } from "../../../demo/host/config";
import type { DemoHostApi } from "../../../demo/host/hostApi";
import { startDemoServer, type DemoServer } from "../../../demo/server/server";
import type { LoggedRequest } from "../../../demo/emulator/requestLog";
import { launchChromium, newLoopbackContext } from "./browser";

export const ROOT = resolve(__dirname, "../../..");

/** One server (the emulator + host page, on a free loopback port) and one browser for a whole test file. */
export interface DemoHarness {
  server: DemoServer;
  browser: Browser;
  /**
   * A new tab (fresh sessionStorage, which is per tab) in the file's one browser context: the platform libraries
   * stay in its HTTP and code caches. The scenario cookie is set by every page load, and tests in a file run in turn.
   * `ownContext`: the tab gets a browser context of its own, closed with it. Tests that fake the page's clock need
   * one: Playwright installs a clock in the whole context, and a paused clock would stall every later test's timers.
   */
  newPage(options?: { ownContext?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Uncaught errors of every page so far: tests assert there are none. */
  pageErrors: string[];
  /** Resets the emulator's request count. */
  resetRequests(): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

/**
 * The file's harness, with its hooks registered: started before the file's tests, closed after them, and no uncaught
 * page error allowed after any test. The returned object forwards to the harness once it has started.
 */
export function useHarness(): DemoHarness {
  let current: DemoHarness | undefined;
  beforeAll(async () => {
    current = await startHarness();
  });
  afterAll(() => current?.close());
  afterEach(() => expect(current?.pageErrors.splice(0) ?? []).toEqual([]));
  return new Proxy({} as DemoHarness, {
    get(_target, key) {
      if (current === undefined) throw new Error("the demo harness is used before beforeAll started it");
      return Reflect.get(current, key);
    },
  });
}

export async function startHarness(): Promise<DemoHarness> {
  const zipPath = unmanagedZipPath(ROOT);
  if (!existsSync(zipPath))
    throw new Error(`${zipPath} is missing: the browser tests run the built solution; run npm run build first.`);
  const browser = await launchChromium();
  const server = await startDemoServer({ port: 0, root: ROOT, zipPath });
  const loopbackContext = () => newLoopbackContext(browser, { clipboard: true, origin: server.url.replace(/\/$/, "") });
  const context = await loopbackContext();
  forbidClock(context);
  const pageErrors: string[] = [];
  let previous: Page | undefined;
  let ownContext: BrowserContext | undefined;
  return {
    server,
    pageErrors,
    browser,
    async newPage(options = {}) {
      await previous?.close();
      await ownContext?.close();
      ownContext = options.ownContext ? await loopbackContext() : undefined;
      const pageContext = ownContext ?? context;
      const page = await pageContext.newPage();
      previous = page;
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return { context: pageContext, page };
    },
    async resetRequests() {
      server.log.reset();
    },
    async requests() {
      return server.log.stats().requests;
    },
    async close() {
      await ownContext?.close().catch(() => undefined);
      await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Playwright's clock belongs to the whole browser context (page.clock is the context's): faked in the shared one, it
 * would stall the timers of every later test in the file. There, each clock call fails at once and says what to use.
 */
function forbidClock(context: BrowserContext): void {
  const methods = ["install", "pauseAt", "runFor", "fastForward", "setFixedTime", "setSystemTime", "resume"] as const;
  for (const method of methods) {
    context.clock[method] = () =>
      Promise.reject(
        new Error(
          `page.clock.${method} in the shared browser context would fake every later test's clock: use newPage({ ownContext: true })`,
        ),
      );
  }
}

export interface FormQuery {
  scenario?: string;
  /** The record link's demo case (demo/emulator/recordCases.ts). */
  record?: string;
  lang?: number;
  theme?: "light" | "dark";
  controls?: number;
  script?: boolean;
  offline?: boolean;
  delay?: number;
  order?: "together" | "scriptFirst";
  formOptions?: object;
  props?: Record<string, string>;
  /** What the control's context offers as webAPI.execute (demo/host/config.ts); the host's default is "execute". */
  webapi?: ControlWebApi;
  /** "none": the control's host loads no resx, so context.resources.getString answers each key with itself. */
  resx?: "none";
}

export function formUrl(base: string, query: FormQuery = {}): string {
  const url = new URL(base);
  const set = (name: string, value: string | number | undefined) =>
    value !== undefined && url.searchParams.set(name, String(value));
  set("scenario", query.scenario);
  set("record", query.record);
  set("lang", query.lang);
  set("theme", query.theme);
  set("controls", query.controls ?? 1);
  set("script", query.script === false ? "0" : "1");
  if (query.offline) set("offline", "1");
  set("delay", query.delay);
  set("order", query.order);
  set("webapi", query.webapi);
  set("resx", query.resx);
  if (query.formOptions) set("formOptions", JSON.stringify(query.formOptions));
  for (const [name, value] of Object.entries(query.props ?? {})) set(`prop.${name}`, value);
  return url.toString();
}

/** Opens the form and waits until the form script's onLoad has returned (when the form has one). */
export async function openForm(page: Page, base: string, query: FormQuery = {}): Promise<void> {
  await page.goto(formUrl(base, query));
  if (query.script !== false) {
    await page.waitForFunction(
      () => (window as unknown as { __finopsDemo?: DemoHostApi }).__finopsDemo?.formScript.state !== "pending",
    );
  }
}

/** The host's state, as plain data. */
export function hostState(
  page: Page,
): Promise<
  Pick<
    DemoHostApi,
    "formNotifications" | "globalNotifications" | "openedUrls" | "controlErrors" | "formScript" | "paintedAt"
  >
> {
  return page.evaluate(() => {
    const api = (window as unknown as { __finopsDemo: DemoHostApi }).__finopsDemo;
    return JSON.parse(
      JSON.stringify({
        formNotifications: api.formNotifications,
        globalNotifications: api.globalNotifications,
        openedUrls: api.openedUrls,
        controlErrors: api.controlErrors,
        formScript: api.formScript,
        paintedAt: api.paintedAt,
      }),
    );
  });
}

/** The host's lists that the form script and the control fill as their answers arrive. */
type HostList = "formNotifications" | "globalNotifications" | "openedUrls" | "events";

/**
 * Waits until the host's `list` holds at least `count` entries, then gives the host's state. The control and the
 * form script (its own frame) each ask Dataverse and answer in their own time: a test that has seen the control paint
 * must still wait for the form script's notification before reading it.
 */
export async function waitForHost(
  page: Page,
  list: HostList,
  count = 1,
  timeout = 15_000,
): Promise<Awaited<ReturnType<typeof hostState>>> {
  await page.waitForFunction(
    ([name, n]) => (window as unknown as { __finopsDemo: DemoHostApi }).__finopsDemo[name].length >= n,
    [list, count] as const,
    { timeout },
  );
  return hostState(page);
}

/** Waits for the form script's first alert dialog (Xrm.Navigation.openAlertDialog); the texts of all shown so far. */
export async function alertsShown(page: Page, timeout = 15_000): Promise<string[]> {
  const handle = await page.waitForFunction(
    () => {
      const texts = (window as unknown as { __finopsDemo: DemoHostApi }).__finopsDemo.events
        .filter((e) => e.kind === "Xrm.Navigation.openAlertDialog")
        .map((e) => e.text);
      return texts.length > 0 ? texts : undefined;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as string[];
}

export function slot(page: Page, n = 1) {
  return page.locator(`[data-control-slot="control-${n}"]`);
}

/** Waits until control `n` shows `text` (visible or for screen readers: the control's text content). */
export async function waitForControlText(page: Page, text: string, n = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
    [`[data-control-slot="control-${n}"]`, text] as const,
    { timeout },
  );
}
