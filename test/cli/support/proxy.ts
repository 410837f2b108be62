import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface LoggingProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request the proxy handled: CONNECT host:port, or the method and absolute URL. */
  log: Array<{ method: string; target: string }>;
  close(): Promise<void>;
}

/**
 * Starts test/cli/support/loggingProxy.mjs (npm `proxy`) in its own process and collects its log; `negotiate`: it
 * answers every request 407 with `Proxy-Authenticate: Negotiate`.
 */
export function startLoggingProxy(options: { negotiate?: boolean } = {}): Promise<LoggingProxy> {
  const args = [join(__dirname, "loggingProxy.mjs"), ...(options.negotiate === true ? ["--negotiate"] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const log: LoggingProxy["log"] = [];
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const entry = JSON.parse(line) as { port?: number; method?: string; target?: string };
      if (entry.port !== undefined) {
        resolve({
          url: `http://127.0.0.1:${entry.port}`,
          log,
          close: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      } else log.push({ method: entry.method ?? "?", target: entry.target ?? "?" });
    });
  });
}
