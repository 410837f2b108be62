import type { FetchLike, StorageLike, WebApiLike } from "../../core";
import { ENVIRONMENT_ID, fetchResponse, linkedBody as sharedLinkedBody, TENANT } from "../fixtures/dataverse";

/** The shared fixtures in the casing the core must normalise: TenantId upper case, Id braced upper case. */
export const TENANT_UPPER = TENANT.toUpperCase();
export const ENVIRONMENT_ID_BRACED = `{${ENVIRONMENT_ID.toUpperCase()}}`;

/** What Dataverse answers for a linked environment, with the GUIDs in the casing above. */
export function linkedBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sharedLinkedBody({ TenantId: TENANT_UPPER, Id: ENVIRONMENT_ID_BRACED, ...overrides });
}

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

/** A fetch mock answering with the given status and body. */
export function fetchReturning(status: number, body: unknown): jest.Mock<ReturnType<FetchLike>, Parameters<FetchLike>> {
  return jest.fn(async (_input: string, _init?: Parameters<FetchLike>[1]) => fetchResponse(status, body));
}

/** A fake Xrm.WebApi whose execute answers with a fetch-like Response (success) or rejects (error). */
export function webApiResolving(body: unknown): WebApiLike & { online: { execute: jest.Mock } } {
  return { online: { execute: jest.fn(async () => fetchResponse(200, body)) } };
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
