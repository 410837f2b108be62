import type { DemoConfig } from "./config";
import type { FormLayout } from "./formModel";

/** The emulated record: an account form with a summary tab (the controls) and a finance and operations tab. */
export function formLayout(config: DemoConfig): FormLayout {
  const instances = config.control?.instances ?? [];
  return {
    attributes: [
      { name: "name", value: config.record.row.entityRecordName, format: "text", maxLength: 160, canUpdate: true },
      // The column a maker binds the control to (and form scripts may fill), on the form even without the control:
      // a Single line of text column in the URL format, at Dataverse's default length for new text columns.
      ...[...new Set(["fol_finopsurl", ...instances.map((i) => i.boundAttribute)])].map((name) => ({
        name,
        value: null,
        format: "url",
        maxLength: 100,
        canUpdate: true,
      })),
    ],
    tabs: [
      { name: "summary", sections: ["finops_section", "details_section"] },
      { name: "finops_tab", sections: ["finops_tab_section"] },
    ],
  };
}
