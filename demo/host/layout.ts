import type { DemoConfig } from "./config";
import type { FormLayout } from "./formModel";

/** The emulated record: an account form with a summary tab (the controls) and a finance and operations tab. */
export function formLayout(config: DemoConfig): FormLayout {
  const instances = config.control?.instances ?? [];
  return {
    entityName: "account",
    recordId: "{7D1E2A3B-4C5D-4E6F-8091-A2B3C4D5E6F7}",
    attributes: [
      { name: "name", label: "Account name", value: "Contoso Ltd" },
      // The column a maker binds the control to (and form scripts may fill), on the form even without the control.
      ...[...new Set(["fol_finopsurl", ...instances.map((i) => i.boundAttribute)])].map((name) => ({
        name,
        label: name,
        value: null,
      })),
    ],
    tabs: [
      {
        name: "summary",
        label: "Summary",
        sections: [
          ["finops_section", "Finance and operations"],
          ["details_section", "Details"],
        ],
      },
      { name: "finops_tab", label: "Finance and operations", sections: [["finops_tab_section", "Linked environment"]] },
    ],
    controls: [
      { name: "name", label: "Account name", attribute: "name" },
      ...instances.map((i) => ({ name: i.id, label: i.label, attribute: i.boundAttribute })),
    ],
  };
}
