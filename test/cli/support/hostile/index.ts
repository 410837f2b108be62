/**
 * A hostile (and failing) test server for the command line's network, sign-in and import faults, beside the emulated
 * tenant (demo/server/cli/): each test composes the routes it needs, on 127.0.0.1, over http or https (with a
 * certificate made for the test, so the proxy tests can use names only the proxy resolves). Every request is recorded
 * with its body, so a test can prove what reached which server, a secret in a form included.
 * By role: server.ts (serve, the routes' types), replies.ts (JSON, bearer), tokens.ts (the token book, test JWTs, 401),
 * entra.ts (token and device-code endpoints), dataverse.ts (the Web API: link, solution, imports), adminList.ts.
 */
export { serve, type Exchange, type Route, type Served, type ServeOptions } from "./server";
export { bearerOf, json } from "./replies";
export { refuseUnlessValid, testJwt, TokenBook } from "./tokens";
export { entra, verifyCertificateAssertion, type EntraOptions } from "./entra";
export { dataverse, finOpsLinkOf, type DataverseState, type FinOpsLink } from "./dataverse";
export { adminList } from "./adminList";
