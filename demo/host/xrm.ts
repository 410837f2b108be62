import type { DemoConfig } from "./config";
import type { DemoHostApi } from "./hostApi";

/** What `Xrm.WebApi.online.execute` rejects with on the platform: the Dataverse code as an unsigned decimal. */
export interface PlatformError {
  errorCode?: number;
  code?: number;
  message: string;
  title?: string;
  raw?: string;
  innerror?: unknown;
}

interface RequestMetadata {
  boundParameter: unknown;
  operationType: number;
  operationName: string;
}

function metadataOf(request: object): RequestMetadata | undefined {
  const getMetadata = (request as { getMetadata?: () => RequestMetadata }).getMetadata;
  return typeof getMetadata === "function" ? getMetadata.call(request) : undefined;
}

/** Reads a failed Dataverse response into the error object the platform rejects with. */
async function platformError(response: Response): Promise<PlatformError> {
  const raw = await response.text();
  let body: { error?: { code?: unknown; message?: unknown; innererror?: unknown } } | undefined;
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    body = undefined;
  }
  const hex = typeof body?.error?.code === "string" ? body.error.code : undefined;
  const errorCode = hex && /^0x[0-9a-f]+$/i.test(hex) ? Number.parseInt(hex, 16) >>> 0 : undefined;
  const message =
    typeof body?.error?.message === "string" ? body.error.message : `${response.status} ${response.statusText}`.trim();
  return { errorCode, code: errorCode, message, title: response.statusText, raw, innerror: body?.error?.innererror };
}

/**
 * The `Xrm` a form script sees in Unified Interface, for the frame it runs in: WebApi.online.execute really calls the
 * emulated Dataverse over HTTP; forms, notifications and navigation go to the form page that hosts the frame.
 */
export function createXrm(win: Window, config: DemoConfig, host: DemoHostApi): object {
  const execute = async (request: object): Promise<Response> => {
    const metadata = metadataOf(request);
    if (!metadata || metadata.operationType !== 1 || metadata.boundParameter !== null) {
      throw {
        errorCode: 0x80040203,
        message: "The demo host emulates unbound functions only.",
      } satisfies PlatformError;
    }
    host.log("Xrm.WebApi.online.execute", metadata.operationName);
    // Network failures reject with what fetch threw, as the platform's transport does.
    const response = await win.fetch(`/api/data/v9.1/${encodeURIComponent(metadata.operationName)}()`, {
      method: "GET",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "OData-MaxVersion": "4.0",
        "OData-Version": "4.0",
        "x-demo-caller": "Xrm.WebApi",
      },
    });
    if (response.ok) return response;
    throw await platformError(response);
  };

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
      languageId: 1033,
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
    WebApi: { online: { execute, executeMultiple: () => Promise.reject(new Error("not emulated")) } },
    Utility: {
      getGlobalContext: () => globalContext,
      showProgressIndicator: () => undefined,
      closeProgressIndicator: () => undefined,
    },
    App: {
      addGlobalNotification: (notification: { level?: number; message?: string; type?: number }) => {
        const id = `global-${++globalNotificationSeq}`;
        host.globalNotifications.push({
          id,
          level: String(notification.level ?? 4),
          message: String(notification.message ?? ""),
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
        host.openedUrls.push(url);
        host.log("Xrm.Navigation.openUrl", url);
        host.rerender();
      },
      openAlertDialog: (alert: { text?: string }) => {
        host.log("Xrm.Navigation.openAlertDialog", String(alert?.text ?? ""));
        return Promise.resolve();
      },
    },
  };
}
