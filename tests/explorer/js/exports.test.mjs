// What leaves the page waits for the asked settings' figures, or says why it cannot, and always
// carries the settings its figures were computed with.
import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvName, csvText, readiness, whenReady } from "../../../explorer/static/exports.mjs";
import { defaultsFor } from "../../../explorer/static/settings.mjs";
import { createStore, result } from "../../../explorer/static/store.mjs";
import { loadRegistry, loadViews, settle, viewKey } from "./support.mjs";

const registry = loadRegistry();
const { views, layout } = loadViews();
const view = (scenario, overrides = {}, band = false) => views[viewKey({ scenario, overrides, uncertainty: band })];
const asked = (scenario, changes = {}) => ({ scenario, values: { ...defaultsFor(registry, scenario), ...changes } });
const base = { askedPinned: null, pinned: null, model: { status: "ready", reason: "" }, failure: null, problems: [], page: {} };

test("an export waits while the figures are another scenario's, and for the band when it needs it", () => {
  const waiting = { ...base, asked: asked("rising-lac", { uasc: 40 }), shown: result(view("rising-lac", {}, true)) };
  assert.deepEqual(readiness(waiting, registry, "figures"), { ready: false, blocked: false, reason: "waiting for your settings to be calculated" });
  const banding = { ...waiting, shown: result(view("falling-lac", { uasc: 40 })), asked: asked("falling-lac", { uasc: 40 }) };
  assert.equal(readiness(banding, registry, "figures").ready, true);
  assert.equal(readiness(banding, registry, "complete").reason, "waiting for the uncertainty band to be calculated");
  const failed = { ...waiting, model: { status: "failed", reason: "no WebAssembly" } };
  assert.deepEqual(readiness(failed, registry, "complete"), { ready: false, blocked: true, reason: "your settings cannot be calculated: the model could not start in this browser (no WebAssembly)" });
});

test("waiting ends with the asked figures, or with the reason they will not come", async () => {
  const store = createStore({ ...base, asked: asked("falling-lac", { uasc: 40 }), shown: result(view("falling-lac", {}, true)) });
  const done = whenReady(store, registry, "figures");
  store.update({ shown: result(view("falling-lac", { uasc: 40 })) });
  assert.equal((await done).shown.settings.values.uasc, 40);
  const store2 = createStore({ ...base, asked: asked("falling-lac", { uasc: 40 }), shown: result(view("falling-lac", {}, true)) });
  const never = whenReady(store2, registry, "figures");
  store2.update({ model: { status: "failed", reason: "blocked" } });
  await assert.rejects(never, /cannot be calculated/);
  await assert.rejects(whenReady(store2, registry, "complete"), /cannot be calculated/); // at once
  const store3 = createStore({ ...base, asked: asked("falling-lac", { uasc: 40 }), shown: result(view("falling-lac", {}, true)) });
  const controller = new AbortController();
  const cancelled = whenReady(store3, registry, "complete", false, controller.signal);
  controller.abort(); // the reader asked for something else
  await assert.rejects(cancelled, /cancelled/);
  await settle();
});

test("the CSV holds the settings the figures were computed with, and A when pinned", () => {
  const shown = result(view("falling-lac", { uasc: 40 }, true));
  const state = { ...base, asked: shown.settings, shown, askedPinned: asked("rising-lac", { edge_of_care_families: 200 }), pinned: result(view("rising-lac", { edge_of_care_families: 200 }, true)) };
  const text = csvText(state, registry, layout, "https://example.org/explorer/#scenario=falling-lac&uasc=40");
  const lines = text.split("\r\n");
  assert.equal(lines[1], '"Scenario B (this scenario)"');
  assert.ok(lines.includes('"Figures computed for","Falling looked-after children, with 1 changed setting"'));
  assert.ok(lines.some((l) => l.startsWith('"Unaccompanied') && l.includes(',"uasc",40,')));
  assert.ok(lines.includes('"Scenario A (pinned)"'));
  assert.ok(lines.some((l) => l.includes('"edge_of_care_families",200,')));
  const header = lines.findIndex((l) => l.startsWith('"year"'));
  assert.ok(lines[header].includes('"lac_low"')); // the band's columns, as it was computed
  assert.equal(csvName(state), "thurrock-lac-falling-lac-compared.csv");
});

test("no cell can be read as a spreadsheet formula", () => {
  assert.equal(csvCell("=HYPERLINK(1)"), `"'=HYPERLINK(1)"`);
  assert.equal(csvCell("-1+2"), `"'-1+2"`);
  assert.equal(csvCell(-1.5), "-1.5");
  assert.equal(csvCell(NaN), "");
});
