import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resourceStringReader, type ResxWebResource } from "../../demo/host/resourceStrings";
import { parseResx } from "../../scripts/resx";
import type {
  AttributePort,
  FormPort,
  GlobalNotificationPort,
  SectionPort,
  TabPort,
  XrmPort,
} from "../../webresources/ports";
import { FO_URL, FORBIDDEN, linkedBody, NOT_LINKED, SERVER_ERROR, xrmError } from "../fixtures/dataverse";

/** Typed fakes of the Client API slices the form script uses, recording what it did to the form and the app. */

export interface FakeAttribute extends AttributePort {
  readonly name: string;
  readonly type: string;
  value: unknown;
  readonly writes: Array<string | null>;
  /** String attributes' format ("text", "url", "email"…); undefined: the host gives none. */
  format?: string;
  canUpdate: boolean;
  maxLength?: number;
}

export function fakeAttribute(
  name: string,
  type = "string",
  value: unknown = null,
  more: Partial<Pick<FakeAttribute, "format" | "canUpdate" | "maxLength">> = {},
): FakeAttribute {
  const attribute: FakeAttribute = {
    name,
    type,
    value,
    writes: [],
    canUpdate: more.canUpdate ?? true,
    format: more.format ?? (type === "string" ? "text" : undefined),
    maxLength: more.maxLength ?? (type === "memo" ? 2000 : type === "string" ? 100 : undefined),
    getAttributeType: () => attribute.type,
    getFormat: () => attribute.format ?? null,
    getUserPrivilege: () => ({ canUpdate: attribute.canUpdate }),
    getMaxLength: () => attribute.maxLength ?? 0,
    getValue: () => attribute.value,
    setValue: (next) => {
      attribute.writes.push(next);
      attribute.value = next;
    },
  };
  return attribute;
}

export interface FakeToggle extends SectionPort {
  visible: boolean;
}

export interface FakeTab extends TabPort, FakeToggle {
  readonly sectionMap: Map<string, FakeToggle>;
}

function toggle(visible: boolean): FakeToggle {
  const item: FakeToggle = { visible, setVisible: (next) => void (item.visible = next) };
  return item;
}

export interface FormNotification {
  message: string;
  level: Xrm.FormNotificationLevel;
}

export interface FakeForm extends FormPort {
  readonly attributes: Map<string, FakeAttribute>;
  readonly tabMap: Map<string, FakeTab>;
  /** What the form shows now, by notification id (setFormNotification with an existing id replaces). */
  readonly notifications: Map<string, FormNotification>;
  /** Every setFormNotification call, in order. */
  readonly notificationCalls: Array<FormNotification & { id: string }>;
  formType: number;
}

export interface FormLayout {
  attributes?: FakeAttribute[];
  /** tab name -> section names; every tab and section starts visible. */
  tabs?: Record<string, string[]>;
  formType?: number;
}

export function fakeForm(layout: FormLayout = {}): FakeForm {
  const attributes = new Map((layout.attributes ?? []).map((a) => [a.name, a] as const));
  const tabMap = new Map<string, FakeTab>();
  for (const [tabName, sections] of Object.entries(layout.tabs ?? {})) {
    const sectionMap = new Map(sections.map((name) => [name, toggle(true)] as const));
    const tab = Object.assign(toggle(true), {
      sectionMap,
      sections: { get: (name: string) => sectionMap.get(name) ?? null },
    });
    tabMap.set(tabName, tab);
  }
  const notifications = new Map<string, FormNotification>();
  const notificationCalls: Array<FormNotification & { id: string }> = [];
  const form: FakeForm = {
    attributes,
    tabMap,
    notifications,
    notificationCalls,
    formType: layout.formType ?? 2,
    getAttribute: (name) => attributes.get(name) ?? null,
    ui: {
      setFormNotification: (message, level, id) => {
        notifications.set(id, { message, level });
        notificationCalls.push({ message, level, id });
        return true;
      },
      clearFormNotification: (id) => notifications.delete(id),
      getFormType: () => form.formType,
      tabs: { get: (name) => tabMap.get(name) ?? null },
    },
  };
  return form;
}

export function executionContextOf(form: FormPort): { getFormContext(): FormPort } {
  return { getFormContext: () => form };
}

/** A response body or an Xrm.WebApi error, as `Xrm.WebApi.online.execute` would resolve or reject with. */
export type ServerAnswer = { body: unknown } | { error: Record<string, unknown> };

export const ANSWERS = {
  linked: { body: linkedBody() },
  notLinked: { error: { ...xrmError(NOT_LINKED) } },
  unauthorized: { error: { status: 401, message: "Access token expired" } },
  forbidden: { error: { ...xrmError(FORBIDDEN) } },
  offline: { error: { status: 0, message: "Failed to fetch" } },
  invalid: { body: linkedBody({ Url: FO_URL.replace(/^https:/, "http:") }) },
  failed: { error: { ...xrmError(SERVER_ERROR) } },
} satisfies Record<string, ServerAnswer>;

export interface FakeXrm extends XrmPort {
  /** Execute calls made through Xrm.WebApi.online. */
  readonly requests: object[];
  /** Global notifications now on the app bar, by the id the platform gave them. */
  readonly globalNotifications: Map<string, GlobalNotificationPort>;
  readonly openedUrls: string[];
  readonly alerts: Array<{ text: string; title?: string }>;
  /** What the next execute calls answer; a function lets a test hold the answer back. */
  answer: ServerAnswer | (() => Promise<unknown>);
  /** What `getGlobalContext().client.isOffline()` says (the mobile app's offline mode). */
  offline: boolean;
  /** How often the script asked `client.isOffline()`. */
  offlineChecks: number;
}

let userCounter = 0;

/** The committed RESX web resources of the form script, named as the solution ships them. */
export function formScriptResx(): ResxWebResource[] {
  const dir = join(__dirname, "../../webresources/strings");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".resx"))
    .map((file) => ({
      name: `fol_/finopslink/strings/${file}`,
      languageCode: Number(/\.(\d+)\.resx$/.exec(file)?.[1]),
      strings: Object.fromEntries(parseResx(readFileSync(join(dir, file), "utf8"))),
    }));
}

/** A fresh fake Xrm; every instance has its own user id, so the core's cache and single flight never cross tests. */
export function fakeXrm(answer: ServerAnswer | (() => Promise<unknown>) = ANSWERS.linked, languageId = 1033): FakeXrm {
  userCounter += 1;
  const userId = `{00000000-0000-0000-0000-${String(userCounter).padStart(12, "0")}}`;
  let globalCounter = 0;
  const xrm: FakeXrm = {
    requests: [],
    globalNotifications: new Map(),
    openedUrls: [],
    alerts: [],
    answer,
    offline: false,
    offlineChecks: 0,
    WebApi: {
      online: {
        execute: (request: object) => {
          xrm.requests.push(request);
          const current = xrm.answer;
          if (typeof current === "function") return current();
          if ("error" in current) return Promise.reject(current.error);
          return Promise.resolve({ ok: true, status: 200, statusText: "OK", json: async () => current.body });
        },
      },
    },
    Utility: {
      getGlobalContext: () => ({
        getClientUrl: () => "https://org.crm.dynamics.com",
        userSettings: { userId, languageId },
        client: {
          isOffline: () => {
            xrm.offlineChecks += 1;
            return xrm.offline;
          },
        },
      }),
      // As the platform does it for form.js: its declared RESX dependencies, the user's language, then base 1033.
      getResourceString: resourceStringReader(formScriptResx(), languageId, 1033),
    },
    App: {
      addGlobalNotification: async (notification) => {
        globalCounter += 1;
        const id = `global-${globalCounter}`;
        xrm.globalNotifications.set(id, notification);
        return id;
      },
      clearGlobalNotification: async (id) => {
        xrm.globalNotifications.delete(id);
        return id;
      },
    },
    Navigation: {
      openUrl: (url) => void xrm.openedUrls.push(url),
      openAlertDialog: async (strings) => {
        xrm.alerts.push(strings);
        return { confirmed: true };
      },
    },
  };
  return xrm;
}

/** Lets queued promise callbacks (the core's chain of awaits) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
