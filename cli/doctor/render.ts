import { findingLines } from "../output/table";
import { terminalText as t } from "../output/sanitize";
import { solutionWords, STATE_WORDS } from "../output/words";
import { databaseWords, partsWords } from "../output/readiness";
import { CSP_WORDS } from "../check/csp";
import { freeWords } from "../check/tenantCapacity";
import type { DoctorDocument } from "./diagnose";

const LABEL = 14;
const line = (label: string, text: string) => `${label.padEnd(LABEL)}${text}`;
const more = (text: string) => `${"".padEnd(LABEL)}${text}`;

/** `finops-link doctor` for a person: one section per line group, every server string through terminalText. */
export function renderDoctor(d: DoctorDocument): string {
  const out: string[] = [`finops-link doctor: ${t(d.environment.name)} ${t(d.environment.url)}`, ""];
  if ("error" in d.identity) out.push(line("Signed in as", `could not read: ${t(d.identity.error)}`));
  else {
    const who = d.identity;
    const name = [who.fullName, who.userName === null ? null : `<${who.userName}>`].filter((x) => x !== null).join(" ");
    out.push(line("Signed in as", t(name === "" ? "(no name)" : name)));
    out.push(
      more(
        t(
          `user ${who.userId ?? "?"}, business unit ${who.businessUnitId ?? "?"}, organization ${who.organizationId ?? "?"}`,
        ),
      ),
    );
  }
  out.push(
    line(
      "Dataverse",
      "error" in d.organization
        ? `could not read the version: ${t(d.organization.error)}`
        : `version ${t(d.organization.version ?? "?")}`,
    ),
  );
  const c = d.check;
  const fno = c.financeAndOperations;
  if (c.state === "linked" && fno !== null) {
    out.push(line("Link", `linked to ${t(fno.url)}`));
    out.push(more(`F&O environment ${t(fno.environmentId)}, tenant ${t(fno.tenantId)}`));
    for (const [key, value] of Object.entries(fno.extra)) out.push(more(t(`${key}: ${JSON.stringify(value)}`)));
  } else out.push(line("Link", `${STATE_WORDS[c.state]}${c.error === null ? "" : `: ${t(c.error.message)}`}`));
  if (c.answer !== null)
    out.push(
      more(
        `answered ${c.answer.status === null ? "nothing" : `HTTP ${c.answer.status}`} in ${c.answer.ms} ms; service request id ${t(c.answer.serviceRequestId ?? "none")}`,
      ),
    );
  if (c.adminCenter.compared) {
    const a = c.adminCenter;
    out.push(
      line(
        "Admin center",
        t(`${a.sku ?? "?"}, ${a.runtimeState ?? "?"}, instance ${a.instanceState ?? "?"}, tenant ${a.tenantId ?? "?"}`),
      ),
    );
    out.push(
      more(
        a.linkedApp === null
          ? "no F&O link"
          : t(`F&O link ${a.linkedApp.type ?? "?"} ${a.linkedApp.id ?? "?"} ${a.linkedApp.url ?? ""}`.trim()),
      ),
    );
  } else out.push(line("Admin center", `not compared: ${t(c.adminCenter.reason)}`));
  out.push(...readinessSection(d));
  out.push(line("FinOps Link", solutionWords(c) || "not read"));
  if ("error" in d.forms) out.push(line("Forms", `could not read: ${t(d.forms.error)}`));
  else if (d.forms.length === 0) out.push(line("Forms", "none uses the control or the form script"));
  else
    d.forms.forEach((form, i) => {
      const uses = form.uses.map((u) => (u === "control" ? "control" : "form script")).join(", ");
      const link =
        form.recordLink === null
          ? ""
          : `; record link reads ${form.recordLink.table} (${form.recordLink.exists === null ? "not known whether it exists" : form.recordLink.exists ? "exists" : "missing"})`;
      const text = t(`${form.name} (${form.table ?? "?"}): ${uses}${link}`);
      out.push(i === 0 ? line("Forms", text) : more(text));
    });
  if (d.findings.length === 0) out.push(line("Findings", "none"));
  else {
    out.push("Findings");
    for (const f of d.findings) out.push(...findingLines(f));
  }
  out.push(line("Program", `${d.program.name} ${d.program.version} on Node ${d.program.node} (${d.program.platform})`));
  return `${out.join("\n")}\n`;
}

/** Setup state, capacity (the environment's database use, the tenant's free capacity per type) and installed parts. */
function readinessSection(d: DoctorDocument): string[] {
  const out: string[] = [];
  const a = d.check.adminCenter;
  if (a.compared && (a.provisioningState !== null || a.managementState !== null))
    out.push(line("Setup", t(`provisioning ${a.provisioningState ?? "?"}, management ${a.managementState ?? "?"}`)));
  const used = databaseWords(d.check);
  const tenant = d.capacity;
  const tenantWords =
    tenant === undefined
      ? null
      : !tenant.checked
        ? `tenant: not checked (${tenant.reason})`
        : `tenant: ${tenant.capacities
            .filter((c) => c.freeMB !== null)
            .map((c) => `${c.type} ${freeWords(c.freeMB!)}`)
            .join(", ")}`;
  if (used !== "" || tenantWords !== null)
    out.push(
      line("Capacity", t([used === "" ? null : `database ${used}`, tenantWords].filter((x) => x !== null).join("; "))),
    );
  const parts = d.check.parts;
  if (parts !== null) {
    out.push(line("Parts", partsWords(parts)));
    if (!("error" in parts.csp))
      out.push(
        more(
          `CSP ${CSP_WORDS[parts.csp.mode]}: information only (FinOps Link makes no browser request to F&O and uses no eval)`,
        ),
      );
  }
  return out;
}
