import { cacheMinutesOrDefault, type RawRecordSettings } from "../../../core";
import type { IInputs } from "../generated/ManifestTypes";

export type Layout = "card" | "compact" | "linkOnly";

/** The maker's choices from the form designer, with the manifest's defaults applied when a value is missing. */
export interface ControlSettings {
  layout: Layout;
  showTenantId: boolean;
  showEnvironmentId: boolean;
  /** Replaces the heading (card, compact) or the link text (link only); undefined when blank. */
  label?: string;
  openInNewTab: boolean;
  /** Deep link parts (`cmp`, `mi`); undefined when blank. */
  legalEntity?: string;
  menuItem?: string;
  cacheMinutes: number;
  writeUrlToColumn: boolean;
  /** The record link's properties as the maker typed them (core/record/settings.ts checks them). */
  record: RawRecordSettings;
}

/** The settings that shape what the view shows (the rest steer the request and the column). */
export type DisplaySettings = Omit<ControlSettings, "cacheMinutes" | "writeUrlToColumn" | "record">;

const LAYOUTS: readonly Layout[] = ["card", "compact", "linkOnly"];

function text(property: { raw: string | null } | undefined): string | undefined {
  const value = property?.raw?.trim();
  return value ? value : undefined;
}

/** Reads the input properties. The host may leave unset properties null (or omit them in old forms). */
export function readSettings(parameters: IInputs): ControlSettings {
  const layout = parameters.layout?.raw;
  return {
    layout: layout && LAYOUTS.includes(layout) ? layout : "card",
    showTenantId: parameters.showTenantId?.raw !== "no",
    showEnvironmentId: parameters.showEnvironmentId?.raw !== "no",
    label: text(parameters.label),
    openInNewTab: parameters.openIn?.raw !== "sameTab",
    legalEntity: text(parameters.legalEntity),
    menuItem: text(parameters.menuItem),
    cacheMinutes: cacheMinutesOrDefault(parameters.cacheMinutes?.raw),
    writeUrlToColumn: parameters.writeUrlToColumn?.raw === "yes",
    record: {
      recordLink: parameters.recordLink?.raw,
      recordTable: parameters.recordTable?.raw,
      recordMatch: parameters.recordMatch?.raw,
      recordCompany: parameters.recordCompany?.raw,
    },
  };
}
