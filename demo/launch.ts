/** What `npm start` and `npm run emulator:cli` share: reading a port, and running a server until Ctrl+C. */

/** A port from the command line or the environment: a whole number 0-65535 (0: any free port); throws otherwise. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (value.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Not a port: ${value}`);
  return port;
}

/**
 * Starts a server with `start` (which prints where it listens; undefined when there is nothing to serve, e.g. --help),
 * closes it and exits 0 on SIGINT or SIGTERM, and exits 1 with the error's message when starting fails.
 */
export function launch(start: () => Promise<{ close(): Promise<void> } | undefined>): void {
  start().then(
    (server) => {
      if (server === undefined) return;
      const stop = () => void server.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
