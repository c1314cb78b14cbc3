// Shared by the Node tests: the page's registry (written by tests/explorer/test_explorer_js.py)
// and the cases tests/cases/ shares with the Python tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const STATIC = path.join(ROOT, "explorer", "static");

export function loadRegistry() {
  const file = process.env.EXPLORER_REGISTRY;
  if (!file) throw new Error("EXPLORER_REGISTRY is not set: run these tests through pytest (tests/explorer/test_explorer_js.py)");
  return JSON.parse(readFileSync(file, "utf8"));
}

export function loadCases(name) {
  return JSON.parse(readFileSync(path.join(ROOT, "tests", "cases", `${name}.json`), "utf8")).cases;
}

/** A link given as a list in the cases: [text, [repeated, times], ...]. */
export function linkText(link) {
  return typeof link === "string" ? link : link.map((part) => (typeof part === "string" ? part : part[0].repeat(part[1]))).join("");
}

/** Results computed by the real model and presenter (tests/explorer/test_explorer_js.py VIEWS). */
export function loadViews() {
  return JSON.parse(readFileSync(path.join(path.dirname(process.env.EXPLORER_REGISTRY), "views.json"), "utf8"));
}

/** The key of a result in loadViews().views, as the stand-in model looks it up. */
export function viewKey(request) {
  return JSON.stringify([request.scenario, Object.entries(request.overrides).sort(), Boolean(request.uncertainty)]);
}

/** A stand-in for client.mjs: answers from loadViews(), when and how the test says. */
export function fakeClient(views, { status = "off" } = {}) {
  const listeners = new Set();
  const client = {
    status,
    reason: "",
    started: 0,
    requests: [],
    pending: [],
    start() {
      if (client.status !== "off") return;
      client.started += 1;
      client.setStatus("starting");
    },
    setStatus(next, reason = "") {
      client.status = next;
      client.reason = reason;
      for (const l of [...listeners]) l(next, reason);
    },
    compute(request) {
      client.requests.push(request);
      return new Promise((resolve, reject) => client.pending.push({ request, resolve, reject }));
    },
    /** Answer the oldest request (from the real results), and let the page's promises run. */
    async answer() {
      const job = client.pending.shift();
      const view = views[viewKey(job.request)];
      if (!view) throw new Error(`no result for ${viewKey(job.request)} in the test's views`);
      job.resolve(structuredClone(view));
      await settle();
      return job.request;
    },
    async fail(message) {
      client.pending.shift().reject(new Error(message));
      await settle();
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return client;
}

/** Let pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Timers the test moves by hand. */
export function manualTimers() {
  let next = 1;
  const due = new Map();
  return {
    setTimeout(fn, ms) {
      const id = next++;
      due.set(id, fn);
      return id;
    },
    clearTimeout(id) {
      due.delete(id);
    },
    async runAll() {
      const fns = [...due.values()];
      due.clear();
      for (const fn of fns) fn();
      await settle();
    },
    get count() {
      return due.size;
    },
  };
}
