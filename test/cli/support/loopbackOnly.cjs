// Preloaded into the CLI under test (node --require): any fetch or DNS lookup beyond loopback is refused and reported
// on stderr, so a test proves that sign-in (MSAL) and every check stay on 127.0.0.1.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const dns = require("node:dns");

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/;
const report = (what) => process.stderr.write(`LOOPBACK VIOLATION: ${what}\n`);

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!LOOPBACK.test(url.hostname)) {
    report(url.href);
    return Promise.reject(new TypeError("fetch failed", { cause: { code: "ELOOPBACKONLY" } }));
  }
  return realFetch(input, init);
};

const realLookup = dns.lookup;
dns.lookup = (hostname, ...rest) => {
  if (LOOPBACK.test(hostname)) return realLookup(hostname, ...rest);
  report(`dns ${hostname}`);
  const callback = rest[rest.length - 1];
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
  process.nextTick(() => callback(error));
};
