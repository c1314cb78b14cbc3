// What the page says about whose figures are on screen.
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultsFor } from "../../../explorer/static/settings.mjs";
import { announcement, problemsModel, settingsName, statusModel } from "../../../explorer/static/status.mjs";
import { result } from "../../../explorer/static/store.mjs";
import { loadRegistry, loadViews, viewKey } from "./support.mjs";

const registry = loadRegistry();
const { views } = loadViews();
const view = (scenario, overrides = {}, band = false) => views[viewKey({ scenario, overrides, uncertainty: band })];
const asked = (scenario, changes = {}) => ({ scenario, values: { ...defaultsFor(registry, scenario), ...changes } });
const base = { askedPinned: null, pinned: null, failure: null, problems: [], page: {} };

test("provisional figures are named for what they are, and the asked settings for what they are", () => {
  const state = { ...base, model: { status: "starting", reason: "" }, asked: asked("rising-lac", { edge_of_care_families: 200, uasc: 40 }), shown: result(view("rising-lac", {}, true)) };
  const model = statusModel(state, registry);
  assert.equal(model.phase, "waiting");
  assert.ok(model.provisional);
  assert.equal(model.notice, "Calculating “Rising looked-after children, with 2 changed settings” (starting the model in your browser; the first time takes a few seconds). Until then, the figures below are for “Rising looked-after children”, not for the settings you chose.");
  assert.equal(model.figures, "Rising looked-after children");
});

test("when the model cannot start, the notice says so and stays", () => {
  const state = { ...base, model: { status: "failed", reason: "the WebAssembly runtime could not be loaded" }, asked: asked("rising-lac", { uasc: 40 }), shown: result(view("rising-lac", {}, true)) };
  const model = statusModel(state, registry);
  assert.equal(model.phase, "unavailable");
  assert.match(model.notice, /cannot be calculated: the model could not start in this browser \(the WebAssembly runtime could not be loaded\)\. The figures below are for “Rising looked-after children”/);
  assert.equal(announcement(model, null), model.notice);
  assert.equal(announcement(model, model), ""); // said once
});

test("screen readers hear a result once it is the one asked for, not the stand-in", () => {
  const waiting = statusModel({ ...base, model: { status: "ready", reason: "" }, asked: asked("rising-lac", { edge_of_care_families: 200 }), shown: result(view("rising-lac", {}, true)) }, registry);
  assert.equal(announcement(waiting, null), "");
  const settled = statusModel({ ...base, model: { status: "ready", reason: "" }, asked: asked("rising-lac", { edge_of_care_families: 200 }), shown: result(view("rising-lac", { edge_of_care_families: 200 })) }, registry);
  assert.match(announcement(settled, waiting), /^Rising looked-after children, with your changes: in 2027/);
  const banded = statusModel({ ...base, model: { status: "ready", reason: "" }, asked: asked("rising-lac", { edge_of_care_families: 200 }), shown: result(view("rising-lac", { edge_of_care_families: 200 }, true)) }, registry);
  assert.equal(announcement(banded, settled), ""); // the band adds nothing to say
});

test("names of settings and the list of a link's problems", () => {
  assert.equal(settingsName(registry, asked("falling-lac", { uasc: 40 })), "Falling looked-after children, with 1 changed setting");
  assert.deepEqual(problemsModel({ problems: [] }), { title: "", items: [] });
  assert.equal(problemsModel({ problems: [{ text: "a" }, { text: "b" }] }).title, "2 parts of this link could not be used:");
});
