import { coreStrings } from "../../core/strings/words";
import { onLoad, showLinkOnForm } from "../../webresources/onLoad";
import { OPTIONS_ID, STATUS_ID, globalNotificationsSettled } from "../../webresources/notifier";
import {
  ANSWERS,
  executionContextOf,
  fakeAttribute,
  fakeForm,
  fakeXrm,
  flush,
  type FakeXrm,
  type ServerAnswer,
} from "./fakes";
import {
  ENVIRONMENT_ID,
  fetchResponse,
  FO_URL,
  HOST_RESOLUTIONS,
  linkedBody,
  mobileOfflineError,
  NOT_LINKED,
  SERVER_ERROR,
  TENANT,
} from "../fixtures/dataverse";

type Kind = keyof typeof ANSWERS;
const KINDS = Object.keys(ANSWERS) as Kind[];

beforeEach(() => sessionStorage.clear());

async function run(answer: ServerAnswer, options?: unknown, form = fakeForm(), xrm: FakeXrm = fakeXrm(answer)) {
  await showLinkOnForm(executionContextOf(form), options, xrm);
  return { form, xrm, status: form.notifications.get(STATUS_ID), optionsWarning: form.notifications.get(OPTIONS_ID) };
}

describe("default notifications, per result kind", () => {
  it("linked: INFO with the F&O URL and the tenant", async () => {
    const { status, xrm } = await run(ANSWERS.linked);
    expect(status?.level).toBe("INFO");
    expect(status?.message).toContain(FO_URL);
    expect(status?.message).toContain(TENANT);
    expect(xrm.requests).toHaveLength(1);
  });

  it("notLinked: a WARNING in plain words", async () => {
    const { status } = await run(ANSWERS.notLinked);
    expect(status).toEqual({
      level: "WARNING",
      message: expect.stringContaining("isn't linked to finance and operations"),
    });
    expect(status?.message).not.toContain(NOT_LINKED.code);
  });

  it.each(["unauthorized", "forbidden", "offline", "invalid", "failed"] as const)(
    "%s: quiet by default",
    async (kind) => {
      const { form } = await run(ANSWERS[kind]);
      expect(form.notificationCalls).toEqual([]);
    },
  );

  it("a quiet result clears the status a previous load showed", async () => {
    const form = fakeForm();
    await run(ANSWERS.linked, undefined, form);
    expect(form.notifications.has(STATUS_ID)).toBe(true);
    await run(ANSWERS.failed, undefined, form);
    expect(form.notifications.has(STATUS_ID)).toBe(false);
  });
});

describe("notify option", () => {
  const expected: Record<Kind, Xrm.FormNotificationLevel> = {
    linked: "INFO",
    notLinked: "WARNING",
    unauthorized: "WARNING",
    forbidden: "WARNING",
    offline: "WARNING",
    invalid: "ERROR",
    failed: "ERROR",
  };

  it.each(KINDS)("always: %s gets a notification in plain words", async (kind) => {
    const { status } = await run(ANSWERS[kind], { notify: "always" });
    expect(status?.level).toBe(expected[kind]);
    expect(status?.message).not.toMatch(/undefined|\[object/);
    expect(status?.message.length).toBeGreaterThan(10);
  });

  it("always: a failure carries its code, never a raw object", async () => {
    const { status } = await run(ANSWERS.failed, '{"notify":"always"}');
    expect(status?.message).toContain(SERVER_ERROR.code);
    expect(status?.message).toContain("An unexpected error occurred.");
  });

  it("notLinked: quiet when linked, WARNING when not", async () => {
    expect((await run(ANSWERS.linked, { notify: "notLinked" })).status).toBeUndefined();
    expect((await run(ANSWERS.notLinked, { notify: "notLinked" })).status?.level).toBe("WARNING");
    expect((await run(ANSWERS.failed, { notify: "notLinked" })).status).toBeUndefined();
  });

  it.each(KINDS)("never: %s shows nothing and leaves another handler's status alone", async (kind) => {
    const form = fakeForm();
    form.ui.setFormNotification("set by another handler", "INFO", STATUS_ID);
    await run(ANSWERS[kind], { notify: "never" }, form);
    expect(form.notifications.get(STATUS_ID)?.message).toBe("set by another handler");
    expect(form.notificationCalls).toHaveLength(1);
  });
});

describe("languages", () => {
  it.each([
    [1031, "nicht"],
    [1036, "n’est pas"],
    [1041, "リンク"],
    [1025, "غير"],
  ])("LCID %i words the not-linked warning in that language", async (lcid, word) => {
    const { status } = await run(ANSWERS.notLinked, undefined, fakeForm(), fakeXrm(ANSWERS.notLinked, lcid));
    expect(status?.message).toContain(word);
  });

  it.each([
    [1033, `Linked finance and operations environment: ${FO_URL} (Tenant ID: ${TENANT})`],
    [1036, `Environnement de finances et d’opérations lié : ${FO_URL} (ID de locataire : ${TENANT})`],
    [1041, `${coreStrings.ja.Result_Linked}：${FO_URL}（${coreStrings.ja.Result_TenantId}：${TENANT}）`],
    [2052, `${coreStrings["zh-CN"].Result_Linked}：${FO_URL}（${coreStrings["zh-CN"].Result_TenantId}：${TENANT}）`],
    // Arabic is right-to-left: the URL and GUID are isolated (FSI…PDI) so their punctuation keeps its place.
    [
      1025,
      `${coreStrings.ar.Result_Linked}: \u2068${FO_URL}\u2069 (${coreStrings.ar.Result_TenantId}: \u2068${TENANT}\u2069)`,
    ],
  ])("LCID %i words the linked notice with that language's punctuation", async (lcid, expected) => {
    const { status } = await run(ANSWERS.linked, undefined, fakeForm(), fakeXrm(ANSWERS.linked, lcid));
    expect(status?.message).toBe(expected);
  });

  it("an unshipped language falls back to English", async () => {
    const { status } = await run(ANSWERS.notLinked, undefined, fakeForm(), fakeXrm(ANSWERS.notLinked, 1049));
    expect(status?.message).toContain("isn't linked");
  });

  it("option problems are localized too", async () => {
    const { optionsWarning } = await run(ANSWERS.linked, { colour: 1 }, fakeForm(), fakeXrm(ANSWERS.linked, 1031));
    expect(optionsWarning?.message).toBe("FinOps Link-Optionen prüfen: unbekannte Option „colour“");
  });
});

describe("global option", () => {
  it("uses the app notification bar, with an Open action that opens only the https URL", async () => {
    const { form, xrm } = await run(ANSWERS.linked, { global: true });
    await globalNotificationsSettled(STATUS_ID);
    expect(form.notificationCalls).toEqual([]);
    const notes = [...xrm.globalNotifications.values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      type: 2,
      level: 4,
      showCloseButton: true,
      message: expect.stringContaining(FO_URL),
    });
    notes[0].action?.eventHandler?.();
    expect(xrm.openedUrls).toEqual([FO_URL]);
  });

  it("maps a not-linked WARNING to the app's warning level", async () => {
    const { xrm } = await run(ANSWERS.notLinked, { global: true });
    await globalNotificationsSettled(STATUS_ID);
    expect([...xrm.globalNotifications.values()].map((n) => n.level)).toEqual([3]);
  });

  it("replaces its previous app notification instead of stacking", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await run(ANSWERS.linked, { global: true }, fakeForm(), xrm);
    await run(ANSWERS.linked, { global: true }, fakeForm(), xrm);
    await globalNotificationsSettled(STATUS_ID);
    expect(xrm.globalNotifications.size).toBe(1);
    // A later quiet result takes the old one away.
    xrm.answer = ANSWERS.failed;
    await run(ANSWERS.failed, { global: true, cacheMinutes: 0 }, fakeForm(), xrm);
    await globalNotificationsSettled(STATUS_ID);
    expect(xrm.globalNotifications.size).toBe(0);
  });

  it("replaces it also from a recreated script frame (fresh modules), through sessionStorage", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await run(ANSWERS.linked, { global: true }, fakeForm(), xrm);
    await globalNotificationsSettled(STATUS_ID);
    let fresh: typeof import("../../webresources/onLoad") | undefined;
    let freshNotifier: typeof import("../../webresources/notifier") | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import("../../webresources/onLoad")>("../../webresources/onLoad");
      freshNotifier = jest.requireActual<typeof import("../../webresources/notifier")>("../../webresources/notifier");
    });
    await fresh!.showLinkOnForm(executionContextOf(fakeForm()), { global: true }, xrm);
    await freshNotifier!.globalNotificationsSettled(STATUS_ID);
    expect([...xrm.globalNotifications.keys()]).toEqual(["global-2"]);
  });

  it("still replaces when sessionStorage throws", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    const getItem = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    const setItem = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("QuotaExceededError");
    });
    try {
      await run(ANSWERS.linked, { global: true, cacheMinutes: 0 }, fakeForm(), xrm);
      await run(ANSWERS.linked, { global: true, cacheMinutes: 0 }, fakeForm(), xrm);
      await globalNotificationsSettled(STATUS_ID);
    } finally {
      getItem.mockRestore();
      setItem.mockRestore();
    }
    expect(xrm.globalNotifications.size).toBe(1);
  });

  it("falls back to the form notification when Xrm.App is missing", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    delete xrm.App;
    const { status } = await run(ANSWERS.linked, { global: true }, fakeForm(), xrm);
    expect(status?.level).toBe("INFO");
  });

  it("keeps working when the app bar rejects", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    xrm.App = {
      addGlobalNotification: () => Promise.reject(new Error("no bar")),
      clearGlobalNotification: () => Promise.resolve(""),
    };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await run(ANSWERS.linked, { global: true }, fakeForm(), xrm);
    await globalNotificationsSettled(STATUS_ID);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("column options", () => {
  const layout = () => ({
    attributes: [fakeAttribute("fol_fnourl"), fakeAttribute("fol_tenant"), fakeAttribute("fol_environment", "memo")],
  });
  const columns = { urlColumn: "fol_fnourl", tenantColumn: "fol_tenant", environmentColumn: "fol_environment" };

  it("fills the columns when linked", async () => {
    const { form, optionsWarning } = await run(ANSWERS.linked, columns, fakeForm(layout()));
    expect(optionsWarning).toBeUndefined();
    expect(form.attributes.get("fol_fnourl")?.value).toBe(FO_URL);
    expect(form.attributes.get("fol_tenant")?.value).toBe(TENANT);
    expect(form.attributes.get("fol_environment")?.value).toBe(ENVIRONMENT_ID);
  });

  it("writes only values that differ (each write marks the record dirty)", async () => {
    const form = fakeForm(layout());
    form.attributes.get("fol_tenant")!.value = TENANT;
    await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_tenant")?.writes).toEqual([]);
    expect(form.attributes.get("fol_fnourl")?.writes).toHaveLength(1);
    await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.writes).toHaveLength(1);
  });

  it("empties the columns when not linked, and leaves them on a transient failure", async () => {
    const form = fakeForm(layout());
    form.attributes.get("fol_fnourl")!.value = "https://old.operations.dynamics.com/";
    await run(ANSWERS.failed, columns, form);
    expect(form.attributes.get("fol_fnourl")?.value).toBe("https://old.operations.dynamics.com/");
    await run(ANSWERS.notLinked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.value).toBeNull();
    expect(form.attributes.get("fol_tenant")?.writes).toEqual([]); // already empty
  });

  it.each([3, 4, 6])("does not write on a form of type %i (it cannot be saved)", async (formType) => {
    const form = fakeForm({ ...layout(), formType });
    await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.writes).toEqual([]);
  });

  it("names a missing column and a non-text column in one warning; the good column still fills", async () => {
    const form = fakeForm({ attributes: [fakeAttribute("fol_fnourl"), fakeAttribute("fol_count", "integer")] });
    const { optionsWarning, status } = await run(
      ANSWERS.linked,
      { urlColumn: "fol_fnourl", tenantColumn: "fol_nope", environmentColumn: "fol_count" },
      form,
    );
    expect(optionsWarning?.level).toBe("WARNING");
    expect(optionsWarning?.message).toBe(
      'FinOps Link options need attention: column "fol_nope" is not on this form; column "fol_count" is not a text column',
    );
    expect(form.attributes.get("fol_fnourl")?.value).toBe(FO_URL);
    expect(form.attributes.get("fol_count")?.writes).toEqual([]);
    expect(status?.level).toBe("INFO");
  });
});

describe("column safety: written only when allowed and sensible", () => {
  const columns = { urlColumn: "fol_fnourl", tenantColumn: "fol_tenant", environmentColumn: "fol_environment" };
  const PREFIX = "FinOps Link options need attention: ";

  it("skips a column the user may not change, names it, and still fills the others and shows the link", async () => {
    const form = fakeForm({
      attributes: [
        fakeAttribute("fol_fnourl", "string", null, { canUpdate: false }),
        fakeAttribute("fol_tenant"),
        fakeAttribute("fol_environment", "memo"),
      ],
    });
    const { optionsWarning, status } = await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.writes).toEqual([]);
    expect(form.attributes.get("fol_tenant")?.value).toBe(TENANT);
    expect(form.attributes.get("fol_environment")?.value).toBe(ENVIRONMENT_ID);
    expect(optionsWarning?.message).toBe(`${PREFIX}you may not change column "fol_fnourl"`);
    expect(status?.level).toBe("INFO");
  });

  it("takes Text, Text area and URL formats and memo; refuses email, phone and ticker formats", async () => {
    const form = fakeForm({
      attributes: [
        fakeAttribute("fol_fnourl", "string", null, { format: "url" }),
        fakeAttribute("fol_tenant", "string", null, { format: "email" }),
        fakeAttribute("fol_environment", "string", null, { format: "phone" }),
      ],
    });
    const { optionsWarning } = await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.value).toBe(FO_URL);
    expect(form.attributes.get("fol_tenant")?.writes).toEqual([]);
    expect(form.attributes.get("fol_environment")?.writes).toEqual([]);
    expect(optionsWarning?.message).toBe(
      `${PREFIX}column "fol_tenant" is not a text column; column "fol_environment" is not a text column`,
    );
    const textArea = fakeForm({ attributes: [fakeAttribute("fol_fnourl", "string", null, { format: "textarea" })] });
    await run(ANSWERS.linked, { urlColumn: "fol_fnourl" }, textArea);
    expect(textArea.attributes.get("fol_fnourl")?.value).toBe(FO_URL);
  });

  it("skips a value longer than the column holds, says by how much, and fills the rest", async () => {
    const form = fakeForm({
      attributes: [
        fakeAttribute("fol_fnourl", "string", null, { maxLength: 20 }),
        fakeAttribute("fol_tenant", "string", null, { maxLength: 36 }), // a GUID fits exactly
        fakeAttribute("fol_environment"),
      ],
    });
    const { optionsWarning } = await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_fnourl")?.writes).toEqual([]);
    expect(form.attributes.get("fol_tenant")?.value).toBe(TENANT);
    expect(optionsWarning?.message).toBe(
      `${PREFIX}column "fol_fnourl" holds at most 20 characters, the value has ${FO_URL.length}`,
    );
  });

  it("a column that throws on setValue or getUserPrivilege is named; the others and the status still happen", async () => {
    const broken = fakeAttribute("fol_fnourl");
    broken.setValue = () => {
      throw new Error("platform refused");
    };
    const unknowable = fakeAttribute("fol_tenant");
    unknowable.getUserPrivilege = () => {
      throw new Error("no privilege information");
    };
    const form = fakeForm({ attributes: [broken, unknowable, fakeAttribute("fol_environment")] });
    const { optionsWarning, status } = await run(ANSWERS.linked, columns, form);
    expect(form.attributes.get("fol_environment")?.value).toBe(ENVIRONMENT_ID);
    expect(optionsWarning?.message).toBe(
      `${PREFIX}column "fol_tenant" could not be written; column "fol_fnourl" could not be written`,
    );
    expect(status?.level).toBe("INFO");
  });

  it("names the problems in the user's language", async () => {
    const form = fakeForm({ attributes: [fakeAttribute("fol_fnourl", "string", null, { canUpdate: false })] });
    const { optionsWarning } = await run(
      ANSWERS.linked,
      { urlColumn: "fol_fnourl" },
      form,
      fakeXrm(ANSWERS.linked, 1031),
    );
    expect(optionsWarning?.message).toBe("FinOps Link-Optionen prüfen: Sie dürfen Spalte „fol_fnourl“ nicht ändern");
  });

  it("never writes an offline last-known link, nor a cached answer past its cache time", async () => {
    const clock = jest.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    try {
      const xrm = fakeXrm(ANSWERS.linked);
      const first = fakeForm({ attributes: [fakeAttribute("fol_fnourl")] });
      await run(ANSWERS.linked, { urlColumn: "fol_fnourl", cacheMinutes: 5 }, first, xrm);
      expect(first.attributes.get("fol_fnourl")?.value).toBe(FO_URL); // the answer is now stored in this tab
      clock.mockReturnValue(1_700_000_000_000 + 6 * 60_000); // past the cache time, and the network is gone
      xrm.answer = ANSWERS.offline;
      const later = fakeForm({ attributes: [fakeAttribute("fol_fnourl")] });
      const { status } = await run(
        ANSWERS.offline,
        { urlColumn: "fol_fnourl", cacheMinutes: 5, notify: "always" },
        later,
        xrm,
      );
      expect(status?.level).toBe("WARNING");
      expect(later.attributes.get("fol_fnourl")?.writes).toEqual([]);
      expect(xrm.requests).toHaveLength(2); // the stale entry was not used: Dataverse was asked
    } finally {
      clock.mockRestore();
    }
  });
});

describe("deep link options (legalEntity, menuItem)", () => {
  it("the Open action goes to the deep link", async () => {
    const { xrm } = await run(ANSWERS.linked, { global: true, legalEntity: "USMF", menuItem: "CustTableListPage" });
    await globalNotificationsSettled(STATUS_ID);
    const [note] = [...xrm.globalNotifications.values()];
    note.action?.eventHandler?.();
    expect(xrm.openedUrls).toEqual([`${FO_URL}/?cmp=USMF&mi=CustTableListPage`]);
    expect(note.message).not.toMatch(/too long/);
  });

  it("past 2,048 characters, opens the environment and the notice says the deep link was too long", async () => {
    const { xrm } = await run(ANSWERS.linked, { global: true, menuItem: "M".repeat(2100) });
    await globalNotificationsSettled(STATUS_ID);
    const [note] = [...xrm.globalNotifications.values()];
    expect(note.message).toContain(
      "The link to the chosen company or page was too long, so it opens the environment's start page.",
    );
    note.action?.eventHandler?.();
    expect(xrm.openedUrls).toEqual([FO_URL]);
  });

  it("the form notification says so too (in the user's language)", async () => {
    const { status } = await run(
      ANSWERS.linked,
      { menuItem: "M".repeat(2100) },
      fakeForm(),
      fakeXrm(ANSWERS.linked, 1036),
    );
    expect(status?.message).toContain("Le lien vers la société ou la page choisie était trop long");
  });
});

describe("showWhenLinked / hideWhenLinked", () => {
  const layout = () => ({ tabs: { general: ["details", "fno"], fno_tab: ["s1"], other: [] } });
  const options = { showWhenLinked: ["fno_tab", "general.fno"], hideWhenLinked: ["other"] };

  it("shows and hides by the link state", async () => {
    const linked = await run(ANSWERS.linked, options, fakeForm(layout()));
    expect(linked.form.tabMap.get("fno_tab")?.visible).toBe(true);
    expect(linked.form.tabMap.get("general")?.sectionMap.get("fno")?.visible).toBe(true);
    expect(linked.form.tabMap.get("other")?.visible).toBe(false);

    const notLinked = await run(ANSWERS.notLinked, options, fakeForm(layout()));
    expect(notLinked.form.tabMap.get("fno_tab")?.visible).toBe(false);
    expect(notLinked.form.tabMap.get("general")?.sectionMap.get("fno")?.visible).toBe(false);
    expect(notLinked.form.tabMap.get("general")?.visible).toBe(true);
    expect(notLinked.form.tabMap.get("general")?.sectionMap.get("details")?.visible).toBe(true);
    expect(notLinked.form.tabMap.get("other")?.visible).toBe(true);
  });

  it("leaves the layout as designed when the answer is unknown", async () => {
    const { form } = await run(ANSWERS.failed, options, fakeForm(layout()));
    expect(form.tabMap.get("other")?.visible).toBe(true);
    expect(form.tabMap.get("general")?.sectionMap.get("fno")?.visible).toBe(true);
  });

  it("treats offline with a last known link as linked", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await run(ANSWERS.linked, { cacheMinutes: 0 }, fakeForm(), xrm);
    xrm.answer = ANSWERS.offline;
    const { form } = await run(ANSWERS.offline, { ...options, cacheMinutes: 0 }, fakeForm(layout()), xrm);
    expect(xrm.requests).toHaveLength(2);
    expect(form.tabMap.get("other")?.visible).toBe(false);
  });

  it("names missing tabs and sections; the ones found still toggle", async () => {
    const { form, optionsWarning } = await run(
      ANSWERS.notLinked,
      { showWhenLinked: ["fno_tab", "nosuchtab", "general.nosuchsection", "nosuchtab.s1"] },
      fakeForm(layout()),
    );
    expect(optionsWarning?.message).toBe(
      'FinOps Link options need attention: tab "nosuchtab" is not on this form; section "nosuchsection" is not in tab "general"; tab "nosuchtab" is not on this form',
    );
    expect(form.tabMap.get("fno_tab")?.visible).toBe(false);
  });

  it("reports every tab as missing on a form without a tab collection", async () => {
    const form = fakeForm();
    delete form.ui.tabs;
    const { optionsWarning, status } = await run(ANSWERS.linked, { hideWhenLinked: ["general"] }, form);
    expect(optionsWarning?.message).toContain('tab "general" is not on this form');
    expect(status?.level).toBe("INFO");
  });
});

describe("cacheMinutes", () => {
  it("reuses the answer within the TTL and asks again with 0", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    await run(ANSWERS.linked, { cacheMinutes: 5 }, fakeForm(), xrm);
    await run(ANSWERS.linked, { cacheMinutes: 5 }, fakeForm(), xrm);
    expect(xrm.requests).toHaveLength(1);
    await run(ANSWERS.linked, { cacheMinutes: 0 }, fakeForm(), xrm);
    expect(xrm.requests).toHaveLength(2);
  });
});

describe("bad options: one WARNING naming every problem, the rest still works", () => {
  it.each([
    ["invalid JSON", "{notify: always}", "the options are not a valid JSON object"],
    ["a JSON array", "[1,2]", "the options are not a valid JSON object"],
    ["a number", 42, "the options are not a valid JSON object"],
    ["an unknown key", { notfy: "always" }, 'unknown option "notfy"'],
    ["a wrong notify value", { notify: "sometimes" }, '"notify" must be "always" | "notLinked" | "never"'],
    ["a non-boolean global", '{"global":"yes"}', '"global" must be true | false'],
    ["an empty column name", { urlColumn: " " }, '"urlColumn" must be "logicalname"'],
    ["a tab list that is a string", { showWhenLinked: "general" }, '"showWhenLinked" must be ["tab", "tab.section"]'],
    ["a negative cacheMinutes", { cacheMinutes: -1 }, '"cacheMinutes" must be 0, 1, 2…'],
  ])("%s", async (_label, options, problem) => {
    const { optionsWarning, status, form } = await run(ANSWERS.linked, options);
    expect(optionsWarning).toEqual({ level: "WARNING", message: `FinOps Link options need attention: ${problem}` });
    expect(status?.level).toBe("INFO");
    expect(form.notificationCalls.filter((call) => call.id === OPTIONS_ID)).toHaveLength(1);
  });

  it("lists several problems in one notification and applies the valid options", async () => {
    const { optionsWarning, status } = await run(ANSWERS.linked, { notify: "notLinked", global: 1, extra: true });
    expect(optionsWarning?.message).toBe(
      'FinOps Link options need attention: "global" must be true | false; unknown option "extra"',
    );
    expect(status).toBeUndefined(); // notify: "notLinked" still applied
  });

  it("shows no options warning for good or empty options", async () => {
    for (const options of [undefined, null, "", "  ", "{}", { notify: null }]) {
      expect((await run(ANSWERS.linked, options)).optionsWarning).toBeUndefined();
    }
  });
});

describe("two handlers on one form", () => {
  it("make one request through the core's single flight and show one status", async () => {
    let release: (value: unknown) => void = () => undefined;
    const held = new Promise((resolve) => (release = resolve));
    const xrm = fakeXrm(() => held.then(() => ({ ok: true, status: 200, json: async () => ANSWERS.linked.body })));
    const form = fakeForm({ attributes: [fakeAttribute("fol_fnourl")] });
    const first = showLinkOnForm(executionContextOf(form), undefined, xrm);
    const second = showLinkOnForm(executionContextOf(form), { urlColumn: "fol_fnourl" }, xrm);
    await flush();
    release(undefined);
    await Promise.all([first, second]);
    expect(xrm.requests).toHaveLength(1);
    expect([...form.notifications.keys()]).toEqual([STATUS_ID]);
    expect(form.notificationCalls.every((call) => call.id === STATUS_ID)).toBe(true);
    expect(form.attributes.get("fol_fnourl")?.value).toBe(FO_URL);
  });

  it("two bad-options handlers leave one options warning", async () => {
    const form = fakeForm();
    const xrm = fakeXrm(ANSWERS.linked);
    await Promise.all([
      showLinkOnForm(executionContextOf(form), "{bad", xrm),
      showLinkOnForm(executionContextOf(form), { nope: 1 }, xrm),
    ]);
    expect([...form.notifications.keys()].sort()).toEqual([OPTIONS_ID, STATUS_ID].sort());
  });
});

describe("onLoad, the registered handler", () => {
  afterEach(() => {
    delete (globalThis as { Xrm?: unknown }).Xrm;
  });

  it("returns undefined at once, before the network answers, then shows the result", async () => {
    let release: (value: unknown) => void = () => undefined;
    const held = new Promise((resolve) => (release = resolve));
    const xrm = fakeXrm(() => held.then(() => Promise.reject(ANSWERS.notLinked.error)));
    (globalThis as { Xrm?: unknown }).Xrm = xrm;
    const form = fakeForm();
    expect(onLoad(executionContextOf(form), '{"notify":"always"}')).toBeUndefined();
    await flush();
    expect(xrm.requests).toHaveLength(1);
    expect(form.notifications.has(STATUS_ID)).toBe(false);
    release(undefined);
    await flush();
    expect(form.notifications.get(STATUS_ID)?.level).toBe("WARNING");
  });

  it("never throws, whatever is missing or broken", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const form = fakeForm();
    const broken = {
      getFormContext: () => {
        throw new Error("boom");
      },
    };
    const cases: Array<[unknown, unknown]> = [
      [undefined, undefined],
      [null, null],
      ['{"notify":"always"}', undefined], // "pass execution context" not ticked
      [{}, {}],
      [broken, undefined],
      [executionContextOf(form), undefined], // no Xrm at all
    ];
    for (const [context, options] of cases) expect(() => onLoad(context, options)).not.toThrow();

    const partials: unknown[] = [
      {},
      { Utility: {} },
      {
        Utility: {
          getGlobalContext: () => {
            throw new Error("x");
          },
        },
      },
    ];
    for (const xrm of partials) {
      (globalThis as { Xrm?: unknown }).Xrm = xrm;
      expect(() => onLoad(executionContextOf(form), { global: true })).not.toThrow();
    }
    const noWebApi = fakeXrm();
    delete noWebApi.WebApi;
    delete noWebApi.App;
    await expect(showLinkOnForm(executionContextOf(form), { global: true }, noWebApi)).resolves.toBeUndefined();
    await flush();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("still reports option problems when Xrm is missing", async () => {
    const form = fakeForm();
    await showLinkOnForm(executionContextOf(form), "nope", undefined);
    expect(form.notifications.get(OPTIONS_ID)?.level).toBe("WARNING");
    expect(form.notifications.has(STATUS_ID)).toBe(false);
  });
});

describe("offline, as the README's offline state says: the last known link, tabs that follow it", () => {
  const layout = () => ({ tabs: { fno_tab: ["s1"], other: [] } });
  const options = { showWhenLinked: ["fno_tab"], hideWhenLinked: ["other"], notify: "always", cacheMinutes: 0 };
  const host = new URL(FO_URL).host;

  /** A form that saw the link in this tab, then the tab went offline (cache time over: cacheMinutes 0). */
  async function sawTheLink(): Promise<FakeXrm> {
    const xrm = fakeXrm(ANSWERS.linked);
    await run(ANSWERS.linked, { cacheMinutes: 0 }, fakeForm(), xrm);
    expect(xrm.requests).toHaveLength(1);
    return xrm;
  }

  function expectOfflineWithLastKnown(form: ReturnType<typeof fakeForm>): void {
    const status = form.notifications.get(STATUS_ID);
    expect(status).toEqual({ level: "WARNING", message: `You're offline. Last known link: ${host}` });
    expect(form.tabMap.get("fno_tab")?.visible).toBe(true);
    expect(form.tabMap.get("other")?.visible).toBe(false);
  }

  it("asks Xrm.Utility.getGlobalContext().client.isOffline() first: offline means no request", async () => {
    const xrm = await sawTheLink();
    xrm.offline = true;
    xrm.answer = { error: mobileOfflineError() as unknown as Record<string, unknown> };
    const { form } = await run(ANSWERS.linked, options, fakeForm(layout()), xrm);
    expect(xrm.offlineChecks).toBeGreaterThan(0);
    expect(xrm.requests).toHaveLength(1); // only the first load's
    expectOfflineWithLastKnown(form);
  });

  it("the mobile app's UciError (no errorCode) is offline too: WARNING with the last known link, never ERROR", async () => {
    const xrm = await sawTheLink();
    xrm.answer = { error: mobileOfflineError() as unknown as Record<string, unknown> };
    const { form } = await run(ANSWERS.linked, options, fakeForm(layout()), xrm);
    expect(xrm.requests).toHaveLength(2);
    expectOfflineWithLastKnown(form);
  });

  it("offline without a link seen earlier: tabs stay as designed, default notify stays quiet", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    xrm.offline = true;
    const { form } = await run(ANSWERS.linked, { showWhenLinked: ["fno_tab"] }, fakeForm(layout()), xrm);
    expect(xrm.requests).toHaveLength(0);
    expect(form.tabMap.get("fno_tab")?.visible).toBe(true);
    expect(form.notificationCalls).toEqual([]);
  });

  it("a host whose isOffline throws, or that has no client, is asked nothing more and goes on", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    const utility = xrm.Utility as NonNullable<FakeXrm["Utility"]>;
    const context = utility.getGlobalContext();
    utility.getGlobalContext = () => ({
      ...context,
      client: {
        isOffline: () => {
          throw new Error("not available");
        },
      },
    });
    const { status } = await run(ANSWERS.linked, undefined, fakeForm(), xrm);
    expect(status?.level).toBe("INFO");
    utility.getGlobalContext = () => ({ getClientUrl: context.getClientUrl, userSettings: context.userSettings });
    const second = await run(ANSWERS.linked, { cacheMinutes: 0 }, fakeForm(), xrm);
    expect(second.status?.level).toBe("INFO");
  });
});

describe("Xrm.WebApi.online.execute resolves something that is no Dataverse answer (issue 23, kind 1)", () => {
  const original = globalThis.fetch;
  afterEach(() => {
    Object.defineProperty(globalThis, "fetch", { value: original, configurable: true, writable: true });
  });

  test.each(HOST_RESOLUTIONS)("%s: one same-origin fetch carries the request; never offline", async (_label, make) => {
    const fetchImpl = jest.fn(async () => fetchResponse(200, linkedBody()));
    Object.defineProperty(globalThis, "fetch", { value: fetchImpl, configurable: true, writable: true });
    const xrm = fakeXrm(async () => make());
    const form = fakeForm();
    await showLinkOnForm(executionContextOf(form), {}, xrm);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const status = form.notifications.get(STATUS_ID);
    expect(status?.level).toBe("INFO");
    expect(status?.message).toContain(FO_URL);
    expect(status?.message).not.toContain(coreStrings.en.Result_Offline);
  });
});
