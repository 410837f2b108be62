/**
 * The control's own words in English, the only language the bundle carries: its fallback when
 * context.resources.getString gives nothing usable (mapping/translate.ts). control.strings.ts takes its English from
 * here, so each sentence is written once.
 */
export const CONTROL_ENGLISH = {
  Control_Heading: "Finance and operations",
  Control_CopyLabel: "Copy {0}",
  Control_Copied: "Copied",
  Control_CopyFailed: "Couldn't copy. Select the text and copy it.",
  Control_NewTabHint: "(opens in a new tab)",
  Control_LastKnown: "Last known environment",
  Control_StillLoading: "This is taking longer than usual. You can try again.",
  Control_EnableHelp: "How to enable the Power Platform integration",
  Control_ColumnSecured:
    "You don't have permission to view this column, so the finance and operations link isn't shown.",
} as const;
