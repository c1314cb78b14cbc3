// What is computed, and when, so that what is shown catches up with what was asked; and that a
// result is only ever shown with the settings it was computed for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createScheduler } from "../../../explorer/static/scheduler.mjs";
import { defaultsFor } from "../../../explorer/static/settings.mjs";
import { createStore, phaseOf } from "../../../explorer/static/store.mjs";
import { fakeClient, loadRegistry, loadViews, manualTimers, settle, viewKey } from "./support.mjs";

const registry = loadRegistry();
const { views } = loadViews();
const built = Object.fromEntries(registry.presets.map((p) => [p.id, views[viewKey({ scenario: p.id, overrides: {}, uncertainty: true })]]));

function settings(scenario, changes = {}) {
  return { scenario, values: { ...defaultsFor(registry, scenario), ...changes } };
}

function setup(asked, { askedPinned = null, status = "off" } = {}) {
  const client = fakeClient(views, { status });
  const timers = manualTimers();
  const store = createStore({ asked, askedPinned, shown: null, pinned: null, model: { status: client.status, reason: "" }, failure: null, problems: [], page: {} });
  const scheduler = createScheduler({ store, registry, built, client, timers });
  scheduler.plan();
  return { client, timers, store, scheduler, phase: () => phaseOf(store.get(), registry) };
}

test("a published scenario is shown at once, band and all, and the model is not started for it", () => {
  const { store, client, phase } = setup(settings("falling-lac"));
  assert.equal(phase(), "current");
  assert.equal(store.get().shown.view, built["falling-lac"]);
  assert.equal(client.started, 0);
});

test("a link's own settings: its preset is shown for what it is until the model has computed them", async () => {
  const { store, client, timers, phase } = setup(settings("rising-lac", { edge_of_care_families: 200 }));
  assert.equal(phase(), "waiting");
  assert.equal(store.get().shown.settings.scenario, "rising-lac");
  assert.equal(store.get().shown.settings.values.edge_of_care_families, 0); // its own settings
  assert.equal(client.started, 1);
  assert.equal(client.requests.length, 0); // not before the model is ready
  client.setStatus("ready");
  await settle();
  assert.deepEqual(client.requests.at(-1), { scenario: "rising-lac", overrides: { edge_of_care_families: 200 }, uncertainty: false, samples: registry.samples });
  await client.answer();
  assert.equal(phase(), "banding");
  assert.equal(store.get().shown.settings.values.edge_of_care_families, 200);
  assert.equal(timers.count, 1); // the band waits for the reader to pause
  await timers.runAll();
  assert.equal(client.requests.at(-1).uncertainty, true);
  await client.answer();
  assert.equal(phase(), "current");
  assert.equal(store.get().shown.view.band, true);
});

test("a dragged slider: only the latest settings are computed next, and each result is shown as what it is", async () => {
  const { store, client, phase } = setup(settings("rising-lac"), { status: "ready" });
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 100 }) });
  await settle();
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 150 }) });
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 200 }) });
  assert.equal(client.pending.length, 1); // 100 is being computed; 150 is skipped
  await client.answer();
  // 100's figures are the newest calculation: shown, under their own settings, still "waiting"
  assert.equal(store.get().shown.settings.values.edge_of_care_families, 100);
  assert.equal(phase(), "waiting");
  assert.deepEqual(client.pending.map((j) => j.request.overrides), [{ edge_of_care_families: 200 }]);
  await client.answer();
  assert.equal(phase(), "banding");
  assert.equal(client.requests.length, 2);
});

test("a late result never replaces the asked settings' figures", async () => {
  const { store, client, timers, phase } = setup(settings("rising-lac"), { status: "ready" });
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 200 }) });
  await settle();
  await client.answer();
  await timers.runAll(); // the band for 200 is being computed
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 150 }) });
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 200 }) }); // and back
  await client.answer(); // the band arrives: it is for the asked settings, so it is shown
  assert.equal(phase(), "current");
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 150 }) });
  await settle();
  await client.answer();
  assert.equal(store.get().shown.settings.values.edge_of_care_families, 150);
});

test("returning to earlier settings in the visit needs no calculation", async () => {
  const { store, client, phase } = setup(settings("rising-lac"), { status: "ready" });
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 200 }) });
  await settle();
  await client.answer();
  store.update({ asked: settings("rising-lac") });
  assert.equal(phase(), "current");
  store.update({ asked: settings("rising-lac", { edge_of_care_families: 200 }) });
  assert.equal(phase(), "banding");
  assert.equal(client.pending.length, 0);
});

test("if the model cannot start, the settings stay asked for and are said to be unavailable", async () => {
  const { store, client, phase } = setup(settings("rising-lac", { uasc: 40 }));
  client.setStatus("failed", "the WebAssembly runtime could not be loaded");
  await settle();
  assert.equal(phase(), "unavailable");
  assert.equal(store.get().asked.values.uasc, 40); // never dropped
  assert.equal(store.get().shown.settings.values.uasc, 38); // what is shown says what it is
  store.update({ asked: settings("falling-lac") }); // a published scenario still works
  assert.equal(phase(), "current");
});

test("if the model refuses what the page sent, the figures are not shown as if it had not", async () => {
  const { store, client, phase } = setup(settings("rising-lac"), { status: "ready" });
  store.update({ asked: settings("falling-lac", { uasc: 41 }) });
  await settle();
  const job = client.pending.shift();
  job.resolve({ ...structuredClone(views[viewKey({ scenario: "falling-lac", overrides: { uasc: 40 }, uncertainty: false })]), errors: [{ parameter: "uasc", value: 41, message: "uasc must be even" }] });
  await settle();
  assert.equal(phase(), "unavailable");
  assert.equal(store.get().shown.settings.scenario, "rising-lac");
  assert.match(store.get().failure.message, /uasc must be even/);
});

test("scenario A is computed after the asked settings, and only shown as A when it is A's", async () => {
  const a = settings("falling-lac", { uasc: 40 });
  const { store, client } = setup(settings("rising-lac", { edge_of_care_families: 200 }), { askedPinned: a, status: "ready" });
  await settle();
  assert.deepEqual(client.pending.map((j) => j.request.scenario), ["rising-lac"]);
  await client.answer();
  assert.deepEqual(client.pending.map((j) => j.request.overrides), [{ uasc: 40 }]);
  await client.answer();
  assert.equal(store.get().pinned.settings.values.uasc, 40);
  store.update({ askedPinned: null });
  assert.equal(store.get().pinned, null);
});
