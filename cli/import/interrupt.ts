/** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/**
 * Ctrl-C during `import`: Dataverse goes on with an import it has started, whatever the command line does, so the
 * admin is told which async operation is running where, and that running the same command again follows it
 * (cli/import/inProgress.ts) rather than starting a second. `running` maps an environment's name to what runs there
 * once it is known (`async operation <id>`, or `import job <id>` when following one). Returns the function that
 * removes the handler.
 */
export function sayWhatGoesOnAfterCtrlC(
  running: ReadonlyMap<string, string | undefined>,
  write: (line: string) => void,
  exit: (code: number) => void,
): () => void {
  const handler = () => {
    for (const [name, id] of running) {
      write(
        id === undefined
          ? `${name}: stopped before an import started`
          : `${name}: stopped waiting; the import goes on in Dataverse (${id}); run the same command again to follow it`,
      );
    }
    if (running.size === 0) write("stopped: no import had started");
    exit(EXIT_INTERRUPTED);
  };
  process.once("SIGINT", handler);
  return () => process.removeListener("SIGINT", handler);
}
