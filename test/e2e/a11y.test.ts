/**
 * axe-core (wcag2a, wcag2aa) on the form in every state the control and form script can show, in light and dark,
 * English and Arabic (right-to-left): no serious or critical violation.
 */
import { getString } from "../../scripts/stringSets";
import { LINKED } from "../fixtures/dataverse";
import { describeViolations, seriousViolations } from "./support/axe";
import { openForm, useHarness, waitForControlText, waitForHost, type FormQuery } from "./support/demo";

jest.setTimeout(60_000);

const harness = useHarness();

type Key = Parameters<typeof getString>[1];

/** Each visible state, the scenario that produces it and the words that say it is on screen. */
const STATES: Array<{ state: string; query: FormQuery; shows: Key | "id" }> = [
  { state: "linked (card, compact, link only)", query: { scenario: "linked", controls: 3 }, shows: "id" },
  { state: "loading", query: { scenario: "slow", delay: 20_000, controls: 1 }, shows: "Result_Loading" },
  { state: "not linked", query: { scenario: "notLinked" }, shows: "Result_NotLinked" },
  { state: "no permission", query: { scenario: "forbidden" }, shows: "Result_Forbidden" },
  { state: "signed out", query: { scenario: "unauthorized" }, shows: "Result_Unauthorized" },
  { state: "failed", query: { scenario: "serverError" }, shows: "Result_Failed" },
  { state: "offline", query: { scenario: "network" }, shows: "Result_Offline" },
  { state: "invalid", query: { scenario: "javascriptUrl" }, shows: "Result_Invalid" },
];

/** Every state in every look: theme changes colours (contrast), language changes text and direction (layout). */
const LOOKS = [
  { theme: "light", lang: 1033 },
  { theme: "dark", lang: 1033 },
  { theme: "light", lang: 1025 },
  { theme: "dark", lang: 1025 },
] as const;

const CASES = STATES.flatMap((s) =>
  LOOKS.map((look) => ({ ...s, ...look, name: `${s.state}, ${look.theme}, ${look.lang === 1025 ? "ar" : "en"}` })),
);

it.each(CASES)("$name", async ({ query, shows, theme, lang }) => {
  const { page } = await harness.newPage();
  const slow = query.scenario === "slow";
  await openForm(page, harness.server.url, { ...query, theme, lang, script: !slow, formOptions: { notify: "always" } });
  await waitForControlText(page, shows === "id" ? LINKED.Id : getString(lang, shows));
  if (!slow) await waitForHost(page, "formNotifications");
  expect(describeViolations(await seriousViolations(page))).toEqual([]);
});
