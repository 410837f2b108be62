import { isBusy, saysBusy, untilNotBusy } from "../../cli/import/busy";
import { readJobData } from "../../cli/import/importJob";
import { holdingRefusal, importCommandFor, saysHoldingExists, shellWord } from "../../cli/import/lifeCycle";
import type { HttpAnswer } from "../../cli/http";

const answer = (status: number, body: unknown): HttpAnswer => ({
  status,
  ok: status < 300,
  statusText: "",
  text: typeof body === "string" ? body : JSON.stringify(body),
  headers: new Headers(),
});

describe("busy", () => {
  it.each([
    [answer(400, { error: { code: "0x80071151", message: "anything" } }), true],
    [
      answer(400, {
        error: {
          code: "0x80040216",
          message: "Cannot start another [Import] because there is a previous [Import] running at this moment.",
        },
      }),
      true,
    ],
    [answer(400, { error: { code: "0x80048d0b", message: "not linked" } }), false],
    [answer(500, { error: { code: "0x80071151" } }), false],
    [answer(400, "<html>proxy</html>"), false],
    [answer(204, ""), false],
  ])("isBusy %#", (given, busy) => expect(isBusy(given)).toBe(busy));

  it("saysBusy reads an async operation's words", () => {
    expect(
      saysBusy(
        "Cannot start the requested operation [Publish] because there is another [Import] running at this moment.",
      ),
    ).toBe(true);
    expect(saysBusy("Holding solution FinOpsLink_Upgrade already exists.")).toBe(false);
  });

  it("untilNotBusy asks again until free, never past the deadline, and says the first busy answer once", async () => {
    const answers = [
      answer(400, { error: { code: "0x80071151" } }),
      answer(400, { error: { code: "0x80071151" } }),
      answer(204, ""),
    ];
    const waits: number[] = [];
    let said = 0;
    const result = await untilNotBusy(async () => answers.shift()!, {
      deadline: Date.now() + 60_000,
      pollMs: 5000,
      sleep: async (ms) => void waits.push(ms),
      onBusy: () => said++,
    });
    expect(result).toMatchObject({ busy: false, answer: { status: 204 } });
    expect(waits).toEqual([5000, 5000]);
    expect(said).toBe(1);
    const stuck = await untilNotBusy(async () => answer(400, { error: { code: "0x80071151" } }), {
      deadline: Date.now() - 1,
      pollMs: 5000,
      sleep: async () => undefined,
    });
    expect(stuck.busy).toBe(true);
  });
});

describe("the import job's data XML", () => {
  it("a failure's text is the error; warnings and component failures are notes with their component", () => {
    const result = readJobData(
      '<importexportxml><solutionManifests><solutionManifest><result result="failure" errorcode="0x80048033" errortext="Solution manifest import: FAILURE: Holding solution FinOpsLink_Upgrade already exists." /></solutionManifest></solutionManifests><entities><entity name="Account"><result result="warning" errortext="Ribbon skipped" /></entity></entities></importexportxml>',
    );
    expect(result.error).toBe("Solution manifest import: FAILURE: Holding solution FinOpsLink_Upgrade already exists.");
    expect(result.notes).toEqual([
      "warning: Account: Ribbon skipped",
      "failed: Solution manifest import: FAILURE: Holding solution FinOpsLink_Upgrade already exists.",
    ]);
  });
  it("the older shape (attributes on the component's own element) and success only", () => {
    expect(
      readJobData(
        '<importexportxml><workflows><workflow result="warning" errorcode="0x80048028" errortext="W1">wf</workflow></workflows></importexportxml>',
      ).notes,
    ).toEqual(["warning: wf: W1"]);
    expect(
      readJobData('<importexportxml><result result="success" errorcode="0" errortext="" /></importexportxml>'),
    ).toEqual({ notes: [] });
  });
});

describe("life-cycle words", () => {
  it("shellWord quotes what a shell would split, for POSIX shells and PowerShell", () => {
    expect(shellWord("/tmp/FinOpsLink_1.0.0_managed.zip")).toBe("/tmp/FinOpsLink_1.0.0_managed.zip");
    expect(shellWord("C:\\Users\\Ann Lee\\It's.zip")).toBe("'C:\\Users\\Ann Lee\\It''s.zip'");
    expect(importCommandFor("https://contoso.crm.dynamics.com", { path: "a b.zip", managed: false })).toBe(
      "finops-link import --env https://contoso.crm.dynamics.com --unmanaged --zip 'a b.zip'",
    );
  });
  it("a holding solution's refusal names both ways out", () => {
    const words = holdingRefusal("https://contoso.crm.dynamics.com", "1.0.1.0", { version: "1.0.2.0", managed: true });
    expect(words).toContain("FinOpsLink_1.0.1.0_managed.zip");
    expect(words).toContain(
      "pac solution delete --solution-name FinOpsLink_Upgrade --environment https://contoso.crm.dynamics.com",
    );
    expect(
      saysHoldingExists("Solution manifest import: FAILURE: Holding solution FinOpsLink_Upgrade already exists."),
    ).toBe(true);
  });
});
