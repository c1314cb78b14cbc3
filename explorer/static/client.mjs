// The model's Web Worker, seen from the page: started once per visit to the site (it outlives the
// explorer page when Material's instant navigation swaps pages), asked for one result at a time.
//
// The worker (worker.mjs) answers { id, request } with { type: "result", id, json } or
// { type: "error", id, message }, and says { type: "ready" } or { type: "failed", message } once.
// A runtime that neither starts nor fails (seen when WebAssembly is blocked) is failed after
// `startTimeoutMs`; a slow connection gets that long to download the runtime.
export function createClient({ workerUrl, createWorker = defaultWorker, early = null, startTimeoutMs = 180_000, now = () => performance.now() }) {
  let worker = null;
  let status = "off";
  let reason = "";
  let nextId = 1;
  let timer = 0;
  const waiting = new Map();
  const listeners = new Set();
  const timings = {};

  function setStatus(next, why = "") {
    if (status === "failed" || status === next) return;
    status = next;
    reason = why;
    if (next === "ready") timings.ready = now();
    if (next === "failed") {
      clearTimeout(timer);
      for (const { reject } of waiting.values()) reject(new Error(why));
      waiting.clear();
    }
    for (const listener of [...listeners]) listener(status, reason);
  }

  function onMessage(message) {
    if (message?.type === "ready") {
      clearTimeout(timer);
      if (message.phases) timings.worker = { ...message.phases, origin: message.origin };
      setStatus("ready");
    } else if (message?.type === "failed") {
      setStatus("failed", message.message || "the model could not start");
    } else if (message?.type === "result" || message?.type === "error") {
      const job = waiting.get(message.id);
      waiting.delete(message.id);
      if (!job) return;
      if (message.type === "error") job.reject(new Error(message.message));
      else {
        try {
          job.resolve(JSON.parse(message.json));
        } catch (error) {
          job.reject(error);
        }
      }
    }
  }

  return {
    get status() {
      return status;
    },
    get reason() {
      return reason;
    },
    timings,
    /** Whether a worker is already on its way (boot.js started one). */
    get early() {
      return Boolean(early?.worker);
    },
    /** Start the worker, once; later calls do nothing. */
    start() {
      if (status !== "off") return;
      timings.start = now();
      if (typeof WebAssembly !== "object") return setStatus("failed", "this browser cannot run WebAssembly");
      // A worker boot.js started before this module arrived: taken over, with what it said.
      const adopted = early?.worker ?? null;
      try {
        worker = adopted ?? createWorker(workerUrl);
      } catch (error) {
        return setStatus("failed", `this browser cannot start a module worker (${error?.message ?? error})`);
      }
      setStatus("starting");
      const onError = (event) => {
        event.preventDefault?.();
        setStatus("failed", event.message || "a file the model needs could not be loaded");
      };
      worker.addEventListener("message", (event) => onMessage(event.data));
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", () => setStatus("failed", "the model's answer could not be read"));
      // The timer first: what an early worker already said (ready, or failed) must be able to clear it.
      timer = setTimeout(() => setStatus("failed", `it did not start within ${Math.round(startTimeoutMs / 60_000)} minutes`), startTimeoutMs);
      if (adopted) {
        worker.removeEventListener("message", early.listen);
        worker.removeEventListener("error", early.listen);
        for (const event of early.said.splice(0)) event.type === "error" ? onError(event) : onMessage(event.data);
      }
    },
    /** The view for `request` (a model request), once the worker has computed it. */
    compute(request) {
      this.start();
      if (status === "failed") return Promise.reject(new Error(reason));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    /** Call `listener(status, reason)` on every change; returns a function that stops it. */
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function defaultWorker(url) {
  return new Worker(url, { type: "module" });
}
