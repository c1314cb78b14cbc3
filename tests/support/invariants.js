// Checked after every change the explorer's page makes to itself (tests/support/explorer.py):
// what is on screen is the computed result (the shown state), labelled as its own settings, and the
// page never says "your settings" of figures computed for others. Any breach is kept in
// window.__violations, with what was seen.
(() => {
  window.__violations = [];
  const same = (a, b) => a.length === b.length && a.every((v, i) => (Number.isNaN(v) && b[i] === null) || Math.abs(v - b[i]) <= 1e-9 * Math.max(1, Math.abs(b[i])));
  const check = () => {
    const s = window.scenarioExplorer && scenarioExplorer.state && scenarioExplorer.state();
    const root = document.querySelector("#explorer");
    // "loading": the page as built, before the explorer takes it over; it names its own figures.
    if (!s || !s.shown || !root || !root.isConnected || root.dataset.phase === "loading") return;
    const view = s.shown.view;
    const seen = (what, got, want) => window.__violations.push({ what, got: String(got).slice(0, 200), want: String(want).slice(0, 200), at: performance.now() });
    const summary = root.querySelector("#ex-summary").textContent;
    if (summary !== view.summary) seen("summary", summary, view.summary);
    const source = window.Bokeh && Bokeh.documents.length && Bokeh.documents.at(-1).get_model_by_name("scenario");
    if (source && source.data.lac.length && !same([...source.data.lac], view.series.lac)) seen("chart", [...source.data.lac], view.series.lac);
    const sameAsked = JSON.stringify(s.asked.scenario) === JSON.stringify(s.shown.settings.scenario) &&
      Object.keys(s.asked.values).every((k) => typeof s.asked.values[k] === "string" ? s.asked.values[k] === s.shown.settings.values[k] : Math.abs(s.asked.values[k] - s.shown.settings.values[k]) <= 1e-9 * Math.max(1, Math.abs(s.shown.settings.values[k])));
    const phase = root.dataset.phase;
    if (!sameAsked && (phase === "current" || phase === "banding")) seen("phase", phase, "waiting or unavailable");
    if (!sameAsked && root.querySelector("#ex-badge").textContent === "Your settings") seen("badge", "Your settings", "not yours");
    const years = root.querySelector("#t-years tbody tr:last-child th");
    if (years && years.textContent !== String(view.series.year.at(-1))) seen("years table", years.textContent, view.series.year.at(-1));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener("explorer:render", check);
})();
