// The page reads links as the model does (tests/cases/links.json, shared with
// tests/model/test_model_links.py), and says truly what it did with each part.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanText, parseLink, readLink, writeLink } from "../../../explorer/static/link.mjs";
import { checkSettings, defaultsFor } from "../../../explorer/static/settings.mjs";
import { linkText, loadCases, loadRegistry } from "./support.mjs";

const registry = loadRegistry();
const cases = loadCases("links");

function asPageReads(part, prefix) {
  const { values, refused } = checkSettings(registry, part.settings);
  return { scenario: part.scenario ?? registry.default_preset, accepted: values, refused: refused.map((r) => prefix + r.key) };
}

for (const c of cases) {
  test(`shared case: ${c.about || linkText(c.link).slice(0, 40)}`, () => {
    const link = readLink(linkText(c.link), registry);
    const shown = asPageReads(link.shown, "");
    let refused = [...shown.refused, ...link.problems.filter((p) => p.reason !== "cut").map((p) => p.key)];
    if (link.pinned) {
      const pinned = asPageReads(link.pinned, "a.");
      refused = [...refused, ...pinned.refused];
      assert.deepEqual({ scenario: pinned.scenario, accepted: pinned.accepted }, c.pinned);
    } else assert.equal(c.pinned, undefined);
    assert.equal(shown.scenario, c.scenario);
    assert.deepEqual(shown.accepted, c.accepted);
    assert.deepEqual(refused.sort(), [...c.refused].sort());
    assert.deepEqual(link.page, c.page ?? {});
    assert.equal(link.problems.filter((p) => p.reason === "cut").reduce((n, p) => n + Number(p.value), 0), c.cut ?? 0);
  });
}

const textsOf = (fragment) => parseLink(fragment, registry).problems.map((p) => p.text);

test("each refused value is named, with what was used instead", () => {
  assert.deepEqual(textsOf("#scenario=falling-lac&uasc=abc&pause_women=15"), [
    "Unaccompanied asylum-seeking children (UASC) in care: “abc” in the link is not a number (it must be a number between 0 and 200), so the scenario's value, 38 (children), was used instead.",
  ]);
  const [year] = textsOf("#end_year=2030.5");
  assert.match(year, /“2030.5” in the link is not a whole number \(it must be a whole number between 2027 and 2037\), so the scenario's value, 2037, was used instead\./);
  const [choice] = textsOf("#scenario=falling-lac&rate_path=rising");
  assert.match(choice, /“rising” in the link is not one of its options \(it must be one of constant, rising-trend, to-target\), so the scenario's choice, “Moves to a target rate, then stays there”, was used instead\./);
});

test("messages never contradict what the page did: a repeat, a bad scenario beside a good one", () => {
  const parsed = parseLink("#scenario=bogus&scenario=rising-lac&uasc=40&uasc=oops", registry);
  assert.equal(parsed.settings.scenario, registry.default_preset);
  assert.equal(parsed.settings.values.uasc, 40);
  assert.deepEqual(parsed.problems.map((p) => p.text), [
    "The scenario “bogus” in the link is not one of the report's four, so “Baseline (ONS population)” was used instead.",
    "“scenario” is in the link more than once: only its first value was read, and “rising-lac” was ignored.",
    "“uasc” is in the link more than once: only its first value was read, and “oops” was ignored.",
  ]);
});

test("unknown names and values are shortened and stripped of control characters", () => {
  const long = "A".repeat(200);
  const [text] = textsOf(`#${long}=1`);
  assert.ok(text.length < 120, text);
  assert.match(text, /^“A{31}…” in the link is not a setting of the model, so it was ignored\.$/);
  const [rtl] = textsOf("#uasc=%E2%80%AE04%0A%1B[31m");
  assert.ok(!/[\u202e\n\u001b]/.test(rtl), rtl);
  assert.match(rtl, /“04\[31m”/);
  assert.equal(cleanText("a\u200bb\u2066c\u0000d"), "abcd");
});

test("a link cut short says so, and never changes a value", () => {
  const fragment = `#scenario=rising-lac&pad=${"a".repeat(3970)}&uasc=150`;
  const parsed = parseLink(fragment, registry);
  assert.equal(parsed.settings.values.uasc, defaultsFor(registry, "rising-lac").uasc);
  assert.ok(parsed.problems.some((p) => p.text === "The link is longer than 4,000 characters, so its last setting was not read."));
});

test("floods of problems are summarised", () => {
  const parsed = parseLink(`#${Array.from({ length: 300 }, (_, i) => `junk${i}=1`).join("&")}`, registry);
  assert.equal(parsed.problems.length, 13);
  assert.equal(parsed.problems.at(-1).text, "288 more values in the link could not be used either.");
});

test("scenario A travels in the link, and its refusals say they are A's", () => {
  const parsed = parseLink("#scenario=rising-lac&a.scenario=falling-lac&a.uasc=40&a.pause_women=oops", registry);
  assert.equal(parsed.pinned.scenario, "falling-lac");
  assert.equal(parsed.pinned.values.uasc, 40);
  assert.match(parsed.problems[0].text, /^Scenario A \(pinned\): Pause: women supported per year: “oops”/);
  assert.equal(parsed.problems[0].side, "pinned");
});

test("writing then reading a link gives the same settings, A and the page's place included", () => {
  const values = { ...defaultsFor(registry, "rising-lac"), edge_of_care_families: 135.5, cost_inflation: -1.5, rate_path: "to-target", target_rate: 60 };
  const pinnedValues = { ...defaultsFor(registry, "falling-lac"), uasc: 30 };
  const fragment = writeLink(registry, { scenario: "rising-lac", values }, { scenario: "falling-lac", values: pinnedValues }, { at: "about" });
  assert.equal(fragment, "scenario=rising-lac&rate_path=to-target&target_rate=60&cost_inflation=-1.5&edge_of_care_families=135.5&a.scenario=falling-lac&a.uasc=30&at=about");
  const parsed = parseLink(`#${fragment}`, registry);
  assert.deepEqual(parsed.settings, { scenario: "rising-lac", values });
  assert.deepEqual(parsed.pinned, { scenario: "falling-lac", values: pinnedValues });
  assert.deepEqual(parsed.page, { at: "about" });
  assert.deepEqual(parsed.problems, []);
});
