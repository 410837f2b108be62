/**
 * The readiness audit's pure parts: the admin list's setup and capacity fields, the licensing API's answer, the CSP
 * columns, the record link a form's XML turns on, and the readiness findings.
 */
import { databaseMB, readinessOf, toMB } from "../../cli/check/adminReadiness";
import { cspOf } from "../../cli/check/csp";
import { findingsFor, notCheckedReason } from "../../cli/check/findings";
import type { EnvironmentReport } from "../../cli/check/report";
import { isCloudHosted, setupFailed } from "../../cli/check/setupState";
import { freeWords, parseTenantCapacity, type TenantCapacityReport } from "../../cli/check/tenantCapacity";
import { recordLinkTableOf } from "../../cli/doctor/recordLinkForms";

describe("the admin list's readiness fields", () => {
  it("reads provisioningState, states.management.id and capacity[] (MB; ratedConsumption is not added)", () => {
    const view = readinessOf({
      provisioningState: "LinkedDatabaseFailed",
      states: { management: { id: "Running" }, runtime: { id: "Enabled" } },
      capacity: [
        {
          capacityType: "Database",
          actualConsumption: 812.5,
          ratedConsumption: 900,
          capacityUnit: "MB",
          updatedOn: "x",
        },
        { capacityType: "File", actualConsumption: 2, capacityUnit: "GB" },
        { actualConsumption: 5 },
        "junk",
      ],
    });
    expect(view).toEqual({
      provisioningState: "LinkedDatabaseFailed",
      managementState: "Running",
      capacity: [
        { type: "Database", actual: 812.5, unit: "MB", updatedOn: "x" },
        { type: "File", actual: 2, unit: "GB", updatedOn: null },
      ],
    });
    expect(databaseMB(view.capacity)).toBe(812.5);
    expect(toMB(2, "GB")).toBe(2048);
  });

  it("missing or hostile fields are null, never a guess", () => {
    expect(readinessOf({ capacity: "lots", states: null, provisioningState: 3 })).toEqual({
      provisioningState: null,
      managementState: null,
      capacity: null,
    });
    expect(databaseMB(null)).toBeNull();
    expect(databaseMB([{ type: "Database", actual: null, unit: null, updatedOn: null }])).toBeNull();
  });

  it("setup states: in progress and busy are not checked; any value ending in Failed is a failed setup", () => {
    const view = (provisioningState: string | null, managementState: string | null = null) =>
      ({
        environmentId: "e",
        sku: "Sandbox",
        tenantId: "t",
        runtimeState: "Enabled",
        instanceState: "Ready",
        linkedApp: null,
        provisioningState,
        managementState,
        capacity: null,
      }) as const;
    expect(notCheckedReason(view("LinkedDatabaseProvisioning"))).toBe("setupInProgress");
    expect(notCheckedReason(view("Succeeded", "Running"))).toBe("busy");
    expect(notCheckedReason(view("Succeeded", "Ready"))).toBeNull();
    expect(setupFailed(view("LinkedDatabaseFailed"))).toBe(true);
    expect(setupFailed(view("ProvisioningFailed"))).toBe(true);
    expect(setupFailed(view("Succeeded"))).toBe(false);
    expect(isCloudHosted("https://x1234devaos.cloudax.dynamics.com")).toBe(true);
    expect(isCloudHosted("https://x.axcloud.dynamics.com/")).toBe(true);
    // A host as DNS compares it (core/inputs.ts): upper case and the root's trailing dot are the same host.
    expect(isCloudHosted("https://X1234DEVAOS.CloudAx.Dynamics.com./")).toBe(true);
    expect(isCloudHosted("https://cloudax.dynamics.com.evil.example")).toBe(false);
    expect(isCloudHosted("not a url")).toBe(false);
  });
});

describe("the licensing API's tenant capacity", () => {
  it("free = totalCapacity − consumption.actual, per type, in MB; the summary's status words", () => {
    const report = parseTenantCapacity({
      tenantCapacities: [
        {
          capacityType: "Database",
          capacityUnits: "MB",
          totalCapacity: 10240,
          consumption: { actual: 9600, rated: 9999 },
          status: "Available",
        },
        { capacityType: "FinOpsFile", capacityUnits: "GB", totalCapacity: 100, consumption: { actual: 110 } },
        { capacityType: "Log", totalCapacity: "a lot" },
        { totalCapacity: 1 },
      ],
      capacitySummary: { status: "Overage", statusMessageCode: "x", finOpsStatus: "Overage", other: "ignored" },
    });
    expect(report).toEqual({
      checked: true,
      capacities: [
        { type: "Database", totalMB: 10240, actualMB: 9600, freeMB: 640, status: "Available" },
        { type: "FinOpsFile", totalMB: 102400, actualMB: 112640, freeMB: -10240, status: null },
        { type: "Log", totalMB: null, actualMB: null, freeMB: null, status: null },
      ],
      summary: { status: "Overage", statusMessageCode: "x", finOpsStatus: "Overage" },
    });
    expect(freeWords(640)).toBe("640 MB free");
    expect(freeWords(-10240)).toBe("10.0 GB over");
  });

  it("an answer without tenantCapacities could not be checked (a failure, not a permission)", () => {
    expect(parseTenantCapacity({ value: [] })).toMatchObject({ checked: false, failed: true });
    expect(parseTenantCapacity(null)).toMatchObject({ checked: false, failed: true });
  });
});

describe("the content security policy from the organization row", () => {
  it.each([
    ["off", { iscontentsecuritypolicyenabled: false, contentsecuritypolicyconfiguration: null }],
    ["enforced", { iscontentsecuritypolicyenabled: true, contentsecuritypolicyconfiguration: '{"directives":{}}' }],
    ["reportOnly", { iscontentsecuritypolicyenabled: true, contentsecuritypolicyconfiguration: '{"reportOnly":true}' }],
    ["reportOnly", { iscontentsecuritypolicyenabled: true, contentsecuritypolicyconfiguration: '{"Enforce":false}' }],
    [
      "reportOnly",
      { iscontentsecuritypolicyenabled: false, contentsecuritypolicyconfiguration: '{"ReportOnly":true}' },
    ],
    ["strict", { iscontentsecuritypolicyenabled: true, isstrictcontentsecuritypolicyenabled: true }],
    ["strict", { iscontentsecuritypolicyenabled: true, contentsecuritypolicyconfiguration: '{"strictMode":true}' }],
    ["enforced", { iscontentsecuritypolicyenabled: true, contentsecuritypolicyconfiguration: "not json" }],
    ["off", {}],
  ] as const)("%s: %j", (mode, row) => {
    expect(cspOf(row as Record<string, unknown>).mode).toBe(mode);
  });

  it("keeps only the model-driven CSP columns, none of the row's other keys", () => {
    const { columns } = cspOf({
      iscontentsecuritypolicyenabled: true,
      iscontentsecuritypolicyenabledforcanvas: true,
      name: "org",
      ["__proto__"]: { polluted: true },
      "contentsecuritypolicyconfiguration@OData.Community.Display.V1.FormattedValue": "x",
    });
    expect(Object.keys(columns)).toEqual(["iscontentsecuritypolicyenabled"]);
  });
});

describe("the record link a form's XML turns on", () => {
  const control = (parameters: string) =>
    `<form><controlDescriptions><controlDescription forControl="{1}"><customControl name="fol_FinOpsLink.LinkedEnvironment" formFactor="0"><parameters>${parameters}</parameters></customControl></controlDescription></controlDescriptions></form>`;
  const script = (options: string) =>
    `<form><events><event name="onload"><Handlers><Handler functionName="FinOpsLink.Form.onLoad" libraryName="fol_/finopslink/form.js" parameters="${options}" /></Handlers></event></events></form>`;

  it("the control's parameters: matchRow with its table; on an account form the Customers V3 preset", () => {
    expect(
      recordLinkTableOf(
        control(
          '<recordLink type="Enum">matchRow</recordLink><recordTable>mserp_vendvendorv2entity</recordTable><recordMatch>mserp_vendoraccountnumber=accountnumber</recordMatch>',
        ),
        "account",
      ),
    ).toBe("mserp_vendvendorv2entity");
    expect(recordLinkTableOf(control("<recordLink>matchRow</recordLink>"), "account")).toBe(
      "mserp_custcustomerv3entity",
    );
    expect(recordLinkTableOf(control("<recordLink>off</recordLink>"), "account")).toBeNull();
    expect(recordLinkTableOf(control(""), "account")).toBeNull();
  });

  it("the form script's onLoad options (JSON in the handler's parameters); thisRow is the form's own table", () => {
    expect(recordLinkTableOf(script("{&quot;recordLink&quot;:&quot;matchRow&quot;}"), "account")).toBe(
      "mserp_custcustomerv3entity",
    );
    expect(
      recordLinkTableOf(script("{&quot;recordLink&quot;:&quot;thisRow&quot;}"), "mserp_custcustomerv3entity"),
    ).toBe("mserp_custcustomerv3entity");
    expect(recordLinkTableOf(script("not json"), "account")).toBeNull();
  });

  it("a maker's mistake or hostile text is no table (nothing reaches the metadata query)", () => {
    expect(
      recordLinkTableOf(control("<recordLink>matchRow</recordLink><recordTable>x' or 1 eq 1</recordTable>"), "contact"),
    ).toBeNull();
    expect(recordLinkTableOf("<form><unclosed>", "account")).toBeNull();
    expect(recordLinkTableOf("", null)).toBeNull();
  });
});

describe("readiness findings", () => {
  const env = (name: string, more: Partial<EnvironmentReport>, admin: Record<string, unknown> = {}) =>
    ({
      url: `https://${name}.crm.dynamics.com`,
      name,
      state: "notLinked",
      financeAndOperations: null,
      erpUrl: null,
      solution: null,
      error: null,
      answer: null,
      parts: null,
      findings: [],
      elapsedMs: 0,
      adminCenter: {
        compared: true,
        environmentId: name,
        sku: "Sandbox",
        tenantId: "t",
        runtimeState: "Enabled",
        instanceState: "Ready",
        linkedApp: { type: "Linked", id: `fno-${name}`, url: `https://${name}.sandbox.operations.dynamics.com` },
        provisioningState: "Succeeded",
        managementState: "Ready",
        capacity: null,
        ...admin,
      },
      ...more,
    }) as EnvironmentReport;
  const tenant = (databaseFreeMB: number): TenantCapacityReport => ({
    checked: true,
    capacities: [
      { type: "Database", totalMB: 10240, actualMB: 10240 - databaseFreeMB, freeMB: databaseFreeMB, status: null },
    ],
    summary: {},
  });

  it("capacityShort only with an environment waiting for setup; exactly 1 GB free is enough", () => {
    const waiting = env("initial", { state: "noDataverse", url: null });
    expect(findingsFor([waiting], tenant(1023)).map((f) => f.code)).toEqual(["capacityShort", "noDataverse"]);
    expect(findingsFor([waiting], tenant(1024)).map((f) => f.code)).toEqual(["noDataverse"]);
    expect(findingsFor([env("linked", { state: "linked" })], tenant(10)).map((f) => f.code)).not.toContain(
      "capacityShort",
    );
    // Not checked: no figures, no capacity finding.
    expect(findingsFor([waiting], { checked: false, reason: "403", failed: false }).map((f) => f.code)).toEqual([
      "noDataverse",
    ]);
  });

  it("not linked with the admin center's link: setupIncomplete, or cloudHostedNotLinked for a cloud-hosted host; a failed setup says setupFailed alone", () => {
    expect(findingsFor([env("a", {})]).map((f) => f.code)).toEqual(["setupIncomplete"]);
    const onebox = env("b", {}, { linkedApp: { type: "Linked", id: "d", url: "https://b1234.cloudax.dynamics.com" } });
    expect(findingsFor([onebox]).map((f) => [f.code, f.nextStep])).toEqual([
      ["cloudHostedNotLinked", expect.stringMatching(/only while it is deployed/)],
    ]);
    expect(findingsFor([env("c", {}, { provisioningState: "LinkedDatabaseFailed" })]).map((f) => f.code)).toEqual([
      "setupFailed",
    ]);
    expect(findingsFor([env("d", {}, { linkedApp: null })])).toEqual([]);
  });
});
