/**
 * Where each Microsoft cloud signs in, lists environments and hosts Dataverse. `--cloud` picks one; `--authority`
 * and `--admin-api` override single values (the tests point them at the emulator).
 */
export interface Cloud {
  /** Microsoft Entra sign-in host. */
  authority: string;
  /** Power Platform admin API (BAP) base. */
  adminApi: string;
  /** The resource a token for the admin API is asked for. */
  adminResource: string;
  /** `--env contoso` means `https://contoso.<dataverseDomain>`. */
  dataverseDomain: string;
}

export const CLOUDS = {
  public: {
    authority: "https://login.microsoftonline.com",
    adminApi: "https://api.bap.microsoft.com",
    adminResource: "https://service.powerapps.com/",
    dataverseDomain: "crm.dynamics.com",
  },
  usgov: {
    authority: "https://login.microsoftonline.com",
    adminApi: "https://gov.api.bap.microsoft.us",
    adminResource: "https://gov.service.powerapps.us/",
    dataverseDomain: "crm9.dynamics.com",
  },
  usgovhigh: {
    authority: "https://login.microsoftonline.us",
    adminApi: "https://high.api.bap.microsoft.us",
    adminResource: "https://high.service.powerapps.us/",
    dataverseDomain: "crm.microsoftdynamics.us",
  },
  dod: {
    authority: "https://login.microsoftonline.us",
    adminApi: "https://api.bap.appsplatform.us",
    adminResource: "https://service.apps.appsplatform.us/",
    dataverseDomain: "crm.appsplatform.us",
  },
  china: {
    authority: "https://login.chinacloudapi.cn",
    adminApi: "https://api.bap.partner.microsoftonline.cn",
    adminResource: "https://service.powerapps.cn/",
    dataverseDomain: "crm.dynamics.cn",
  },
} as const satisfies Record<string, Cloud>;

export type CloudName = keyof typeof CLOUDS;

export function isCloudName(value: string): value is CloudName {
  return Object.prototype.hasOwnProperty.call(CLOUDS, value);
}
