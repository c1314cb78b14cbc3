// The explorer page's glue: settings -> the model (in a Web Worker) -> charts, tables and link.
//
// Nothing here computes a forecast. Every figure comes from the Python model, either computed at
// build time (the four published scenarios, embedded in the page) or in the worker. Values read
// from the link are checked in state.mjs and only ever shown with textContent.
import { checkValue, formatNumber, fragmentFor, optionLabel, overridesFor, parseFragment, sameNumber, sameSetting, settingsOf, shorten } from "./state.mjs";

const data = JSON.parse(document.getElementById("explorer-data").textContent);
const { registry, variant } = data;
const built = data.results; // preset id -> view, when the page was built with them
const byName = new Map(registry.parameters.map((p) => [p.name, p]));
const choiceByName = new Map(registry.choices.map((c) => [c.name, c]));
const settingLabel = (name) => (byName.get(name) ?? choiceByName.get(name))?.label ?? name;
const $ = (id) => document.getElementById(id);
const BAND_DELAY_MS = 300; // compute the uncertainty band once the reader pauses this long
const ANNOUNCE_DELAY_MS = 700; // tell screen readers the result once changes settle
const LINK_DELAY_MS = 250; // browsers throttle history updates; write the link when settled

// ------------------------------------------------------------------------------ page state
let scenario = registry.default_preset;
let values = defaultsFor(scenario);
let current = null; // the view on screen
let pinned = null; // { scenario, values, view } of scenario A
let linkProblems = [];

const explorer = (window.explorer = {
  timings: {}, // performance.now() marks for the benchmark: firstChart, modelReady, linkShown
  renders: 0,
  state: () => ({ scenario, values: { ...values } }),
});

function defaultsFor(id) {
  return Object.fromEntries(settingsOf(registry).map((s) => [s.name, s.defaults[id]]));
}

/** A parameter read only under some choices (the target rate, say) that these settings skip. */
function unusedNow(p) {
  return Boolean(p.applies_when) && Object.entries(p.applies_when).some(([choice, options]) => !options.includes(values[choice]));
}

// ------------------------------------------------------------------------------ the shared link
// In the site this page is framed by /explorer/, and the link to share is that page's address.
const host = (() => {
  try {
    if (window.parent !== window && window.parent.location.origin === location.origin) return window.parent;
  } catch {
    /* framed by another site: use our own address */
  }
  return window;
})();
let lastWritten = null;
let linkTimer = 0;

function writeLink() {
  clearTimeout(linkTimer);
  const fragment = fragmentFor(scenario, values, registry);
  lastWritten = `#${fragment}`;
  if (host.location.hash !== lastWritten) {
    host.history.replaceState(host.history.state, "", lastWritten);
  }
  $("full-screen").href = `./${lastWritten}`;
}
const scheduleLink = () => {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(writeLink, LINK_DELAY_MS);
};

// A fragment without "=" is an ordinary anchor (a heading's permalink on the site's page, say),
// not a scenario: it leaves the explorer as it is.
const isScenario = (hash) => hash.includes("=");

function onHashChange() {
  if (host.location.hash === lastWritten || !isScenario(host.location.hash)) return;
  applyLink(host.location.hash);
}

function applyLink(hash) {
  const parsed = parseFragment(hash, registry);
  scenario = parsed.scenario;
  values = { ...defaultsFor(scenario), ...parsed.overrides };
  linkProblems = parsed.problems;
  syncControls();
  // Open the groups holding the link's changed settings, so the reader sees what differs.
  for (const control of document.querySelectorAll(".control.changed")) control.closest("details.group").open = true;
  update(performance.now(), "link");
  // A link that was given is rewritten in its checked form (bad values dropped), so copying
  // the address shares what is shown; a page opened without one keeps its plain address.
  if (hash && hash !== "#") writeLink();
  else clearTimeout(linkTimer);
}

// ------------------------------------------------------------------------------ the model
const model = { status: "starting", worker: null, nextId: 1, waiting: new Map() };

function connectWorker() {
  const boot = window.explorerBoot;
  window.bootExplorer(new URL("worker.mjs", import.meta.url).href);
  model.worker = boot.worker;
  const early = boot.queue;
  boot.queue = { push: onWorkerMessage }; // the boot script's listeners now deliver here
  early.forEach(onWorkerMessage);
  // A runtime that neither starts nor fails (seen when WebAssembly is blocked) must not leave
  // the reader waiting for ever.
  setTimeout(() => {
    if (model.status === "starting") onWorkerMessage({ type: "failed", message: "it did not start within a minute" });
  }, 60_000);
}

function onWorkerMessage(message) {
  if (message.type === "ready") {
    model.status = "ready";
    explorer.timings.modelReady = performance.now();
    setStatus("The model is running in your browser: changes are calculated as you make them.");
    pump();
  } else if (message.type === "failed") {
    if (model.status === "failed") return;
    model.status = "failed";
    for (const { reject } of model.waiting.values()) reject(new Error(message.message));
    model.waiting.clear();
    showFailure(message.message);
  } else if (message.type === "result" || message.type === "error") {
    const job = model.waiting.get(message.id);
    model.waiting.delete(message.id);
    if (!job) return;
    if (message.type === "result") job.resolve(JSON.parse(message.json));
    else job.reject(new Error(message.message));
  }
}

function ask(request) {
  return new Promise((resolve, reject) => {
    const id = model.nextId++;
    model.waiting.set(id, { resolve, reject });
    model.worker.postMessage({ id, request });
  });
}

// ------------------------------------------------------------------------------ scheduling
// Each change asks for the result without the uncertainty band (about 1 ms in the worker); the
// band (1,000 model runs) follows once the reader pauses. While the worker is busy, only the
// latest change is kept, so the charts follow a dragged slider without falling behind.
let pending = null;
let busy = false;
let bandTimer = 0;

function requestFor(job, band) {
  return { scenario: job.scenario, overrides: job.overrides, uncertainty: band, samples: registry.samples };
}

function update(eventTime, reason) {
  scheduleLink();
  markControls();
  clearTimeout(bandTimer);
  const overrides = overridesFor(scenario, values, registry);
  const job = { scenario, overrides, key: JSON.stringify([scenario, overrides]), eventTime, reason };
  if (!Object.keys(overrides).length && built[scenario]) {
    pending = null; // a published scenario: its build-time result, band and all
    show(built[scenario], job);
    return;
  }
  if (model.status === "failed") {
    showCannotCompute();
    return;
  }
  if (!variant.coalesce) {
    // Straightforward build: every change goes to the worker, band included.
    whenReady().then(() => ask(requestFor(job, true))).then((view) => show(view, job), showError);
    return;
  }
  pending = job;
  if (model.status !== "ready") {
    const n = Object.keys(overrides).length;
    setStatus(`Starting the model in your browser to calculate ${n === 1 ? "1 changed setting" : `${n} changed settings`}…`);
    // Until then, show the scenario the link starts from (its published result), marked as such.
    if (!current && built[scenario]) show(built[scenario], { ...job, reason: "provisional" });
  }
  pump();
}

function whenReady() {
  return new Promise((resolve) => {
    const check = () => (model.status === "ready" ? resolve() : setTimeout(check, 50));
    check();
  });
}

async function pump() {
  if (busy || !pending || model.status !== "ready") return;
  const job = pending;
  pending = null;
  busy = true;
  try {
    const view = await ask(requestFor(job, !variant.two_phase_band));
    show(view, job);
    if (variant.two_phase_band && !view.band) bandTimer = setTimeout(() => addBand(job), BAND_DELAY_MS);
  } catch (error) {
    showError(error);
  } finally {
    busy = false;
  }
  pump();
}

async function addBand(job) {
  if (pending || busy || job.key !== currentKey()) return;
  busy = true;
  try {
    const view = await ask(requestFor(job, true));
    if (job.key === currentKey() && !pending) show(view, { ...job, eventTime: null, reason: "band" });
  } catch (error) {
    showError(error);
  } finally {
    busy = false;
  }
  pump();
}

function currentKey() {
  return JSON.stringify([scenario, overridesFor(scenario, values, registry)]);
}

// ------------------------------------------------------------------------------ showing a result
let announceTimer = 0;

function show(view, job) {
  current = view;
  const provisional = job?.reason === "provisional";
  document.documentElement.classList.toggle("provisional", provisional);
  $("pin").disabled = provisional; // pin what the settings give, not the stand-in
  // The model refuses values it cannot use; the controls then show what it used instead.
  for (const error of view.errors) {
    if (byName.has(error.parameter) || choiceByName.has(error.parameter)) values[error.parameter] = view.values[error.parameter];
  }
  charts.set("scenario", withNaN(view.chart));
  document.documentElement.classList.toggle("no-band", !view.band);
  for (const id of ["change", "programmes", "proposals", "years"]) renderTable(id, view.tables[id]);
  $("summary").textContent = view.summary;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => ($("announce").textContent = view.summary), ANNOUNCE_DELAY_MS);
  renderProblems(view.errors);
  renderInputs();
  if (pinned) renderCompare();
  if (view.errors.length) syncControls();
  explorer.renders += 1;
  charts.painted().then(() => {
    const paintedAt = performance.now();
    if (!("firstChart" in explorer.timings) && view.chart.year.length) explorer.timings.firstChart = paintedAt;
    if (job?.reason === "link" && !("linkShown" in explorer.timings)) explorer.timings.linkShown = paintedAt;
    document.dispatchEvent(new CustomEvent("explorer:render", {
      detail: { reason: job?.reason ?? "", eventTime: job?.eventTime ?? null, paintedAt, band: view.band },
    }));
  });
}

function withNaN(columns) {
  // Bokeh draws nothing for NaN; JSON carries the missing band as null.
  const out = {};
  for (const [name, column] of Object.entries(columns)) out[name] = column.map((v) => (v === null ? NaN : v));
  return out;
}

/** Rebuild one table in the shape of templates/macros.html data_table (text only, no HTML). */
function renderTable(id, table) {
  const el = $(`t-${id}`);
  if (!el || !table) return;
  el.querySelector("caption").textContent = table.caption;
  const headRow = document.createElement("tr");
  for (const column of table.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    if (column.num) th.className = "num";
    th.textContent = column.label;
    headRow.append(th);
  }
  el.tHead.replaceChildren(headRow);
  const body = document.createElement("tbody");
  for (const row of table.rows) {
    const tr = document.createElement("tr");
    row.forEach((cell, i) => {
      const td = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) td.scope = "row";
      else {
        if (table.columns[i].num) td.className = "num";
        td.dataset.v = cell.v === null ? "" : String(cell.v);
      }
      td.textContent = cell.t;
      tr.append(td);
    });
    body.append(tr);
  }
  el.tBodies[0].replaceWith(body);
  el.tHead.hidden = table.rows.length === 0; // the caption then says why there is nothing to show
  const notes = el.closest(".table-block").querySelector(".notes");
  notes.replaceChildren(...table.notes.map((text) => Object.assign(document.createElement("p"), { className: "note", textContent: text })));
}

// A table wider than its region gets shadows at the edges that have more (CSS .overflows). A
// ResizeObserver reads the sizes after layout, so a change never forces an extra layout.
const overflowWatch = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const region = target.closest(".table-scroll");
    region.classList.toggle("overflows", region.scrollWidth > region.clientWidth + 1);
  }
});
for (const table of document.querySelectorAll(".table-scroll > table")) {
  overflowWatch.observe(table);
  overflowWatch.observe(table.parentElement);
}

function renderInputs() {
  const body = document.createElement("tbody");
  const rows = [
    ...registry.choices.map((c) => [c, [c.label, optionLabel(c, values[c.name]), "", optionLabel(c, c.defaults[scenario])]]),
    ...registry.parameters.map((p) => [p, [p.label, formatNumber(values[p.name]), p.unit, formatNumber(p.defaults[scenario])]]),
  ];
  for (const [setting, cells] of rows) {
    const tr = document.createElement("tr");
    const number = byName.has(setting.name);
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      if (number && (i === 1 || i === 3)) cell.className = "num";
      cell.textContent = text;
      tr.append(cell);
    });
    if (!sameSetting(values[setting.name], setting.defaults[scenario])) tr.className = "changed";
    body.append(tr);
  }
  $("inputs-table").tBodies[0].replaceWith(body);
}

function renderProblems(modelErrors = []) {
  const items = [
    ...linkProblems.map((p) => `${p.label}${p.value !== "" ? ` (“${shorten(p.value)}” in the link)` : ""} ${p.message}.`),
    ...modelErrors.map((e) => `${settingLabel(e.parameter)}: ${e.message}; the scenario's value was used.`),
  ];
  const box = $("problems");
  box.hidden = items.length === 0;
  if (!items.length) return;
  $("problems-title").textContent = items.length === 1 ? "One value in this link could not be used:" : `${items.length} values in this link could not be used:`;
  $("problems-list").replaceChildren(...items.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
}

function setStatus(text) {
  $("status").textContent = text;
}

function showFailure(reason) {
  document.documentElement.classList.add("model-failed");
  setStatus(`The model could not start in this browser (${shorten(reason, 120)}). You can still see the four published scenarios, computed when this site was built: choose one above. Changing a setting needs a browser with WebAssembly and module workers, such as a current Chrome, Edge, Firefox or Safari.`);
  $("published").open = true;
  if (Object.keys(overridesFor(scenario, values, registry)).length) showCannotCompute();
}

function showCannotCompute() {
  const box = $("problems");
  box.hidden = false;
  $("problems-title").textContent = "These settings cannot be calculated in this browser, because the model could not start.";
  $("problems-list").replaceChildren(Object.assign(document.createElement("li"), {
    textContent: `The charts and tables show “${registry.presets.find((p) => p.id === scenario).label}” with the report's values instead.`,
  }));
  if (built[scenario]) show(built[scenario], null);
}

function showError(error) {
  setStatus(`The model could not calculate this scenario: ${shorten(error.message, 160)}`);
}

// ------------------------------------------------------------------------------ charts (Bokeh)
// The Panel layout saved at build time holds two ColumnDataSources named "scenario" and
// "pinned"; writing new columns into them makes BokehJS repaint both charts.
const charts = {
  doc: null,
  views: [],
  async attach() {
    // BokehJS builds the document on DOMContentLoaded; wait for its views.
    while (!(window.Bokeh && Bokeh.documents.length && Bokeh.index && Object.keys(Bokeh.index).length)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    this.doc = Bokeh.documents[0];
    explorer.timings.bokehViews = performance.now();
    const roots = Object.values(Bokeh.index);
    await Promise.all(roots.map((root) => root.ready));
    explorer.timings.bokehReady = performance.now();
    this.views = roots.flatMap((root) => [...root.owner.query((view) => view.model?.type === "Plot")]);
  },
  set(name, columns) {
    const source = this.doc?.get_model_by_name(name);
    if (source) source.data = columns;
  },
  showPinned(visible) {
    for (const name of ["pinned-lac", "pinned-cost_m"]) {
      const renderer = this.doc?.get_model_by_name(name);
      if (renderer) renderer.visible = visible;
    }
  },
  /** Resolves once both plots have repainted after the latest change. */
  painted() {
    return Promise.all(this.views.map((view) => view.ready)).then(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  },
};

// ------------------------------------------------------------------------------ controls
const inputs = new Map(); // name -> { range, number, control }
for (const p of registry.parameters) {
  const range = $(`r-${p.name}`);
  const number = $(`n-${p.name}`);
  inputs.set(p.name, { range, number, control: $(`c-${p.name}`) });
  range.addEventListener("input", (event) => setValue(p, Number(range.value), event.timeStamp, "range"));
  number.addEventListener("input", (event) => {
    const checked = checkValue(p, number.value);
    fieldError(p, "value" in checked ? "" : `This ${checked.message}.`);
    if ("value" in checked) setValue(p, checked.value, event.timeStamp, "number");
  });
  number.addEventListener("change", () => {
    if (!("value" in checkValue(p, number.value))) {
      number.value = values[p.name]; // leaving a bad entry puts back the value in use
      fieldError(p, "");
    }
  });
}

const choiceInputs = new Map(); // name -> { radios, control }
for (const c of registry.choices) {
  const radios = [...document.querySelectorAll(`input[type="radio"][data-choice="${c.name}"]`)];
  choiceInputs.set(c.name, { radios, control: $(`c-${c.name}`) });
  for (const radio of radios) {
    radio.addEventListener("change", (event) => {
      if (radio.checked) setChoice(c, radio.value, event.timeStamp);
    });
  }
}

function setChoice(c, value, eventTime) {
  values[c.name] = value;
  for (const radio of choiceInputs.get(c.name).radios) radio.checked = radio.value === value;
  update(eventTime, "control");
}

function setValue(p, value, eventTime, from) {
  values[p.name] = value;
  const { range, number } = inputs.get(p.name);
  if (from !== "range") range.value = value;
  if (from !== "number") number.value = value;
  update(eventTime, "control");
}

function fieldError(p, text) {
  const { number } = inputs.get(p.name);
  const el = $(`e-${p.name}`);
  el.textContent = text;
  el.hidden = !text;
  number.setAttribute("aria-invalid", text ? "true" : "false");
}

function syncControls() {
  for (const p of registry.parameters) {
    const { range, number } = inputs.get(p.name);
    range.value = values[p.name];
    number.value = values[p.name];
    fieldError(p, "");
  }
  for (const c of registry.choices) {
    for (const radio of choiceInputs.get(c.name).radios) radio.checked = radio.value === values[c.name];
  }
  for (const radio of document.querySelectorAll('input[name="scenario"]')) radio.checked = radio.value === scenario;
  markControls();
}

/** Mark changed settings, and settings the current choices do not read. */
function markControls() {
  for (const p of registry.parameters) {
    const { control } = inputs.get(p.name);
    const changed = !sameNumber(values[p.name], p.defaults[scenario]);
    control.classList.toggle("changed", changed);
    control.querySelector(".reset").hidden = !changed;
    for (const el of control.querySelectorAll(".default")) el.textContent = formatNumber(p.defaults[scenario]);
    const unused = unusedNow(p);
    control.querySelector(".not-used").hidden = !unused;
    control.classList.toggle("unused", unused);
  }
  for (const c of registry.choices) {
    const { control } = choiceInputs.get(c.name);
    const changed = values[c.name] !== c.defaults[scenario];
    control.classList.toggle("changed", changed);
    control.querySelector(".reset").hidden = !changed;
    control.querySelector(".default").textContent = optionLabel(c, c.defaults[scenario]);
  }
  for (const group of document.querySelectorAll("details.group")) {
    const n = group.querySelectorAll(".control.changed").length;
    const badge = group.querySelector(".changed-count");
    badge.hidden = n === 0;
    badge.textContent = n === 1 ? "1 changed" : `${n} changed`;
  }
  const preset = registry.presets.find((p) => p.id === scenario);
  $("scenario-source").textContent = `${preset.label}: ${preset.description} Source: ${preset.source}.`;
}

for (const radio of document.querySelectorAll('input[name="scenario"]')) {
  radio.addEventListener("change", (event) => {
    if (!radio.checked) return;
    // Changed settings are kept: the same programme can be tried under each scenario.
    const kept = overridesFor(scenario, values, registry);
    scenario = radio.value;
    values = { ...defaultsFor(scenario), ...kept };
    linkProblems = [];
    syncControls();
    update(event.timeStamp, "preset");
  });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.resetChoice) {
    const c = choiceByName.get(button.dataset.resetChoice);
    setChoice(c, c.defaults[scenario], event.timeStamp);
    choiceInputs.get(c.name).radios.find((r) => r.checked)?.focus();
  } else if (button.dataset.reset) {
    const p = byName.get(button.dataset.reset);
    setValue(p, p.defaults[scenario], event.timeStamp, "button");
    fieldError(p, "");
    inputs.get(p.name).number.focus();
  } else if (button.classList.contains("use-report")) {
    const p = byName.get(button.dataset.param);
    setValue(p, Number(button.dataset.value), event.timeStamp, "button");
  }
});

$("reset-all").addEventListener("click", (event) => {
  values = defaultsFor(scenario);
  linkProblems = [];
  syncControls();
  update(event.timeStamp, "reset");
});

$("settings").addEventListener("submit", (event) => event.preventDefault());

// ------------------------------------------------------------------------------ pin and compare
$("pin").addEventListener("click", () => {
  if (pinned) {
    pinned = null;
  } else if (current) {
    pinned = { scenario, values: { ...values }, view: current };
    charts.set("pinned", { year: current.chart.year, lac: current.chart.lac, cost_m: current.chart.cost_m });
  }
  charts.showPinned(Boolean(pinned));
  $("legend-pinned").hidden = !pinned;
  $("pin").setAttribute("aria-pressed", String(Boolean(pinned)));
  $("pin").textContent = pinned ? "Unpin A" : "Pin as A";
  $("compare").hidden = !pinned;
  if (pinned) renderCompare();
});

function renderCompare() {
  const rows = current.key.map((figure, i) => {
    const a = pinned.view.key[i];
    const diff = figure.v === null || a.v === null ? null : figure.v - a.v;
    return [figure.label, a.t, figure.t, diff === null ? "—" : signed(figure.kind, diff)];
  });
  const body = document.createElement("tbody");
  for (const cells of rows) {
    const tr = document.createElement("tr");
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      else cell.className = "num";
      cell.textContent = text;
      tr.append(cell);
    });
    body.append(tr);
  }
  $("compare-table").tBodies[0].replaceWith(body);
  const differ = [];
  if (pinned.scenario !== scenario) {
    const label = (id) => registry.presets.find((p) => p.id === id).label;
    differ.push(`Scenario: A “${label(pinned.scenario)}”, B “${label(scenario)}”`);
  }
  for (const c of registry.choices) {
    if (pinned.values[c.name] !== values[c.name]) {
      differ.push(`${c.label}: A “${optionLabel(c, pinned.values[c.name])}”, B “${optionLabel(c, values[c.name])}”`);
    }
  }
  for (const p of registry.parameters) {
    if (!sameNumber(pinned.values[p.name], values[p.name])) {
      differ.push(`${p.label}: A ${formatNumber(pinned.values[p.name])}, B ${formatNumber(values[p.name])} (${p.unit})`);
    }
  }
  if (!differ.length) differ.push("None: A and B have the same settings.");
  $("compare-inputs").replaceChildren(...differ.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
}

/** A difference with its sign, formatted as the presenter formats the figure itself. */
function signed(kind, x) {
  const sign = x > 0 ? "+" : x < 0 ? "-" : "";
  const a = Math.abs(x);
  const round = (v, places) => Math.floor(v * 10 ** places + 0.5) / 10 ** places;
  const grouped = (v, places) => v.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
  if (kind === "count") return `${sign}${grouped(round(a, 0), 0)}`;
  if (kind === "money_m") return `${sign}£${grouped(round(a / 1e6, 2), 2)}M`;
  if (kind === "money") return `${sign}£${grouped(round(a, 0), 0)}`;
  return `${sign}${grouped(round(a, 1), 1)}`;
}

// ------------------------------------------------------------------------------ share and export
$("copy-link").addEventListener("click", async () => {
  writeLink();
  const url = host.location.href;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    /* no clipboard permission (e.g. an insecure origin): show the link to copy by hand */
  }
  $("copied").textContent = copied ? "Link copied. Anyone who opens it sees this scenario." : `Copy this link: ${url}`;
});

$("download").addEventListener("click", () => {
  if (!current) return;
  writeLink();
  const preset = registry.presets.find((p) => p.id === scenario);
  const lines = [
    ["Scenario explorer: looked-after children in Thurrock"],
    ["Link", host.location.href],
    ["Scenario", preset.label],
    ["Uncertainty band", current.band ? `${registry.percentiles[0]}th to ${registry.percentiles[1]}th percentile of ${registry.samples} runs` : "not computed"],
    [],
    ["Setting", "Name", "Value", "Unit", "Scenario's value"],
    // A choice's value as the command line takes it, with its plain words in the unit column.
    ...registry.choices.map((c) => [c.label, c.name, values[c.name], optionLabel(c, values[c.name]), c.defaults[scenario]]),
    ...registry.parameters.map((p) => [p.label, p.name, values[p.name], p.unit, p.defaults[scenario]]),
    [],
    current.export.columns,
    ...current.export.rows,
  ];
  const csv = lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
  const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: `thurrock-lac-${scenario}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote every text cell; a leading = + - @ would make a spreadsheet treat text as a formula.
  if (typeof value === "number") return text;
  return `"${text.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"`;
}

// Print: the tables carry the figures; open the folded ones while printing.
let reopened = [];
window.addEventListener("beforeprint", () => {
  reopened = [...document.querySelectorAll("details:not([open])")].filter((d) => d.closest(".rest"));
  reopened.forEach((d) => (d.open = true));
});
window.addEventListener("afterprint", () => reopened.forEach((d) => (d.open = false)));
$("print").addEventListener("click", () => window.print());

// ------------------------------------------------------------------------------ start
async function start() {
  explorer.timings.glue = performance.now();
  if (host !== window) {
    // Framed by the site's /explorer/ page, which has its own heading.
    document.documentElement.classList.add("framed");
    $("full-screen").hidden = false;
  }
  host.addEventListener("hashchange", onHashChange);
  // Instant navigation removes this frame; stop listening to the page that framed it.
  window.addEventListener("pagehide", () => host.removeEventListener("hashchange", onHashChange));
  // On two cores, starting Pyodide (a 9.6 MB WebAssembly compile) while BokehJS lays out the
  // charts slows both; the shipped page starts it once the first chart is on screen.
  if (!variant.worker_after_chart) connectWorker();
  await charts.attach();
  applyLink(isScenario(host.location.hash) ? host.location.hash : "");
  if (variant.worker_after_chart) charts.painted().then(connectWorker);
  // The skip link moves focus without touching the address (which holds the scenario).
  document.querySelector(".skip").addEventListener("click", (event) => {
    event.preventDefault();
    document.querySelector('#settings input[name="scenario"]:checked').focus();
  });
}

start();
