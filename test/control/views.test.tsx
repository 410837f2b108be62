import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ENABLE_INTEGRATION_ARTICLE_URL, type IntegrationResult } from "../../core";
import { LANGUAGES } from "../../core/strings";
import { DETAILS, RESULTS } from "./fixtures";
import { ENVIRONMENT_ID, FO_URL, SERVER_ERROR, TENANT } from "../fixtures/dataverse";
import { deferred, flush, renderView } from "./renderView";

expect.extend(toHaveNoViolations);

const HOST = new URL(FO_URL).host;
/** Text queries look at what is on screen; the live region repeats the state's words for screen readers. */
const SHOWN = { ignore: "script, style, [aria-live]" };

function liveRegion(container: HTMLElement): HTMLElement {
  const region = container.querySelector<HTMLElement>('[aria-live="polite"][aria-atomic="true"]');
  if (!region) throw new Error("no live region");
  return region;
}

describe("loading", () => {
  it("shows a spinner with words, marks the region busy and announces it", async () => {
    const { container } = await renderView("pending");
    expect(screen.getByText("Checking the finance and operations link…", SHOWN)).toBeTruthy();
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(liveRegion(container).textContent).toBe("Checking the finance and operations link…");
  });

  it("offers Retry once the request has run for 10 s, and a Retry restarts that clock", async () => {
    jest.useFakeTimers();
    try {
      const rendering = renderView("pending");
      await jest.advanceTimersByTimeAsync(0); // renderView's flush
      const { loads } = await rendering;
      act(() => void jest.advanceTimersByTime(9_999));
      expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
      act(() => void jest.advanceTimersByTime(1));
      expect(screen.getByText("This is taking longer than usual. You can try again.")).toBeTruthy();
      expect(screen.getByText("Checking the finance and operations link…", SHOWN)).toBeTruthy();
      fireEvent.click(screen.getByRole("button", { name: "Retry" }));
      expect(loads).toEqual([false, true]);
      expect(screen.queryByRole("button", { name: "Retry" })).toBeNull(); // a new request: its own 10 s
      act(() => void jest.advanceTimersByTime(10_000));
      expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("linked", () => {
  it("shows the host as a link opening in a new tab, and both ids with copy buttons (card, defaults)", async () => {
    const { container } = await renderView(RESULTS.linked);
    const link = screen.getByRole("link", { name: (name) => name.includes(HOST) });
    expect(link.getAttribute("href")).toBe(FO_URL);
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(link.textContent).toContain("(opens in a new tab)");
    expect(screen.getByText(TENANT)).toBeTruthy();
    expect(screen.getByText(ENVIRONMENT_ID)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy Tenant ID" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy Environment ID" })).toBeTruthy();
    expect(screen.getByText("Finance and operations")).toBeTruthy(); // the card heading
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(liveRegion(container).textContent).toBe(`Linked finance and operations environment ${HOST}`);
  });

  it("builds a URL-encoded deep link from legal entity and menu item", async () => {
    await renderView(RESULTS.linked, { properties: { legalEntity: "US&MF", menuItem: "CustTableListPage" } });
    expect(screen.getByRole("link").getAttribute("href")).toBe(`${FO_URL}/?cmp=US%26MF&mi=CustTableListPage`);
  });

  it("shows the plain environment link and says why when the deep link would pass 2,048 characters", async () => {
    const { container } = await renderView(RESULTS.linked, {
      properties: { legalEntity: "USMF", menuItem: "M".repeat(2100) },
    });
    expect(screen.getByRole("link", { name: new RegExp(HOST) }).getAttribute("href")).toBe(FO_URL);
    expect(
      screen.getByText(
        "The link to the chosen company or page was too long, so it opens the environment's start page.",
      ),
    ).toBeTruthy();
    expect(container.textContent).not.toContain("MMMM");
  });

  it("says nothing about length when the deep link fits", async () => {
    await renderView(RESULTS.linked, { properties: { menuItem: "M".repeat(1900) } });
    expect(screen.getByRole("link").getAttribute("href")).toBe(`${FO_URL}/?mi=${"M".repeat(1900)}`);
    expect(screen.queryByText(/too long/)).toBeNull();
  });

  it("uses only the parts that are set", async () => {
    await renderView(RESULTS.linked, { properties: { legalEntity: " usmf " } });
    expect(screen.getByRole("link").getAttribute("href")).toBe(`${FO_URL}/?cmp=usmf`);
  });

  it("opens in the same tab when the maker says so", async () => {
    await renderView(RESULTS.linked, { properties: { openIn: "sameTab" } });
    const link = screen.getByRole("link");
    expect(link.hasAttribute("target")).toBe(false);
    expect(link.textContent).not.toContain("(opens in a new tab)");
  });

  it("hides the tenant id and the environment id when switched off", async () => {
    await renderView(RESULTS.linked, { properties: { showTenantId: "no" } });
    expect(screen.queryByText(TENANT)).toBeNull();
    expect(screen.getByText(ENVIRONMENT_ID)).toBeTruthy();
  });

  it("shows no ids list at all when both are off", async () => {
    const { container } = await renderView(RESULTS.linked, {
      properties: { showTenantId: "no", showEnvironmentId: "no" },
    });
    expect(container.querySelector("dl")).toBeNull();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("replaces the card heading with the label", async () => {
    await renderView(RESULTS.linked, { properties: { label: "Our ERP" } });
    expect(screen.getByText("Our ERP")).toBeTruthy();
    expect(screen.queryByText("Finance and operations")).toBeNull();
  });

  it("compact: no heading unless a label is set, ids still shown", async () => {
    const plain = await renderView(RESULTS.linked, { properties: { layout: "compact" } });
    expect(screen.queryByText("Finance and operations")).toBeNull();
    expect(screen.getByText(TENANT)).toBeTruthy();
    plain.unmount();
    await renderView(RESULTS.linked, { properties: { layout: "compact", label: "ERP" } });
    expect(screen.getByText("ERP")).toBeTruthy();
  });

  it("link only: just the link, with the label as its text", async () => {
    const { container } = await renderView(RESULTS.linked, { properties: { layout: "linkOnly", label: "Open ERP" } });
    expect(screen.getByRole("link", { name: /Open ERP/ }).getAttribute("href")).toBe(FO_URL);
    expect(screen.queryByText(TENANT)).toBeNull();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(container.textContent).not.toContain("Finance and operations");
  });

  it("never turns a non-https URL into a link", async () => {
    const unsafe: IntegrationResult = {
      kind: "linked",
      details: { ...DETAILS, url: "javascript:alert(1)" },
      fromCache: false,
    };
    const { container } = await renderView(unsafe);
    expect(container.querySelector("a")).toBeNull();
    expect(container.innerHTML).not.toContain('href="javascript');
  });
});

describe("states that are not a link", () => {
  it("not linked: plain words and Microsoft's article in a new tab", async () => {
    await renderView(RESULTS.notLinked);
    expect(screen.getByText("This environment isn't linked to finance and operations apps.")).toBeTruthy();
    const help = screen.getByRole("link", { name: /How to enable the Power Platform integration/ });
    expect(help.getAttribute("href")).toBe(ENABLE_INTEGRATION_ARTICLE_URL);
    expect(help.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("not linked: Retry asks again past the cache and shows the link once an admin has linked the environment", async () => {
    const second = deferred<IntegrationResult>();
    const { loads } = await renderView([RESULTS.notLinked, second]);
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(loads).toEqual([false, true]);
    second.resolve(RESULTS.linked);
    await flush();
    expect(screen.getByRole("link", { name: new RegExp(HOST) }).getAttribute("href")).toBe(FO_URL);
  });

  it.each([
    ["unauthorized", RESULTS.unauthorized, "Your sign-in has expired."],
    ["forbidden", RESULTS.forbidden, "You don't have permission to see the finance and operations link."],
  ] as const)("%s: says so, with nothing to click", async (_kind, result, title) => {
    const { container } = await renderView(result);
    expect(screen.getByText(title)).toBeTruthy();
    expect(container.querySelector("a, button")).toBeNull();
    expect(container.textContent).toContain(result.code);
  });

  it("offline without a last known value: says so and offers Retry", async () => {
    const { container } = await renderView(RESULTS.offline);
    expect(screen.getByText("You're offline.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
    expect(container.querySelector("a")).toBeNull();
  });

  it("offline with a last known value: shows it as last known", async () => {
    await renderView(RESULTS.offlineLastKnown);
    expect(screen.getByText("You're offline.")).toBeTruthy();
    expect(screen.getByText("Last known environment")).toBeTruthy();
    expect(screen.getByRole("link", { name: new RegExp(HOST) }).getAttribute("href")).toBe(FO_URL);
    expect(screen.getByText(TENANT)).toBeTruthy();
  });

  it("invalid: what was wrong, and no link", async () => {
    const { container } = await renderView(RESULTS.invalid);
    expect(screen.getByText("Dataverse returned integration details that can't be used.")).toBeTruthy();
    expect(screen.getByText("Unexpected value in the Url field.")).toBeTruthy();
    expect(container.querySelector("a")).toBeNull();
  });

  it("failed: hex code, message and a Retry that asks again past the cache", async () => {
    const second = deferred<IntegrationResult>();
    const { container, loads } = await renderView([RESULTS.failed, second]);
    expect(screen.getByText("Couldn't check the finance and operations link.")).toBeTruthy();
    expect(container.textContent).toContain(SERVER_ERROR.code);
    expect(container.textContent).toContain("An unexpected error occurred.");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(loads).toEqual([false, true]);
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    second.resolve(RESULTS.linked);
    await flush();
    expect(screen.getByRole("link", { name: new RegExp(HOST) })).toBeTruthy();
    expect(liveRegion(container).textContent).toContain(HOST);
  });

  it("column security: says the column can't be read instead of showing data", async () => {
    const { container } = await renderView(RESULTS.linked, {
      security: { readable: false, editable: false, secured: true },
    });
    expect(screen.getByText(/You don't have permission to view this column/, SHOWN)).toBeTruthy();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).not.toContain(TENANT);
  });

  it("renders nothing when the platform hides the control", async () => {
    const { container } = await renderView(RESULTS.linked, { visible: false });
    expect(container.innerHTML).toBe("");
  });

  it("disabled form: links stay usable, and copy and Retry stay available (they change nothing on the record)", async () => {
    await renderView(RESULTS.linked, { disabled: true });
    expect(screen.getByRole("link")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy Tenant ID" }).hasAttribute("disabled")).toBe(false);
  });
});

describe("theme, direction, instances", () => {
  /** Griffel inserts rules through the CSSOM, so read the sheets, not the style elements' text. */
  function styleText(): string {
    return Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join("\n");
  }

  it("uses the platform's token theme when there is one (dark mode), light otherwise", async () => {
    const dark = await renderView(RESULTS.linked, { dark: true });
    expect(styleText()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    dark.unmount();
    document.head.innerHTML = "";
    await renderView(RESULTS.linked);
    expect(styleText()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
    expect(styleText()).not.toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });

  it("mirrors for Arabic (1025) and speaks Arabic", async () => {
    const { container } = await renderView(RESULTS.failed, { lcid: 1025 });
    expect(container.querySelector('[dir="rtl"]')).not.toBeNull();
    expect(screen.getByRole("button", { name: "إعادة المحاولة" })).toBeTruthy();
  });

  it("stays left-to-right for German", async () => {
    const { container } = await renderView(RESULTS.linked, { lcid: 1031 });
    expect(container.querySelector('[dir="rtl"]')).toBeNull();
    expect(screen.getByRole("button", { name: "Mandanten-ID kopieren" })).toBeTruthy();
  });

  it("two instances on one page never share an element id", async () => {
    await renderView(RESULTS.linked);
    await renderView(RESULTS.linked);
    const ids = Array.from(document.querySelectorAll("[id]")).map((element) => element.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(screen.getAllByRole("link")).toHaveLength(2);
  });
});

describe("keyboard and copy", () => {
  it("reaches the link, then each copy button, in reading order", async () => {
    const user = userEvent.setup();
    await renderView(RESULTS.linked);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("link"));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Copy Tenant ID" }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Copy Environment ID" }));
  });

  it("copies with the Clipboard API and shows a visible confirmation", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    try {
      await renderView(RESULTS.linked);
      fireEvent.click(screen.getByRole("button", { name: "Copy Environment ID" }));
      await flush();
      expect(writeText).toHaveBeenCalledWith(ENVIRONMENT_ID);
      const row = screen.getByText(ENVIRONMENT_ID).closest("dd") as HTMLElement;
      expect(within(row).getByRole("status").textContent).toBe("Copied");
    } finally {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    }
  });

  it("falls back to execCommand when the Clipboard API is refused, and says so when both fail", async () => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: jest.fn().mockRejectedValue(new Error("denied")) },
      configurable: true,
    });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    try {
      await renderView(RESULTS.linked);
      fireEvent.click(screen.getByRole("button", { name: "Copy Tenant ID" }));
      await flush();
      expect(execCommand).toHaveBeenCalledWith("copy");
      expect(screen.getByText("Copied")).toBeTruthy();
      execCommand.mockReturnValue(false);
      fireEvent.click(screen.getByRole("button", { name: "Copy Environment ID" }));
      await flush();
      expect(screen.getByText("Couldn't copy. Select the text and copy it.")).toBeTruthy();
    } finally {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    }
  });

  it("hides the confirmation again after a few seconds", async () => {
    jest.useFakeTimers();
    try {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: jest.fn().mockResolvedValue(undefined) },
        configurable: true,
      });
      const store = renderView(RESULTS.linked);
      await jest.runOnlyPendingTimersAsync();
      await store;
      fireEvent.click(screen.getByRole("button", { name: "Copy Tenant ID" }));
      await act(() => jest.advanceTimersByTimeAsync(10));
      expect(screen.getByText("Copied")).toBeTruthy();
      await act(() => jest.advanceTimersByTimeAsync(3500));
      expect(screen.queryByText("Copied")).toBeNull();
    } finally {
      jest.useRealTimers();
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    }
  });
});

describe("accessibility and languages", () => {
  const cases: Array<[string, IntegrationResult | "pending", Parameters<typeof renderView>[1]]> = [
    ["loading", "pending", {}],
    ["linked card", RESULTS.linked, {}],
    ["linked compact", RESULTS.linked, { properties: { layout: "compact", label: "ERP" } }],
    ["linked link only", RESULTS.linked, { properties: { layout: "linkOnly" } }],
    ["not linked", RESULTS.notLinked, {}],
    ["forbidden", RESULTS.forbidden, {}],
    ["offline last known", RESULTS.offlineLastKnown, {}],
    ["invalid", RESULTS.invalid, {}],
    ["failed", RESULTS.failed, {}],
    ["column secured", RESULTS.linked, { security: { readable: false, editable: false, secured: true } }],
    ["dark rtl", RESULTS.linked, { lcid: 1025, dark: true }],
  ];

  it.each(cases)("%s has no axe violations", async (_name, answer, options) => {
    const { container } = await renderView(answer, options);
    expect(await axe(container)).toHaveNoViolations();
  });

  it.each(LANGUAGES.map((l) => [l.tag, l.lcid] as const))(
    "%s: every state renders its own words, never a key",
    async (_tag, lcid) => {
      for (const result of Object.values(RESULTS)) {
        const { container, unmount } = await renderView(result, { lcid });
        expect(container.textContent).not.toMatch(/\b(Control|Result|Property)_[A-Za-z]+/);
        expect(container.textContent?.trim()).not.toBe("");
        unmount();
      }
    },
  );
});
