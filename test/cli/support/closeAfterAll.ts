import type { EnvironmentSpec } from "../../../demo/emulator/environments";
import { startCliEmulator, type CliEmulator, type CliEmulatorOptions } from "../../../demo/server/cli";

/** Something a test starts and must stop: a hostile test server, an emulated tenant. */
interface Closable {
  close(): Promise<void>;
}

/**
 * Returns `started(promise)`: awaits a server (or emulator) as it starts and closes it after the file's tests
 * (registers one jest `afterAll`). Call at the top level of a test file.
 */
export function closeAfterAll<T extends Closable>(): (starting: Promise<T>) => Promise<T> {
  const running: T[] = [];
  afterAll(() => Promise.all(running.map((s) => s.close())));
  return async (starting) => {
    const s = await starting;
    running.push(s);
    return s;
  };
}

/**
 * Returns `tenant(environments, pageSize?, more?)`: an emulated tenant (demo/server/cli/) on 127.0.0.1 with those
 * environments, its admin list `pageSize` to a page (and `more` options: the tenant's capacity), closed after the
 * file's tests. Call at the top level.
 */
export function emulatedTenants(): (
  environments: ReadonlyArray<EnvironmentSpec>,
  pageSize?: number,
  more?: Omit<CliEmulatorOptions, "environments" | "pageSize">,
) => Promise<CliEmulator> {
  const started = closeAfterAll<CliEmulator>();
  return (environments, pageSize, more) => started(startCliEmulator({ ...more, environments, pageSize }));
}
