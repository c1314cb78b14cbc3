// The one state, and where it stands: whether the figures on screen are the ones asked for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultsFor } from "../../../explorer/static/settings.mjs";
import { createStore, phaseOf, pinnedPhaseOf, result, unavailableReason } from "../../../explorer/static/store.mjs";
import { loadRegistry, loadViews, viewKey } from "./support.mjs";

const registry = loadRegistry();
const { views } = loadViews();
const view = (scenario, overrides = {}, band = false) => views[viewKey({ scenario, overrides, uncertainty: band })];
const asked = (scenario, changes = {}) => ({ scenario, values: { ...defaultsFor(registry, scenario), ...changes } });
const base = { askedPinned: null, pinned: null, model: { status: "ready", reason: "" }, failure: null, problems: [], page: {} };

test("listeners see each change with the state before it", () => {
  const store = createStore({ a: 1 });
  const seen = [];
  const stop = store.subscribe((state, previous) => seen.push([previous.a, state.a]));
  store.update({ a: 2 });
  store.update((s) => ({ a: s.a + 1 }));
  stop();
  store.update({ a: 9 });
  assert.deepEqual(seen, [[1, 2], [2, 3]]);
});

test("the figures' own settings decide the phase, not what the page asked the model", () => {
  const shown = result(view("rising-lac", { edge_of_care_families: 200 }));
  assert.equal(shown.settings.values.edge_of_care_families, 200);
  assert.equal(phaseOf({ ...base, asked: asked("rising-lac", { edge_of_care_families: 200 }), shown }, registry), "banding");
  const banded = result(view("rising-lac", { edge_of_care_families: 200 }, true));
  assert.equal(phaseOf({ ...base, asked: asked("rising-lac", { edge_of_care_families: 200 }), shown: banded }, registry), "current");
  assert.equal(phaseOf({ ...base, asked: asked("rising-lac", { edge_of_care_families: 150 }), shown: banded }, registry), "waiting");
  assert.equal(phaseOf({ ...base, asked: asked("falling-lac", { edge_of_care_families: 200 }), shown: banded }, registry), "waiting");
  assert.equal(phaseOf({ ...base, asked: asked("rising-lac"), shown: null }, registry), "loading");
});

test("settings that cannot be calculated here are unavailable, with the reason", () => {
  const state = { ...base, model: { status: "failed", reason: "WebAssembly is blocked" }, asked: asked("rising-lac", { uasc: 40 }), shown: result(view("rising-lac", {}, true)) };
  assert.equal(phaseOf(state, registry), "unavailable");
  assert.equal(unavailableReason(state, registry), "the model could not start in this browser (WebAssembly is blocked)");
  assert.equal(phaseOf({ ...state, asked: asked("rising-lac") }, registry), "current"); // a published one is here
});

test("scenario A has its own phase", () => {
  const a = asked("falling-lac", { uasc: 40 });
  const state = { ...base, asked: asked("rising-lac"), shown: result(view("rising-lac", {}, true)), askedPinned: a };
  assert.equal(pinnedPhaseOf(state, registry), "waiting");
  assert.equal(pinnedPhaseOf({ ...state, pinned: result(view("falling-lac", { uasc: 40 })) }, registry), "current");
  assert.equal(pinnedPhaseOf({ ...state, askedPinned: null }, registry), "none");
});
