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
        .then(function () { describeChartTools(target); })
        .catch(function () {
          target.textContent = "The chart could not be drawn. The table below has the same figures.";
        });
    });
  }

  // Elements under `root`, looking inside shadow roots too (Bokeh draws its charts in them).
  function deepQuery(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    root.querySelectorAll("*").forEach(function (el) {
      if (el.shadowRoot) found = found.concat(deepQuery(el.shadowRoot, selector));
    });
    return found;
  }

  // A chart's tool buttons are <div>s to Bokeh: tell assistive technology they are buttons, what
  // each does and whether it is on (WCAG 4.1.2). The drawing area itself leaves the Tab order:
  // nothing in it works from the keyboard, and the table under the chart has the same figures.
  function describeChartTools(target) {
    deepQuery(target, ".bk-events").forEach(function (layer) { layer.tabIndex = -1; });
    deepQuery(target, ".bk-tool-overflow").forEach(function (more) {
      more.setAttribute("role", "button");
      more.setAttribute("aria-label", "More chart tools");
    });
    deepQuery(target, ".bk-ClickButton, .bk-OnOffButton").forEach(function (tool) {
      tool.setAttribute("role", "button");
      tool.setAttribute("aria-label", (tool.title || "").split("\n")[0]);
      if (!tool.classList.contains("bk-OnOffButton")) return;
      var pressed = function () {
        tool.setAttribute("aria-pressed", tool.classList.contains("bk-active") ? "true" : "false");
      };
      pressed();
      new MutationObserver(pressed).observe(tool, { attributes: true, attributeFilter: ["class"] });
    });
  }

  // On a narrow screen the navigation drawer and the search box open from buttons that are <label>s
  // in the theme, which the keyboard cannot reach (site.css keeps what they open out of the Tab order
  // while closed). Make each a button: Enter or Space opens it and moves focus inside; Escape closes
  // it and gives focus back; tabbing out of the drawer closes it.
  // The first control inside `panel` that is on screen (the drawer keeps its other levels beside it).
  function focusFirstShown(panel) {
    var edge = panel.getBoundingClientRect();
    var controls = panel.querySelectorAll("input:not([type=hidden]), a[href], [tabindex='0']");
    for (var i = 0; i < controls.length; i++) {
      var box = controls[i].getBoundingClientRect();
      if (box.width && box.left >= edge.left - 1 && box.right <= edge.right + 1) { controls[i].focus(); return; }
    }
  }

  function enableHeaderButton(name, label, inside) {
    var toggle = document.getElementById("__" + name);
    var button = document.querySelector('label.md-header__button[for="__' + name + '"]');
    var panel = document.querySelector(inside);
    if (!toggle || !button || !panel || button.dataset.ready) return;
    button.dataset.ready = "yes";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", label);
    function shown() { return button.getClientRects().length > 0; }
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    function setOpen(open) {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
    toggle.addEventListener("change", function () {
      sync();
      var lost = !document.activeElement || document.activeElement === document.body;
      if (!toggle.checked && shown() && (lost || panel.contains(document.activeElement))) button.focus();
    });
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      setOpen(!toggle.checked);
      if (toggle.checked) focusFirstShown(panel);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && shown()) setOpen(false);
    });
    panel.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (name === "drawer" && toggle.checked && next && !panel.contains(next) && next !== button) setOpen(false);
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
  // and scroll it too (WCAG 2.1.1), so such regions become focusable and say what they are, for as
  // long as they are too wide (the window can be widened again).
  function makeScrollersFocusable(root) {
    root.querySelectorAll(".md-typeset__scrollwrap, .bokeh-chart").forEach(function (region) {
      var wide = region.scrollWidth > region.clientWidth + 1;
      if (wide && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", region.classList.contains("bokeh-chart")
          ? "Chart (scrolls sideways)" : "Table (scrolls sideways)");
        region.dataset.scrolls = "yes";
      } else if (!wide && region.dataset.scrolls) {
        ["tabindex", "role", "aria-label", "data-scrolls"].forEach(function (name) {
          region.removeAttribute(name);
        });
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
    titleTheNotFoundPage();
    enableHeaderButton("drawer", "Site navigation", ".md-sidebar--primary");
    enableHeaderButton("search", "Search", ".md-search");
    drawCharts(document);
    makeScrollersFocusable(document);
    setTimeout(function () { makeScrollersFocusable(document); }, 1500);  // after charts draw
    enablePrintButtons(document);
  }

  // A table that fits a wide window may not fit once the reader narrows it or zooms in: look again
  // (once a frame at most).
  var resizing = false;
  window.addEventListener("resize", function () {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(function () { resizing = false; makeScrollersFocusable(document); });
  });

  // The theme's "not found" page is titled with the site's name alone: say what the page is, as
  // every other page's title does (WCAG 2.4.2).
  function titleTheNotFoundPage() {
    var heading = document.querySelector(".md-content h1");
    var text = heading ? heading.textContent.trim() : "";
    if (/^404\b/.test(text) && document.title.indexOf(text) !== 0) document.title = text + " - " + document.title;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
