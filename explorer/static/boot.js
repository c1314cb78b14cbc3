/* The explorer's first script, in the page itself (after the explorer's HTML): it starts the
   explorer as soon as the page's HTML has arrived, without waiting for the theme's scripts at the
   end of the page. When the address holds settings no published scenario has, it starts the
   model's worker at once too (Pyodide takes the longest to be ready); the explorer's client
   (client.mjs) takes the worker over, with whatever it has said meanwhile.

   The site's own script (docs/assets/javascripts/site.js) mounts the explorer as well when
   instant navigation brings the page back, and unmounts it when it goes; mounting twice is
   harmless. A classic script, not a module: the theme runs it again on every instant navigation
   to the page, as it must. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.closest("[data-explorer]");
  if (!root || typeof window.Promise !== "function") return;

  // Names in a link that ask for nothing the published scenarios, computed when the site was
  // built, do not already have (link.mjs reads the link itself, with the model's rules).
  var PUBLISHED_ONLY = ["scenario", "a.scenario", "at", "view"];
  function linkNeedsModel() {
    var hash = location.hash.slice(1);
    if (hash.indexOf("=") < 0) return false;
    return hash.split("&").some(function (pair) {
      var name = pair.split("=")[0];
      return name !== "" && PUBLISHED_ONLY.indexOf(name) < 0;
    });
  }

  var boot = window.explorerBoot;
  if (!boot && linkNeedsModel() && typeof WebAssembly === "object") {
    boot = window.explorerBoot = { worker: null, said: [] };
    try {
      boot.worker = new Worker(new URL("worker.mjs", script.src).href, { type: "module" });
      boot.listen = function (event) { boot.said.push(event); };
      boot.worker.addEventListener("message", boot.listen);
      boot.worker.addEventListener("error", boot.listen);
    } catch (error) {
      boot.worker = null; // the client starts it, and reports why it cannot
    }
  }

  import(new URL(root.getAttribute("data-module"), location.href).href)
    .then(function (m) { return m.mount(root); })
    .catch(function () { /* site.js tries again, and says so if it cannot */ });
})();
