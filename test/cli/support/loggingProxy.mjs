// A real HTTP proxy (npm `proxy`, the one behind the proxy-agents packages) on 127.0.0.1 for the CLI's proxy tests
// (`--negotiate`: one that asks for a Windows sign-in).
// It prints its port, then one JSON line per request it handles (a CONNECT tunnel or a plain request). Host names
// ending in .proxied.test resolve to 127.0.0.1 here and nowhere else: a command line that does not use the proxy
// cannot reach them.
import dns from "node:dns";
import process from "node:process";
import http from "node:http";
import { createProxy } from "proxy";

const realLookup = dns.lookup;
dns.lookup = (hostname, options, callback) => {
  const done = typeof options === "function" ? options : callback;
  const all = typeof options === "object" && options !== null && options.all === true;
  if (/\.proxied\.test$/i.test(hostname)) {
    process.nextTick(() => (all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
    return;
  }
  return realLookup(hostname, options, callback);
};

const server = createProxy(http.createServer());
// `--negotiate`: every request and CONNECT is answered 407 with `Proxy-Authenticate: Negotiate`, as a proxy that signs
// users in with Windows (Kerberos/NTLM) does (npm `proxy`'s own "negotiate" mode).
if (process.argv.includes("--negotiate")) server.authenticate = "negotiate";
const log = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);
server.on("request", (request) => log({ method: request.method, target: request.url }));
server.on("connect", (request) => log({ method: "CONNECT", target: request.url }));
server.listen(0, "127.0.0.1", () => log({ port: server.address().port }));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
