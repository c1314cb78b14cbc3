// Settings, their values and their words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkNumber, defaultsFor, formatValue, overridesFor, parameterOf, sameSettings, settingsKey, unusedWith, valueText } from "../../../explorer/static/settings.mjs";
import { loadRegistry } from "./support.mjs";

const registry = loadRegistry();

test("years are written without a thousands separator; other numbers with one", () => {
  assert.equal(formatValue(parameterOf(registry, "end_year"), 2037), "2037");
  assert.equal(formatValue(parameterOf(registry, "cost_per_week"), 1072), "1,072");
  assert.equal(valueText(registry.choices[0], "ons"), "ONS projection (slower growth)");
});

test("a typed value is checked by the model's rules", () => {
  const years = parameterOf(registry, "end_year");
  assert.deepEqual(checkNumber(registry, years, " 2030 "), { value: 2030 });
  assert.equal(checkNumber(registry, years, "2030.5").reason, "not-whole");
  assert.equal(checkNumber(registry, years, "2026").rule, "it must be a whole number between 2027 and 2037");
});

test("settings equal up to rounding are the same, and have the same key", () => {
  const a = { scenario: "rising-lac", values: defaultsFor(registry, "rising-lac") };
  const b = { scenario: "rising-lac", values: { ...a.values, uasc: 38 + 1e-12 } };
  assert.ok(sameSettings(registry, a, b));
  assert.equal(settingsKey(registry, a), settingsKey(registry, b));
  assert.deepEqual(overridesFor(registry, "rising-lac", { ...a.values, uasc: 40 }), { uasc: 40 });
  assert.ok(!sameSettings(registry, a, { ...a, scenario: "falling-lac" }));
});

test("a setting only some choices read is known to be unused under the others", () => {
  const target = parameterOf(registry, "target_rate");
  assert.ok(unusedWith(target, { rate_path: "constant" }));
  assert.ok(!unusedWith(target, { rate_path: "to-target" }));
});
