/* Site behaviour that needs JavaScript: charts, scrollable regions and print buttons.
 * (The tracker's filters are in tracker.mjs.)
 *
 * Material's instant navigation swaps page content without a full load, so everything here runs
 * from the theme's `document$` observable, once per page shown, not on DOMContentLoaded. Without
 * JavaScript every page still shows its full tables.
 */
(function () {
  "use strict";

  var scriptBase = new URL(".", document.currentScript.src);
  var bokehLoading = null;

  function loadBokeh(version) {
    if (window.Bokeh) return Promise.resolve(window.Bokeh);
    if (!bokehLoading) {
      bokehLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("bokeh.min.js?v=" + encodeURIComponent(version), scriptBase).href;
        script.onload = function () { resolve(window.Bokeh); };
        script.onerror = function () { reject(new Error("could not load the chart library")); };
        document.head.appendChild(script);
      });
    }
    return bokehLoading;
  }

  function drawCharts(root) {
    root.querySelectorAll(".bokeh-chart[data-spec]").forEach(function (target) {
      if (target.dataset.drawn) return;
      target.dataset.drawn = "yes";
      loadBokeh(target.dataset.bokehVersion || "")
        .then(function (Bokeh) { return Bokeh.embed.embed_item(JSON.parse(target.dataset.spec), target); })
        .catch(function () {
          target.textContent = "The chart could not be drawn. The table below has the same figures.";
        });
    });
  }

  function enablePrintButtons(root) {
    root.querySelectorAll("button.print-page").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.ready) return;
      button.dataset.ready = "yes";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // A table or chart wider than the screen scrolls sideways; keyboard users must be able to reach
  // and scroll it too (WCAG 2.1.1), so such regions become focusable and say what they are.
  function makeScrollersFocusable(root) {
    root.querySelectorAll(".md-typeset__scrollwrap, .bokeh-chart").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1 && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", region.classList.contains("bokeh-chart")
          ? "Chart (scrolls sideways)" : "Table (scrolls sideways)");
      }
    });
  }

  // The scenario explorer's page: its module (named by the page, so a new build brings new code)
  // is loaded once, mounted when the page is shown and unmounted when instant navigation leaves
  // it; the module keeps the reader's scenario and the model's worker for the rest of the visit.
  // Once loaded, it is mounted in the same task as the theme swaps the page in, so the reader
  // never sees the page's built-in figures in place of their scenario, not even for a frame.
  var explorer = { url: null, module: null, loading: null };
  function explorerFailed(root, error) {
    var status = root.querySelector("#ex-status");
    if (status) status.textContent = "The explorer could not start (" + error.message + "). The tables below show the report's published scenario.";
  }
  function explorerPage() {
    var root = document.querySelector("[data-explorer]");
    if (!root) {
      if (explorer.module) explorer.module.unmount();
      return;
    }
    var url = new URL(root.getAttribute("data-module"), location.href).href;
    if (explorer.module && explorer.url === url) {
      explorer.module.mount(root).catch(function (error) { explorerFailed(root, error); });
      return;
    }
    if (explorer.module) explorer.module.unmount(); // a new build during the visit
    explorer = { url: url, module: null, loading: import(url) };
    explorer.loading.then(function (m) {
      if (explorer.url !== url) return;
      explorer.module = m;
      return m.mount(root);
    }).catch(function (error) { explorerFailed(root, error); });
  }

  function onPage() {
    explorerPage();
    drawCharts(document);
    makeScrollersFocusable(document);
    setTimeout(function () { makeScrollersFocusable(document); }, 1500);  // after charts draw
    enablePrintButtons(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
