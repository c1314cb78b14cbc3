// The site search on the explorer's page waits for the explorer's figures, and is released once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSearchGate, figuresSettled, onSearchIntent } from "../../../explorer/static/search-gate.mjs";

function listen(name) {
  const heard = [];
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event) => heard.push(event.data);
  return { heard, close: () => channel.close() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test("the gate is released once, however often the page asks", async () => {
  const worker = listen("gate-test-once");
  const gate = createSearchGate("gate-test-once");
  assert.equal(gate.released, false);
  gate.release();
  gate.release();
  await settle();
  assert.deepEqual(worker.heard, ["release"]);
  assert.equal(gate.released, true);
  worker.close();
});

test("without a channel there is nothing to release", () => {
  assert.equal(createSearchGate("").released, true);
  assert.equal(createSearchGate("x", null).released, true);
});

test("the search waits for the figures asked for, drawn, or for word that they cannot come", () => {
  assert.equal(figuresSettled("waiting", true), false); // provisional figures, charts and all
  assert.equal(figuresSettled("loading", false), false);
  assert.equal(figuresSettled("current", false), false); // tables only: the charts still to draw
  assert.equal(figuresSettled("current", true), true);
  assert.equal(figuresSettled("banding", true), true);
  assert.equal(figuresSettled("unavailable", false), true);
});

test("opening the search or focusing its box releases it; leaving the page stops listening", () => {
  const listeners = { doc: {}, toggle: {} };
  const target = (name) => ({
    addEventListener: (type, fn) => (listeners[name][type] = fn),
    removeEventListener: (type, fn) => listeners[name][type] === fn && delete listeners[name][type],
  });
  const toggle = target("toggle");
  const doc = { ...target("doc"), querySelector: (selector) => (selector === '[data-md-toggle="search"]' ? toggle : null) };
  let released = 0;
  const stop = onSearchIntent(doc, () => (released += 1));
  listeners.doc.focusin({ target: { closest: () => null } }); // a setting, not the search
  assert.equal(released, 0);
  listeners.doc.focusin({ target: { closest: (s) => (s === '[data-md-component="search"]' ? {} : null) } });
  listeners.toggle.change();
  assert.equal(released, 2);
  stop();
  assert.deepEqual(listeners, { doc: {}, toggle: {} });
});
