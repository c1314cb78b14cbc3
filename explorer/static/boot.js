/* The explorer's first script. Its page names it three times; the browser fetches it once and
   runs each copy as soon as it can, without waiting for the theme's scripts at the end of the
   page:

   - data-stage="head", in the page's <head> (the site's theme, sitegen/theme/main.html): when
     the address holds settings no published scenario has, it starts the model's worker at once
     (Pyodide takes the longest to be ready; the explorer's client, client.mjs, takes the worker
     over with whatever it has said meanwhile).
   - data-stage="early", at the top of the explorer's HTML: the same, should the theme not have
     named it in the head, and it starts BokehJS (preloaded by the page) so that it is read
     before the charts need it.
   - data-stage="mount", at the end of the explorer's HTML, once it is all there: it starts the
     explorer.

   Each step happens once however often it runs: the site's own script
   (docs/assets/javascripts/site.js) mounts the explorer as well when instant navigation brings
   the page back, and unmounts it when it goes; mounting twice is harmless. A classic script, not
   a module: the theme runs it again on every instant navigation to the page, as it must. */
(function () {
  "use strict";
  var script = document.currentScript;
  var stage = script && script.getAttribute("data-stage");
  var root = script && script.closest("[data-explorer]");
  if ((!root && stage !== "head") || typeof window.Promise !== "function") return;

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

  function startWorker() {
    if (window.explorerBoot || !linkNeedsModel() || typeof WebAssembly !== "object") return;
    var boot = window.explorerBoot = { worker: null, said: [], at: performance.now(), stage: stage };
    try {
      boot.worker = new Worker(new URL("worker.mjs", script.src).href, { type: "module" });
      boot.listen = function (event) { boot.said.push(event); };
      boot.worker.addEventListener("message", boot.listen);
      boot.worker.addEventListener("error", boot.listen);
    } catch (error) {
      boot.worker = null; // the client starts it, and reports why it cannot
    }
  }

  // The same element charts.mjs (loadBokeh) looks for, so BokehJS is read once.
  function startBokeh() {
    var src = root.getAttribute("data-bokeh");
    if (!src || window.Bokeh) return;
    var url = new URL(src, location.href).href;
    for (var i = 0; i < document.scripts.length; i += 1) if (document.scripts[i].src === url) return;
    var element = document.createElement("script");
    element.src = url;
    document.head.appendChild(element);
  }

  startWorker();
  if (stage === "head") return;
  if (stage !== "mount") {
    startBokeh();
    return;
  }
  import(new URL(root.getAttribute("data-module"), location.href).href)
    .then(function (m) { return m.mount(root); })
    .catch(function () { /* site.js tries again, and says so if it cannot */ });
})();
