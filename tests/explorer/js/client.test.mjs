// The model's worker seen from the page: started once, failures always reported.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "../../../explorer/static/client.mjs";
import { settle } from "./support.mjs";

function fakeWorker() {
  const listeners = {};
  const worker = {
    posted: [],
    created: 0,
    addEventListener(type, fn) {
      (listeners[type] ??= []).push(fn);
    },
    postMessage(message) {
      worker.posted.push(message);
    },
    emit(type, data) {
      for (const fn of listeners[type] ?? []) fn(type === "message" ? { data } : data);
    },
  };
  return worker;
}

test("starts once, answers requests by id, and reports ready", async () => {
  const worker = fakeWorker();
  let made = 0;
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => (made++, worker), startTimeoutMs: 1000 });
  const statuses = [];
  client.onStatus((s) => statuses.push(s));
  client.start();
  client.start();
  assert.equal(made, 1);
  const answer = client.compute({ scenario: "x" });
  assert.deepEqual(worker.posted, [{ id: 1, request: { scenario: "x" } }]);
  worker.emit("message", { type: "ready" });
  worker.emit("message", { type: "result", id: 1, json: '{"ok":true}' });
  assert.deepEqual(await answer, { ok: true });
  assert.deepEqual(statuses, ["starting", "ready"]);
});

test("a worker that fails to load fails every waiting request, and later ones at once", async () => {
  const worker = fakeWorker();
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => worker, startTimeoutMs: 1000 });
  const waiting = client.compute({});
  worker.emit("error", { message: "worker.mjs: 404", preventDefault() {} });
  await assert.rejects(waiting, /404/);
  assert.equal(client.status, "failed");
  await assert.rejects(client.compute({}), /404/);
});

test("a runtime that never starts is failed after the time it is given", async () => {
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => fakeWorker(), startTimeoutMs: 20 });
  client.start();
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(client.status, "failed");
  assert.match(client.reason, /did not start/);
});

test("a browser without WebAssembly or module workers is told so", async () => {
  const saved = globalThis.WebAssembly;
  try {
    delete globalThis.WebAssembly;
    const client = createClient({ workerUrl: "w.mjs", createWorker: () => fakeWorker() });
    client.start();
    assert.equal(client.reason, "this browser cannot run WebAssembly");
  } finally {
    globalThis.WebAssembly = saved;
  }
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => { throw new TypeError("module workers are off"); } });
  client.start();
  await settle();
  assert.match(client.reason, /cannot start a module worker \(module workers are off\)/);
});

test("a failed request leaves the worker usable", async () => {
  const worker = fakeWorker();
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => worker });
  const first = client.compute({});
  const second = client.compute({});
  worker.emit("message", { type: "ready" });
  worker.emit("message", { type: "error", id: 1, message: "ValueError: no" });
  worker.emit("message", { type: "result", id: 2, json: "[1]" });
  await assert.rejects(first, /ValueError/);
  assert.deepEqual(await second, [1]);
  assert.equal(client.status, "ready");
});

test("a worker boot.js started early is taken over, with what it said meanwhile", async () => {
  const worker = fakeWorker();
  const said = [{ type: "message", data: { type: "ready" } }];
  const early = { worker, said, listen: () => {} };
  worker.removeEventListener = () => {};
  let made = 0;
  const client = createClient({ workerUrl: "w.mjs", createWorker: () => (made++, fakeWorker()), early, startTimeoutMs: 20 });
  assert.equal(client.early, true);
  client.start();
  assert.equal(made, 0); // no second worker
  assert.equal(client.status, "ready"); // what it said before the client arrived counts
  const answer = client.compute({});
  worker.emit("message", { type: "result", id: 1, json: "2" });
  assert.equal(await answer, 2);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(client.status, "ready"); // the start timer was cleared, not left to fail a ready model
});
