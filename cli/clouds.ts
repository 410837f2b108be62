/**
 * Where each Microsoft cloud signs in, lists environments, reads capacity and hosts Dataverse. `--cloud` picks one;
 * `--authority`, `--admin-api` and `--power-platform-api` override single values (the tests point them at the
 * emulator). The Power Platform API hosts are Microsoft's per cloud (its "Power Platform API" authentication page);
 * its token is asked for the host itself (`<host>/.default`).
 */
export interface Cloud {
  /** Microsoft Entra sign-in host. */
  authority: string;
  /** Power Platform admin API (BAP) base. */
  adminApi: string;
  /** The resource a token for the admin API is asked for. */
  adminResource: string;
  /** Power Platform API base (licensing: the tenant's capacity). */
  powerPlatformApi: string;
  /** The resource a token for the Power Platform API is asked for. */
  powerPlatformResource: string;
  /** `--env contoso` means `https://contoso.<dataverseDomain>`. */
  dataverseDomain: string;
}

export const CLOUDS = {
  public: {
    authority: "https://login.microsoftonline.com",
    adminApi: "https://api.bap.microsoft.com",
    adminResource: "https://service.powerapps.com/",
    powerPlatformApi: "https://api.powerplatform.com",
    powerPlatformResource: "https://api.powerplatform.com",
    dataverseDomain: "crm.dynamics.com",
  },
  usgov: {
    authority: "https://login.microsoftonline.com",
    adminApi: "https://gov.api.bap.microsoft.us",
    adminResource: "https://gov.service.powerapps.us/",
    powerPlatformApi: "https://api.gov.powerplatform.microsoft.us",
    powerPlatformResource: "https://api.gov.powerplatform.microsoft.us",
    dataverseDomain: "crm9.dynamics.com",
  },
  usgovhigh: {
    authority: "https://login.microsoftonline.us",
    adminApi: "https://high.api.bap.microsoft.us",
    adminResource: "https://high.service.powerapps.us/",
    powerPlatformApi: "https://api.high.powerplatform.microsoft.us",
    powerPlatformResource: "https://api.high.powerplatform.microsoft.us",
    dataverseDomain: "crm.microsoftdynamics.us",
  },
  dod: {
    authority: "https://login.microsoftonline.us",
    adminApi: "https://api.bap.appsplatform.us",
    adminResource: "https://service.apps.appsplatform.us/",
    powerPlatformApi: "https://api.appsplatform.us",
    powerPlatformResource: "https://api.appsplatform.us",
    dataverseDomain: "crm.appsplatform.us",
  },
  china: {
    authority: "https://login.chinacloudapi.cn",
    adminApi: "https://api.bap.partner.microsoftonline.cn",
    adminResource: "https://service.powerapps.cn/",
    powerPlatformApi: "https://api.powerplatform.partner.microsoftonline.cn",
    powerPlatformResource: "https://api.powerplatform.partner.microsoftonline.cn",
    dataverseDomain: "crm.dynamics.cn",
  },
} as const satisfies Record<string, Cloud>;

export type CloudName = keyof typeof CLOUDS;

export function isCloudName(value: string): value is CloudName {
  return Object.prototype.hasOwnProperty.call(CLOUDS, value);
}
