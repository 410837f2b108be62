/**
 * The demo hands the form script only the RESX web resources its DependencyXml declares, as the platform does, so
 * getResourceString in the demo cannot find strings an import would not give the script.
 */
import { unmanagedZipPath } from "../../demo/build/ensureBuilt";
import { readSolution } from "../../demo/package/readSolution";
import { buildDemoConfig, parsePageQuery } from "../../demo/server/pageConfig";
import { resourceStringReader } from "../../demo/host/resourceStrings";
import { ROOT } from "./support/demo";

test("only declared RESX reach the script; an undeclared language falls back to the base language", () => {
  const solution = readSolution(unmanagedZipPath(ROOT));
  const script = solution.webResources.find((w) => w.name === "fol_/finopslink/form.js");
  if (!script) throw new Error("no form.js in the zip");
  const trimmed = {
    ...solution,
    webResources: solution.webResources.map((w) =>
      w === script ? { ...script, dependencies: script.dependencies.filter((name) => !name.includes(".1031.")) } : w,
    ),
  };
  const german = buildDemoConfig(parsePageQuery(new URLSearchParams("lang=1031")), trimmed, []);
  const resources = german.formScript?.resources ?? [];
  expect(resources.map((r) => r.languageCode).sort()).toEqual([1025, 1033, 1036, 1040, 1041, 1043, 1046, 2052, 3082]);
  const read = resourceStringReader(resources, german.lcid, german.orgLanguageId);
  expect(read("fol_/finopslink/strings/FormScript", "Form_Open")).toBe("Open");

  const full = buildDemoConfig(parsePageQuery(new URLSearchParams("lang=1031")), solution, []);
  const all = resourceStringReader(full.formScript?.resources ?? [], full.lcid, full.orgLanguageId);
  expect(all("fol_/finopslink/strings/FormScript", "Form_Open")).toBe("Öffnen");
});
