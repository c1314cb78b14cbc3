/* Inline in the page's <head>: mark that JavaScript runs, and define how the model's module
   worker is started (glue.mjs calls it). Start-up failures are queued as "failed" messages. */
document.documentElement.className = "js";
window.explorerBoot = { queue: [], worker: null };
function bootExplorer(url) {
  const boot = window.explorerBoot;
  const fail = (message) => boot.queue.push({ type: "failed", message: message });
  if (typeof WebAssembly !== "object") return fail("this browser cannot run WebAssembly");
  try {
    boot.worker = new Worker(url, { type: "module" });
  } catch (error) {
    return fail("this browser cannot start a module worker (" + error.message + ")");
  }
  boot.listener = (event) => boot.queue.push(event.data);
  boot.worker.addEventListener("message", boot.listener);
  boot.worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(event.message || "a file the model needs could not be loaded");
  });
}
