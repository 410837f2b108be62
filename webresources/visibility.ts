import type { OptionProblem } from "./options";
import type { FormPort, SectionPort, TabPort } from "./ports";

/** Tabs and sections named "tab" or "tab.section", and a problem for each name this form lacks. */
export function findTargets(
  form: FormPort,
  names: ReadonlyArray<string> | undefined,
): { targets: Array<TabPort | SectionPort>; problems: OptionProblem[] } {
  const targets: Array<TabPort | SectionPort> = [];
  const problems: OptionProblem[] = [];
  for (const name of names ?? []) {
    const dot = name.indexOf(".");
    const tabName = (dot < 0 ? name : name.slice(0, dot)).trim();
    const sectionName = dot < 0 ? undefined : name.slice(dot + 1).trim();
    const tab = form.ui.tabs?.get(tabName) ?? null;
    const section = tab && sectionName !== undefined ? tab.sections.get(sectionName) : null;
    if (!tab) problems.push({ key: "Form_TabMissing", args: [tabName] });
    else if (sectionName === undefined) targets.push(tab);
    else if (!section) problems.push({ key: "Form_SectionMissing", args: [tabName, sectionName] });
    else targets.push(section);
  }
  return { targets, problems };
}
