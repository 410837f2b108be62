// The emulated tenant moved to demo/server/cli/ (split by role); this path stays for the tests that import it.
export * from "./cli";
