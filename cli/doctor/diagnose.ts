import { bearerFor, failedSignInsKept, type TokenSource } from "../auth/tokenSource";
import { dataOnly } from "../check/checkEnvironment";
import { findingsFor, type Finding } from "../check/findings";
import type { EnvironmentReport } from "../check/report";
import { runCheck, type AdminSource } from "../check/runCheck";
import { oneLine } from "../failures";
import type { HttpClient } from "../http";
import { httpWords } from "../check/solutionRow";
import { resourceOf } from "../check/checkEnvironment";

/** What the form designer puts in a form's XML for each deliverable (solution/src, pcf/…/ControlManifest). */
export const FORM_MARKERS = { control: "FinOpsLink.LinkedEnvironment", script: "fol_/finopslink/form.js" } as const;

type Section<T> = T | { error: string };

/** `finops-link doctor --json`: one environment in depth for a support ticket. No token or secret in it. */
export interface DoctorDocument {
  environment: { name: string; url: string };
  /** WhoAmI, and the user's name from `systemusers`. */
  identity: Section<{
    userId: string | null;
    businessUnitId: string | null;
    organizationId: string | null;
    fullName: string | null;
    userName: string | null;
  }>;
  /** RetrieveVersion: the org's version. */
  organization: Section<{ version: string | null }>;
  /** The link as `check` reports it: Dataverse's answer (status, service request id, time), the admin center, the solution. */
  check: EnvironmentReport;
  /** Model-driven forms (systemforms) whose XML names the control or the form script. */
  forms: Section<Array<{ id: string | null; name: string; table: string | null; uses: Array<"control" | "script"> }>>;
  findings: Finding[];
  program: { name: "finops-link"; version: string; node: string; platform: string };
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * Diagnoses one environment: the link check (with the admin center's view when `admin` is set), then WhoAmI,
 * `systemusers(<id>)`, RetrieveVersion and `systemforms`, each section on its own (a refused read is that section's
 * error, never the run's). Never throws for a server's answer.
 */
export async function diagnose(
  target: { url: string },
  options: {
    http: HttpClient;
    tokens: TokenSource;
    admin: AdminSource | null;
    dataverseDomain: string;
    version: string;
  },
): Promise<DoctorDocument> {
  // The check's sign-in is the sections' too: one that failed is not asked a second (or third) time.
  const tokens = failedSignInsKept(options.tokens);
  const {
    environments: [check],
  } = await runCheck(
    { kind: "urls", urls: [target.url], admin: options.admin, dataverseDomain: options.dataverseDomain },
    {
      http: options.http,
      tokens,
      concurrency: 1,
      progress: () => ({ tick: () => {}, grow: () => {}, stop: () => {} }),
    },
  );
  const findings = findingsFor([check]);
  const program = {
    name: "finops-link" as const,
    version: options.version,
    node: process.version,
    platform: process.platform,
  };
  const base = `${target.url}/api/data/v9.2`;
  const connection = options.http.scoped();
  try {
    const token = bearerFor(tokens, resourceOf(target.url)); // refreshed before it expires, and after a 401
    try {
      await token.token();
    } catch (error) {
      const failed = { error: `no token: ${oneLine(error)}` };
      return {
        environment: { name: check.name, url: target.url },
        identity: failed,
        organization: failed,
        check,
        forms: failed,
        findings,
        program,
      };
    }
    const read = async (path: string): Promise<Record<string, unknown>> => {
      let answer;
      try {
        answer = await connection.send(`${base}/${path}`, { token });
      } catch (error) {
        throw new Error(oneLine(error));
      }
      if (!answer.ok) throw new Error(httpWords(answer.status, answer.text));
      try {
        return dataOnly(JSON.parse(answer.text) as Record<string, unknown>);
      } catch {
        throw new Error(`HTTP ${answer.status}: not JSON`);
      }
    };
    const section = async <T>(work: () => Promise<T>): Promise<Section<T>> => {
      try {
        return await work();
      } catch (error) {
        return { error: oneLine(error) };
      }
    };
    const identity = await section(async () => {
      const who = await read("WhoAmI()");
      const userId = str(who.UserId);
      let user: Record<string, unknown> = {};
      if (userId !== null && /^[0-9a-f-]{36}$/i.test(userId))
        user = await read(`systemusers(${userId})?$select=fullname,domainname`).catch(() => ({}));
      return {
        userId,
        businessUnitId: str(who.BusinessUnitId),
        organizationId: str(who.OrganizationId),
        fullName: str(user.fullname),
        userName: str(user.domainname),
      };
    });
    const organization = await section(async () => ({ version: str((await read("RetrieveVersion()")).Version) }));
    const forms = await section(async () => {
      const found = new Map<
        string,
        { id: string | null; name: string; table: string | null; uses: Array<"control" | "script"> }
      >();
      for (const use of ["control", "script"] as const) {
        const query = new URLSearchParams({
          $select: "formid,name,objecttypecode",
          $filter: `contains(formxml,'${FORM_MARKERS[use]}')`,
        });
        const rows = (await read(`systemforms?${query.toString().replace(/\+/g, "%20")}`)).value;
        for (const row of Array.isArray(rows) ? (rows as Array<Record<string, unknown>>) : []) {
          const id = str(row.formid);
          const key = id ?? `${String(row.name)}:${String(row.objecttypecode)}`;
          const form = found.get(key) ?? {
            id,
            name: str(row.name) ?? "(unnamed)",
            table: str(row.objecttypecode),
            uses: [],
          };
          form.uses.push(use);
          found.set(key, form);
        }
      }
      return [...found.values()];
    });
    return {
      environment: { name: check.name, url: target.url },
      identity,
      organization,
      check,
      forms,
      findings,
      program,
    };
  } finally {
    await connection.close();
  }
}
