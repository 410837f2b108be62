import type { GetDetailsOptions, RequestOptions, WebApiLike } from "../core";

/**
 * The slices of the Client API the form script touches. `Xrm`, `formContext` and the execution context satisfy them,
 * and tests hand in small typed fakes. Every piece is optional where a host (an old client, a dialog, a test page)
 * may lack it: the script checks before it calls, so a missing piece never throws into the form.
 */
/** What Xrm's asynchronous calls return: Xrm.Async.PromiseLike (whose `then` refuses null handlers, so it is not a
 * standard PromiseLike) or a real Promise. */
export interface Thenable<T> {
  then(onFulfilled: (value: T) => unknown, onRejected: (reason: unknown) => unknown): unknown;
}

export interface AttributePort {
  getAttributeType(): string;
  /** String attributes: "text", "textarea", "url", "email", "phone" or "tickersymbol". */
  getFormat?(): string | null;
  /** Whether this user may change the column (field security and the record's write privilege). */
  getUserPrivilege(): { canUpdate: boolean };
  /** String and memo attributes: the most characters the column holds. */
  getMaxLength?(): number;
  getValue(): unknown;
  setValue(value: string | null): void;
}

export interface SectionPort {
  setVisible(visible: boolean): void;
}

export interface TabPort {
  setVisible(visible: boolean): void;
  sections: { get(name: string): SectionPort | null };
}

export interface FormPort {
  getAttribute(name: string): AttributePort | null;
  /**
   * The row: its table, its id (empty on a new row), its primary name; addOnPostSave (Unified Interface) and
   * data.addOnLoad (every data load, a save's included) tell when a save changed them.
   */
  data?: {
    entity: {
      getEntityName(): string;
      getId(): string;
      getPrimaryAttributeValue?(): string | null;
      addOnPostSave?(handler: (context: unknown) => void): void;
    };
    addOnLoad?(handler: (context: unknown) => void): void;
  };
  ui: {
    setFormNotification(message: string, level: Xrm.FormNotificationLevel, uniqueId: string): boolean;
    clearFormNotification(uniqueId: string): boolean;
    getFormType?(): number;
    tabs?: { get(name: string): TabPort | null };
  };
}

export interface ExecutionContextPort {
  getFormContext(): FormPort;
}

export interface GlobalNotificationPort {
  level: Xrm.AppNotificationLevel;
  message: string;
  type: number;
  showCloseButton?: boolean;
  action?: { actionLabel?: string; eventHandler?: () => void };
}

export interface GlobalContextPort {
  getClientUrl(): string;
  userSettings: { userId: string; languageId: number };
  /** The app's offline flag (the mobile app's offline mode); older hosts lack it. */
  client?: { isOffline?(): boolean };
}

export interface XrmPort {
  WebApi?: {
    online: { execute(request: object): Thenable<unknown> };
    /** The record link's reads (options strings start with `?`; retrieveMultipleRecords gives `{ entities }`). */
    retrieveRecord?(table: string, id: string, options: string): Thenable<unknown>;
    retrieveMultipleRecords?(table: string, options: string): Thenable<unknown>;
  };
  Utility?: {
    /** A table's metadata; the record link reads its EntitySetName. */
    getEntityMetadata?(table: string, attributes?: string[]): Thenable<unknown>;
    getGlobalContext(): GlobalContextPort;
    /** Text from the RESX web resources this script declares as dependencies; see texts.ts for its failure modes. */
    getResourceString?(webResourceName: string, key: string): string | null;
  };
  App?: {
    addGlobalNotification(notification: GlobalNotificationPort): Thenable<string>;
    clearGlobalNotification(uniqueId: string): Thenable<unknown>;
  };
  Navigation?: {
    openUrl(url: string): void;
    openAlertDialog(strings: { text: string; title?: string; confirmButtonLabel?: string }): Thenable<unknown>;
    openConfirmDialog?(strings: {
      text: string;
      title?: string;
      confirmButtonLabel?: string;
    }): Thenable<{ confirmed?: boolean } | undefined>;
  };
}

/** The page's `Xrm`, or undefined where the script runs without one (never a ReferenceError). */
export function pageXrm(): XrmPort | undefined {
  return typeof Xrm === "undefined" ? undefined : Xrm;
}

/** Xrm.WebApi as the core's WebApiLike: each execute call becomes a real Promise. */
export function toWebApiLike(webApi: NonNullable<XrmPort["WebApi"]>): WebApiLike {
  return {
    online: {
      execute: (request) =>
        new Promise<unknown>((resolve, reject) => void webApi.online.execute(request).then(resolve, reject)),
    },
  };
}

/**
 * Whose request it is and whether to send it, from the page's global context: organization URL and user id (the
 * cache key) and the app's offline flag. Shared by the link check and the record link, so both stay quiet offline.
 */
export function requestOf(globalContext: GlobalContextPort): Pick<RequestOptions, "orgUrl" | "userId" | "isOffline"> {
  return {
    orgUrl: globalContext.getClientUrl(),
    userId: globalContext.userSettings.userId,
    // Read each time the core asks; a host without the flag is online, and the core treats a flag that throws so.
    isOffline: () => globalContext.client?.isOffline?.() === true,
  };
}

/** The link check's request from the page: requestOf, through Xrm.WebApi where the page has it. */
export function linkRequest(xrm: XrmPort | undefined, globalContext: GlobalContextPort): GetDetailsOptions {
  return { ...requestOf(globalContext), ...(xrm?.WebApi ? { webApi: toWebApiLike(xrm.WebApi) } : {}) };
}
