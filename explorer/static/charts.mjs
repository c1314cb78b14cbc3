// The two charts: the Bokeh document laid out by Panel at build time (explorer/charts.py), drawn by
// the site's own copy of BokehJS, the same file the indicator pages use. The page writes each
// result into the document's "scenario" and "pinned" sources and BokehJS repaints.

let loading = null;

/** BokehJS (`url`: the site's own copy), loaded once per visit (or already, by an indicator page). */
export function loadBokeh(url) {
  if (window.Bokeh?.embed) return Promise.resolve(window.Bokeh);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = [...document.scripts].find((s) => s.src === url) ?? Object.assign(document.createElement("script"), { src: url });
      script.addEventListener("load", () => resolve(window.Bokeh));
      script.addEventListener("error", () => {
        loading = null;
        reject(new Error("the chart library could not be loaded"));
      });
      if (!script.isConnected) document.head.append(script);
    });
  }
  return loading;
}

function setPath(model, path, value) {
  const parts = path.split(".");
  const owner = parts.slice(0, -1).reduce((m, key) => m?.[key], model);
  if (owner) owner[parts.at(-1)] = value;
}

/** Bokeh's JSON for a column: a number per row, NaN (not JSON) written its own way. */
const encode = (values) => values.map((v) => (Number.isNaN(v) ? { type: "number", value: "nan" } : v));

/** The document as built, with the figures and colours the page needs now written into it, so
 * BokehJS's first paint is already right: never the build's default scenario under another
 * scenario's label, not even for a frame. `data`: source name -> columns. */
export function prepare(doc, spec, data, theme) {
  const copy = structuredClone(doc);
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const attrs = node.type === "object" ? node.attributes : null;
    if (attrs?.name && data[attrs.name] && node.name === "ColumnDataSource") {
      attrs.data = { type: "map", entries: Object.entries(data[attrs.name]).map(([k, v]) => [k, encode(v)]) };
    }
    if (attrs?.name && spec.roles[attrs.name]) {
      for (const [path, role] of Object.entries(spec.roles[attrs.name])) {
        const parts = path.split(".");
        const owner = parts.slice(0, -1).reduce((n, key) => n?.attributes?.[key], node);
        if (owner?.attributes) owner.attributes[parts.at(-1)] = theme[role]; // a reference: recoloured after
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(copy);
  return copy;
}

/** Draw the charts (`doc`, from prepare) into `elements`, one per root of the document. */
export async function embedCharts(Bokeh, spec, doc, host, elements) {
  const rootIds = doc.roots.map((root) => root.id);
  const item = { docid: "explorer", elementid: host, root_ids: rootIds, roots: Object.fromEntries(rootIds.map((id, i) => [id, elements[i]])) };
  const managers = await Bokeh.embed.embed_items({ explorer: doc }, [item]);
  const bokehDoc = managers[0].roots[0].model.document;
  const plots = managers.flatMap((m) => [...m.query((view) => view.repainted !== undefined && view.canvas_view !== undefined)]);
  for (const plot of plots) {
    // The canvas's keyboard layer is a Tab stop with no name (WCAG 4.1.2): the charts offer no
    // keyboard actions, and their figures are in the year-by-year table.
    plot.canvas_view.events_el.tabIndex = -1;
    plot.canvas_view.events_el.setAttribute("aria-hidden", "true");
  }
  const resizable = () => managers.flatMap((m) => [...m.query((view) => typeof view.after_resize === "function")]);
  const named = (name) => [...bokehDoc.all_models].filter((m) => m.name === name);
  const source = (name) => bokehDoc.get_model_by_name(name);

  return {
    doc: bokehDoc,
    plots,
    /** Write a result's columns (results.mjs chartData) into the scenario's source. */
    setScenario(columns) {
      source("scenario").data = columns;
    },
    /** Show scenario A's line, or hide it (null). */
    setPinned(columns) {
      if (columns) source("pinned").data = columns;
      for (const renderer of named("ex-pinned")) renderer.visible = Boolean(columns);
    },
    /** Recolour for the site's colour scheme: each named model's properties (charts.py ROLES). */
    applyTheme(theme) {
      for (const [name, props] of Object.entries(spec.roles)) {
        for (const model of named(name)) for (const [path, role] of Object.entries(props)) setPath(model, path, theme[role]);
      }
    },
    /** Resolves once both charts have repainted (or after `timeoutMs`, should one not need to). */
    repainted(timeoutMs = 1000) {
      return Promise.all(
        plots.map(
          (plot) =>
            new Promise((resolve) => {
              const done = () => {
                clearTimeout(timer);
                plot.repainted.disconnect(done);
                resolve();
              };
              const timer = setTimeout(done, timeoutMs);
              plot.repainted.connect(done);
            }),
        ),
      );
    },
    /** The reader leaves the page: its element, charts and all, is kept off the page until they
     * come back. Off the page BokehJS would find the charts 0 px wide, and back on it lay them
     * out and repaint them anew before the first frame (about 20 ms here); told nothing while
     * away, it finds them back as they were, their canvases still drawn. Should the window have
     * changed size meanwhile, BokehJS's own watch lays them out again on return. (A view's own
     * after_resize is BokehJS's; with a BokehJS that has none, nothing is changed.) */
    away() {
      for (const view of resizable()) view.after_resize = () => {};
    },
    back() {
      for (const view of resizable()) delete view.after_resize; // its class's own again
    },
    dispose() {
      for (const manager of managers) manager.clear();
      const i = Bokeh.documents.indexOf(bokehDoc);
      if (i >= 0) Bokeh.documents.splice(i, 1);
    },
  };
}
