import { LANGUAGES } from "../../core/strings/languages";
import { LINKED } from "../../test/fixtures/dataverse";
import { DEFAULT_SCENARIO, isScenario, type Scenario } from "../emulator/scenarios";
import { isRecordCase, RECORD_CASES, type RecordCaseName } from "../emulator/recordCases";
import { CONTROL_WEB_APIS, type ControlInstanceConfig, type ControlWebApi, type DemoConfig } from "../host/config";
import type { ShippedSolution } from "../package/readSolution";

export const FORM_SCRIPT_NAME = "fol_/finopslink/form.js";
export const MAX_CONTROLS = 6;

/** The designer settings the gallery shows side by side when several controls are on the form. */
const LAYOUTS_BY_POSITION = ["card", "compact", "linkOnly"];

export interface PageQuery {
  scenario: Scenario;
  /** `record=`: the record link's demo case (the form's row and the controls' record settings). */
  record: RecordCaseName;
  delayMs?: number;
  lcid: number;
  theme: "light" | "dark";
  controls: number;
  script: boolean;
  offline: boolean;
  disabled: boolean;
  /** `webapi=`: what the control's context offers as webAPI.execute (default: the runtime's execute). */
  controlWebApi: ControlWebApi;
  /** `resx=none`: the control's host loads no resx (an unshipped language, a player): getString answers the key. */
  noResx: boolean;
  formOptions: unknown;
  rawFormOptions: string;
  order: "together" | "scriptFirst";
  /** `prop.<name>=a,b,c`: designer values per control instance (the last repeats). */
  props: Record<string, string[]>;
}

function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return value === "1" || value === "true" || value === "on";
}

/** The page's query string, with safe defaults for anything missing or malformed. */
export function parsePageQuery(params: URLSearchParams): PageQuery {
  const scenario = params.get("scenario");
  const lcid = Number(params.get("lang") ?? 1033);
  const controls = Number(params.get("controls") ?? 3);
  const delay = Number(params.get("delay"));
  let formOptions: unknown;
  const rawOptions = params.get("formOptions");
  if (rawOptions) {
    try {
      formOptions = JSON.parse(rawOptions);
    } catch {
      formOptions = rawOptions;
    }
  }
  const props: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key.startsWith("prop.")) props[key.slice(5)] = value.split(",");
  }
  return {
    scenario: isScenario(scenario) ? scenario : DEFAULT_SCENARIO,
    record: isRecordCase(params.get("record")) ? (params.get("record") as RecordCaseName) : "off",
    delayMs: Number.isFinite(delay) && delay >= 0 && params.has("delay") ? Math.min(delay, 60_000) : undefined,
    lcid: LANGUAGES.some((l) => l.lcid === lcid) ? lcid : 1033,
    theme: params.get("theme") === "dark" ? "dark" : "light",
    controls: Number.isInteger(controls) ? Math.max(0, Math.min(MAX_CONTROLS, controls)) : 3,
    // The picker sends a hidden script=0 before the checkbox's script=1: the last value wins.
    script: flag(params.getAll("script").pop() ?? null, true),
    offline: flag(params.get("offline"), false),
    disabled: flag(params.get("disabled"), false),
    controlWebApi: CONTROL_WEB_APIS.find((value) => value === params.get("webapi")) ?? "execute",
    noResx: params.get("resx") === "none",
    formOptions,
    rawFormOptions: rawOptions ?? "",
    order: params.get("order") === "scriptFirst" ? "scriptFirst" : "together",
    props,
  };
}

function instances(query: PageQuery): ControlInstanceConfig[] {
  return Array.from({ length: query.controls }, (_, i) => {
    const params: Record<string, string> = { ...RECORD_CASES[query.record].settings };
    if (query.controls > 1 && !query.props.layout) params.layout = LAYOUTS_BY_POSITION[i % LAYOUTS_BY_POSITION.length];
    for (const [name, values] of Object.entries(query.props)) params[name] = values[Math.min(i, values.length - 1)];
    return {
      id: `control-${i + 1}`,
      label: `Finance and operations ${i + 1}`,
      boundAttribute: "fol_finopsurl",
      params,
    };
  });
}

/** Builds what the page needs from the query and the shipped solution (never from the sources). */
export function buildDemoConfig(
  query: PageQuery,
  solution: ShippedSolution | undefined,
  problems: string[],
): DemoConfig {
  const language = LANGUAGES.find((l) => l.lcid === query.lcid) ?? LANGUAGES[0];
  const shipped =
    solution?.controls.find((c) => c.manifest.constructorName === "LinkedEnvironment") ?? solution?.controls[0];
  const script =
    solution?.webResources.find((w) => w.name === FORM_SCRIPT_NAME) ??
    solution?.webResources.find((w) => w.name.endsWith(".js"));
  if (solution && !shipped) problems.push("The solution has no control.");
  if (solution && !script) problems.push(`The solution has no ${FORM_SCRIPT_NAME} web resource.`);
  return {
    scenario: query.scenario,
    lcid: language.lcid,
    orgLanguageId: 1033,
    languageTag: language.tag,
    rtl: language.rtl,
    theme: query.theme,
    offline: query.offline,
    disabled: query.disabled,
    controlWebApi: query.controlWebApi,
    userId: "{9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A}",
    userName: "Alex Wilber",
    expectedEnvironmentId: LINKED.Id,
    control:
      shipped && query.controls > 0
        ? {
            registryName: `${shipped.manifest.namespace}.${shipped.manifest.constructorName}`,
            bundleUrl: `/solution/controls/${shipped.folder.split("/").pop()}/${shipped.manifest.codePath}`,
            properties: shipped.manifest.properties,
            features: { apiVersion: shipped.manifest.apiVersion, featureUsage: shipped.manifest.featureUsage },
            strings: query.noResx ? {} : (shipped.strings.get(language.lcid) ?? shipped.strings.get(1033) ?? {}),
            instances: instances(query),
          }
        : null,
    formScript:
      script && query.script
        ? {
            url: `/solution/webresources/${script.name}`,
            options: query.formOptions,
            resources: script.dependencies.flatMap((name) =>
              (solution?.webResources ?? [])
                .filter((resource) => resource.name === name && resource.strings !== undefined)
                .map((resource) => ({ name, languageCode: resource.languageCode, strings: resource.strings ?? {} })),
            ),
          }
        : null,
    order: query.order,
    record: { name: query.record, ...RECORD_CASES[query.record] },
    problems,
  };
}
