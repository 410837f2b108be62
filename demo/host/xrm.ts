import type { DemoConfig } from "./config";
import type { DemoHostApi } from "./hostApi";
import { CALLERS, createExecute } from "./webApiExecute";
import { resourceStringReader } from "./resourceStrings";
import { createRecordCalls } from "./webApiRecords";

/**
 * The `Xrm` a form script sees in Unified Interface, for the frame it runs in: WebApi.online.execute really calls the
 * emulated Dataverse over HTTP; forms, notifications and navigation go to the form page that hosts the frame.
 */
export function createXrm(win: Window, config: DemoConfig, host: DemoHostApi): object {
  const execute = createExecute(
    (url, init) => win.fetch(url, init),
    CALLERS.formScript,
    (_caller, operation) => host.log("Xrm.WebApi.online.execute", operation),
    { bodyUsed: config.controlWebApi === "bodyUsed" },
  );

  const records = createRecordCalls(
    (url, init) => win.fetch(url, init),
    CALLERS.formScript,
    (call, text) => host.log(`Xrm.WebApi.${call}`, text),
  );

  const globalContext = {
    getClientUrl: () => win.location.origin,
    getVersion: () => "9.2.25000.0",
    getCurrentAppUrl: () => `${win.location.origin}/main.aspx?appid=00000000-0000-0000-0000-000000000001`,
    userSettings: {
      userId: config.userId,
      userName: config.userName,
      languageId: config.lcid,
      isRTL: config.rtl,
      roles: { get: () => [] },
      securityRoles: [] as string[],
    },
    organizationSettings: {
      languageId: config.orgLanguageId,
      uniqueName: "contoso",
      organizationId: "{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}",
    },
    client: {
      getClient: () => "Web",
      getClientState: () => (config.offline ? "Offline" : "Online"),
      getFormFactor: () => 1,
      isOffline: () => config.offline,
    },
  };

  let globalNotificationSeq = 0;
  return {
    WebApi: {
      online: { execute, executeMultiple: () => Promise.reject(new Error("not emulated")) },
      retrieveRecord: records.retrieveRecord,
      retrieveMultipleRecords: records.retrieveMultipleRecords,
    },
    Utility: {
      getEntityMetadata: records.getEntityMetadata,
      getGlobalContext: () => globalContext,
      getResourceString: resourceStringReader(config.formScript?.resources ?? [], config.lcid, config.orgLanguageId),
      showProgressIndicator: () => undefined,
      closeProgressIndicator: () => undefined,
    },
    App: {
      addGlobalNotification: (notification: {
        level?: number;
        message?: string;
        type?: number;
        action?: { actionLabel?: string; eventHandler?: () => void };
      }) => {
        const id = `global-${++globalNotificationSeq}`;
        const action = notification.action;
        host.globalNotifications.push({
          id,
          level: String(notification.level ?? 4),
          message: String(notification.message ?? ""),
          ...(action?.actionLabel && action.eventHandler
            ? { actionLabel: String(action.actionLabel), runAction: action.eventHandler }
            : {}),
        });
        host.log("Xrm.App.addGlobalNotification", String(notification.message ?? ""));
        host.rerender();
        return Promise.resolve(id);
      },
      clearGlobalNotification: (id: string) => {
        const i = host.globalNotifications.findIndex((n) => n.id === id);
        if (i >= 0) host.globalNotifications.splice(i, 1);
        host.rerender();
        return Promise.resolve();
      },
    },
    Navigation: {
      openUrl: (url: string) => {
        // A browser opens a window only while the click's transient activation lasts (the click was in the top page).
        const activation = (win.top ?? win).navigator.userActivation;
        if (activation !== undefined && !activation.isActive) {
          host.log("Xrm.Navigation.openUrl blocked", url);
          return;
        }
        host.openedUrls.push(url);
        host.log("Xrm.Navigation.openUrl", url);
        host.rerender();
      },
      // A real dialog on the form page: its button is a click of the user's own.
      openConfirmDialog: (strings: { text?: string; title?: string; confirmButtonLabel?: string }) => {
        host.log("Xrm.Navigation.openConfirmDialog", String(strings?.text ?? ""));
        const doc = (win.top ?? win).document;
        const dialog = doc.createElement("dialog");
        dialog.id = "confirm-dialog";
        const text = doc.createElement("p");
        text.textContent = String(strings?.text ?? "");
        const ok = doc.createElement("button");
        ok.textContent = String(strings?.confirmButtonLabel ?? "OK");
        const cancel = doc.createElement("button");
        cancel.textContent = "Cancel";
        dialog.append(text, ok, cancel);
        doc.body.append(dialog);
        dialog.showModal();
        return new Promise<{ confirmed: boolean }>((resolve) => {
          const close = (confirmed: boolean) => () => {
            dialog.remove();
            resolve({ confirmed });
          };
          ok.addEventListener("click", close(true));
          cancel.addEventListener("click", close(false));
        });
      },
      openAlertDialog: (alert: { text?: string }) => {
        host.log("Xrm.Navigation.openAlertDialog", String(alert?.text ?? ""));
        return Promise.resolve();
      },
    },
  };
}
