import { certificateProblem, clockHint } from "../../cli/auth/localCauses";

describe("local sign-in causes", () => {
  const now = Date.parse("2026-12-07T12:00:00Z");
  it("a certificate in its validity has no problem; an expired one and a future one are named", () => {
    const valid = { validFrom: "Jan  1 00:00:00 2026 GMT", validTo: "Jan  1 00:00:00 2027 GMT" };
    expect(certificateProblem("a.pem", valid, now)).toBeUndefined();
    expect(certificateProblem("a.pem", { ...valid, validTo: "Dec  1 00:00:00 2026 GMT" }, now)).toBe(
      "the certificate in a.pem expired on 2026-12-01T00:00:00.000Z: make a new one and upload it to the app registration (Certificates & secrets)",
    );
    expect(certificateProblem("a.pem", { ...valid, validFrom: "Dec 24 00:00:00 2026 GMT" }, now)).toMatch(
      /valid only from 2026-12-24T00:00:00\.000Z; this computer's clock says 2026-12-07T12:00:00\.000Z/,
    );
  });
  it("only Entra's time-range errors are the clock's", () => {
    expect(clockHint("AADSTS700024: Client assertion is not within its valid time range.", now)).toMatch(/clock/);
    expect(clockHint("AADSTS500133: Assertion is not within its valid time range.", now)).toMatch(/clock/);
    expect(clockHint("AADSTS7000215: Invalid client secret provided.", now)).toBeUndefined();
  });
});
