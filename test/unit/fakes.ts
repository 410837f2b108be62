import type { FetchLike, StorageLike, WebApiLike } from "../../core";

export const ORG = "https://contoso.crm.dynamics.com";
export const USER = "{8C4B5E0F-1A2B-4C3D-8E9F-0A1B2C3D4E5F}";
export const TENANT = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";
export const ENV_ID = "{3E1F0C2A-5B6D-4E7F-8091-A2B3C4D5E6F7}";

/** What Dataverse answers for a linked environment (with annotations and extra fields, as community scripts see). */
export function linkedBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "@odata.context": `${ORG}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.RetrieveFinanceAndOperationsIntegrationDetailsResponse`,
    Url: "https://contoso.operations.dynamics.com",
    TenantId: TENANT,
    Id: ENV_ID,
    IsUnifiedDatabase: false,
    OrgLifecycleStatus: "Enabled",
    ...overrides,
  };
}

export const NOT_LINKED_BODY = {
  error: { code: "0x80048d0b", message: "Dataverse instance isn't integrated with finance and operations." },
};

/** sessionStorage stand-in; `fail` makes chosen operations throw, as sandboxed frames and full quotas do. */
export class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  fail: { get?: boolean; set?: boolean; remove?: boolean } = {};
  getItem(key: string): string | null {
    if (this.fail.get) throw new DOMException("The operation is insecure.", "SecurityError");
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.fail.set) throw new DOMException("Quota exceeded", "QuotaExceededError");
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.fail.remove) throw new DOMException("The operation is insecure.", "SecurityError");
    this.data.delete(key);
  }
}

/** A controllable clock; `sleep` advances it instead of waiting. */
export class FakeClock {
  constructor(public time = Date.UTC(2026, 10, 27, 3, 0, 0)) {}
  now = (): number => this.time;
  sleep = async (ms: number): Promise<void> => {
    this.time += ms;
    await Promise.resolve();
  };
  advance(ms: number): void {
    this.time += ms;
  }
}

type FetchResponse = Awaited<ReturnType<FetchLike>>;

export function response(status: number, body: unknown): FetchResponse {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
}

/** A fetch mock answering with the given status and body. */
export function fetchReturning(status: number, body: unknown): jest.Mock<ReturnType<FetchLike>, Parameters<FetchLike>> {
  return jest.fn(async (_input: string, _init?: Parameters<FetchLike>[1]) => response(status, body));
}

/** A fake Xrm.WebApi whose execute answers with a fetch-like Response (success) or rejects (error). */
export function webApiResolving(body: unknown): WebApiLike & { online: { execute: jest.Mock } } {
  return { online: { execute: jest.fn(async () => response(200, body)) } };
}

export function webApiRejecting(error: unknown): WebApiLike & { online: { execute: jest.Mock } } {
  return { online: { execute: jest.fn(async () => Promise.reject(error)) } };
}

/** A promise whose settlement the test controls. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
