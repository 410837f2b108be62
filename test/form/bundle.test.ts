/** @jest-environment node */
import { existsSync, readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { FORM_SCRIPT, buildFormScript } from "../../webresources/build";
import { ANSWERS, executionContextOf, fakeForm, fakeXrm, flush } from "./fakes";
import { FO_URL } from "../fixtures/dataverse";
import { LANGUAGES } from "../../core/strings/languages";
import { coreStrings } from "../../core/strings/words";
import { FORM_ENGLISH, formStrings } from "../../webresources/strings/form.strings";

/** The shipped script, evaluated the way a browser frame does: one classic script in a fresh global. */
let script = "";

beforeAll(async () => {
  if (!existsSync(FORM_SCRIPT)) await buildFormScript();
  script = readFileSync(FORM_SCRIPT, "utf8");
}, 60_000);

interface FormApi {
  onLoad(executionContext: unknown, options?: unknown): unknown;
  openFinOps(primaryControl?: unknown): Promise<void>;
}
type Sandbox = Record<string, unknown> & { FinOpsLink?: { Form?: FormApi; Other?: unknown } };

function freshFrame(globals: Record<string, unknown> = {}): Sandbox {
  // What a browser frame always has and the core uses (URL parsing); Xrm comes per test.
  return createContext({ console, setTimeout, clearTimeout, URL, ...globals }) as Sandbox;
}

describe("out/webresources/form.js", () => {
  it("defines FinOpsLink.Form and keeps the members another library put in FinOpsLink", () => {
    const other = { hello: () => "still here" };
    const frame = freshFrame();
    runInContext("var FinOpsLink = { Other: null };", frame);
    (frame.FinOpsLink as { Other: unknown }).Other = other;
    runInContext(script, frame, { filename: "form.js" });
    expect(typeof frame.FinOpsLink?.Form?.onLoad).toBe("function");
    expect(typeof frame.FinOpsLink?.Form?.openFinOps).toBe("function");
    expect(frame.FinOpsLink?.Other).toBe(other);
    // Reachable by name from the frame's global scope, as the form's handler lookup does it.
    expect(runInContext("typeof FinOpsLink.Form.onLoad", frame)).toBe("function");
  });

  it("works when no FinOpsLink exists yet, and when a loader evaluates it inside a function", () => {
    const plain = freshFrame();
    runInContext(script, plain);
    expect(runInContext("typeof FinOpsLink.Form.onLoad", plain)).toBe("function");

    const wrapped = freshFrame({ FinOpsLink: { Other: 1 } });
    runInContext(`(function () {\n${script}\n})();`, wrapped);
    expect(runInContext("typeof FinOpsLink.Form.openFinOps + FinOpsLink.Other", wrapped)).toBe("function1");
  });

  it("loading it twice keeps one working namespace", () => {
    const frame = freshFrame();
    runInContext(script, frame);
    const first = frame.FinOpsLink;
    runInContext(script, frame);
    expect(frame.FinOpsLink).toBe(first);
    expect(typeof frame.FinOpsLink?.Form?.onLoad).toBe("function");
  });

  it("the bundled onLoad returns at once and shows the link through the frame's Xrm", async () => {
    const xrm = fakeXrm(ANSWERS.linked);
    const frame = freshFrame({ Xrm: xrm });
    runInContext(script, frame);
    const form = fakeForm();
    expect(frame.FinOpsLink?.Form?.onLoad(executionContextOf(form), '{"notify":"always"}')).toBeUndefined();
    await flush();
    expect(xrm.requests).toHaveLength(1);
    expect(form.notifications.get("finopslink.status")?.message).toContain(FO_URL);
    await frame.FinOpsLink?.Form?.openFinOps({});
    expect(xrm.openedUrls).toEqual([FO_URL]);
  });

  it("is one plain script: no module loader, no control strings", () => {
    expect(script).not.toMatch(/\brequire\(|^\s*import\s|^\s*export\s|define\.amd/m);
    expect(script).not.toContain("Control_");
    expect(script).toContain("Form_OptionUnknown");
  });

  it("carries only the English fallback: every other language comes from the RESX web resources", () => {
    expect(script).toContain(FORM_ENGLISH.Form_OptionsProblem);
    expect(script).toContain(coreStrings.en.Result_NotLinked);
    for (const { tag } of LANGUAGES.filter((language) => language.tag !== "en")) {
      expect([tag, script.includes(coreStrings[tag].Result_NotLinked)]).toEqual([tag, false]);
      expect([tag, script.includes(formStrings[tag].Form_OptionsProblem.replace("{0}", ""))]).toEqual([tag, false]);
    }
  });
});
