/**
 * The record link: from the Dataverse row on the form to the same record in finance and operations, through the
 * Dataverse virtual table that mirrors it (Microsoft's "Create deep links", System entity navigation). Pure: settings
 * (the maker's text, checked), query (OData options, values only as literals), url (the SysEntityNavigation link),
 * find (the lookup, behind the RecordApi port), describe (the words). Shared by the control and the form script.
 */
export { parseRecordSettings, CUSTOMERS_V3_PRESET, EXAMPLES as RECORD_SETTING_EXAMPLES } from "./settings";
export type { RawRecordSettings, RecordSettings, ActiveRecordSettings, RecordSettingName } from "./settings";
export { findRecord, type FindRecordOptions, type RecordApi, type Thenable } from "./find";
export type { RecordResult, RecordResultKind, RecordFailure } from "./result";
export { buildRecordLink, ENTITY_NAVIGATION_MI, type RecordTarget } from "./url";
export { describeRecord, describeSettingsProblem, recordLinkText } from "./describe";
export { ENABLE_VIRTUAL_ENTITIES_ARTICLE_URL, isCompanyCode } from "./names";
export { odataStringLiteral, matchQuery, thisRowQuery } from "./query";
