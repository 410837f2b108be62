/**
 * Sign-in problems whose cause is on this computer, named as such (issue 23, kind 6): never "refused by Entra".
 * Pure functions; their callers are cli/auth/credentials.ts and cli/auth/msal.ts.
 */

/**
 * Why a certificate cannot sign a client assertion now, or undefined when it can: expired, or not yet valid (which
 * usually means this computer's clock is wrong). Entra refuses an assertion signed with an expired certificate
 * (AADSTS700027). `validFrom`/`validTo` as Node's X509Certificate gives them; `now` in ms.
 */
export function certificateProblem(
  path: string,
  validity: { validFrom: string; validTo: string },
  now: number,
): string | undefined {
  const from = Date.parse(validity.validFrom);
  const to = Date.parse(validity.validTo);
  if (Number.isFinite(to) && now > to)
    return `the certificate in ${path} expired on ${new Date(to).toISOString()}: make a new one and upload it to the app registration (Certificates & secrets)`;
  if (Number.isFinite(from) && now < from)
    return `the certificate in ${path} is valid only from ${new Date(from).toISOString()}; this computer's clock says ${new Date(now).toISOString()}: is the clock right?`;
  return undefined;
}

/**
 * Entra's errors whose cause is this computer's clock (a client assertion or device-code poll outside its time
 * window): AADSTS700024 "Client assertion is not within its valid time range", AADSTS500133 "Assertion is not within
 * its valid time range". The words to add, or undefined.
 */
export function clockHint(aadsts: string, now: number): string | undefined {
  return /^AADSTS(700024|500133):/.test(aadsts)
    ? `this is this computer's clock (${new Date(now).toISOString()}), not the sign-in: set it right (NTP) and run again`
    : undefined;
}
