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
