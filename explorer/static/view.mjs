// Puts the state on the page: status and notice, problems, tables, the comparison and the settings
// the figures were computed with. Text only (textContent), never markup. The words come from
// status.mjs and results.mjs, which Node tests; this module only writes them into the page.
import { compareModel, cellText, yearsRows } from "./results.mjs";
import { valueText } from "./settings.mjs";
import { modelText, problemsModel, statusModel } from "./status.mjs";

// The site's acronyms the explorer's words use (explorer/abbreviations.py): expanded on hover.
let abbreviations = { pattern: "(?!)", terms: {} };
export function useAbbreviations(given) {
  if (given) abbreviations = given;
}

/** `text` into `el`, each acronym as <abbr title="what it stands for">: text only, never markup. */
export function setText(el, text) {
  const parts = [];
  let last = 0;
  for (const m of String(text).matchAll(new RegExp(abbreviations.pattern, "g"))) {
    parts.push(text.slice(last, m.index), Object.assign(document.createElement("abbr"), { title: abbreviations.terms[m[1]], textContent: m[1] }));
    last = m.index + m[0].length;
  }
  parts.push(String(text).slice(last));
  el.replaceChildren(...parts.filter((part) => part !== ""));
}

const li = (text) => {
  const item = document.createElement("li");
  setText(item, text);
  return item;
};

/** Rebuild one table in the shape of templates/macros.html data_table. */
export function renderTable(el, table, rows, formats) {
  if (!el) return;
  setText(el.querySelector("caption"), table.caption);
  const head = document.createElement("tr");
  for (const column of table.columns) {
    const th = Object.assign(document.createElement("th"), { scope: "col" });
    setText(th, column.label);
    if (column.num || column.k) th.className = "num";
    head.append(th);
  }
  el.tHead.replaceChildren(head);
  el.tHead.hidden = rows.length === 0; // the caption then says why there is nothing to show
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    row.forEach((cell, i) => {
      const td = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) td.scope = "row";
      else td.className = "num";
      setText(td, cellText(cell, formats));
      tr.append(td);
    });
    body.append(tr);
  }
  el.tBodies[0].replaceWith(body);
  const notes = el.closest(".ex-table")?.querySelector(".ex-notes");
  notes?.replaceChildren(...(table.notes ?? []).map((text) => {
    const note = Object.assign(document.createElement("p"), { className: "ex-note" });
    setText(note, text);
    return note;
  }));
}

/** The page's parts, found once per mount. */
export function parts(root) {
  const $ = (id) => root.querySelector(`#${id}`);
  return {
    root,
    status: $("ex-status"),
    action: $("ex-action"),
    badge: $("ex-badge"),
    compact: $("ex-compact"),
    compactBase: $("ex-compact-base"),
    notice: $("ex-notice"),
    summary: $("ex-summary"),
    announce: $("ex-announce"),
    chartsWhose: $("ex-charts-whose"),
    legendPinned: $("ex-legend-pinned"),
    problems: $("ex-problems"),
    problemsTitle: $("ex-problems-title"),
    problemsList: $("ex-problems-list"),
    compare: $("ex-compare"),
    compareNote: $("ex-compare-note"),
    compareTable: $("ex-compare-table"),
    compareInputs: $("ex-compare-inputs"),
    inputsTable: $("ex-inputs-table"),
    inputsWhose: $("ex-inputs-whose"),
    pin: $("ex-pin"),
    tables: Object.fromEntries(["change", "programmes", "proposals", "years"].map((id) => [id, $(`t-${id}`)])),
  };
}

const BADGES = {
  loading: "Published scenario",
  current: "Your settings",
  banding: "Your settings",
  waiting: "Calculating…",
  unavailable: "Not your settings",
};

/** Everything that says whose figures these are. */
export function renderStatus(p, model) {
  p.root.dataset.phase = model.phase;
  p.badge.textContent = BADGES[model.phase];
  setText(p.notice, model.notice);
  p.notice.hidden = !model.notice;
  p.summary.textContent = model.summary;
  p.compact.textContent = model.compact;
  p.compactBase.textContent = model.compactBase ? `(${model.compactBase})` : "";
  p.chartsWhose.textContent = `“${model.figures}”`;
  p.inputsWhose.textContent = `“${model.figures}”`;
  p.root.classList.toggle("ex-no-band", !model.band);
  p.root.classList.toggle("ex-provisional", model.provisional);
}

export function renderModelStatus(p, status, reason) {
  p.status.textContent = modelText(status, reason);
}

export function renderProblems(p, state) {
  const { title, items } = problemsModel(state);
  p.problems.hidden = items.length === 0;
  p.problemsTitle.textContent = title;
  p.problemsList.replaceChildren(...items.map(li));
}

/** The settings the figures on screen were computed with (not the controls' values). */
export function renderInputs(p, registry, shown) {
  const { scenario, values } = shown.settings;
  const body = document.createElement("tbody");
  for (const setting of [...registry.choices, ...registry.parameters]) {
    const tr = document.createElement("tr");
    const changed = valueText(setting, values[setting.name]) !== valueText(setting, setting.defaults[scenario]);
    if (changed) tr.className = "ex-changed";
    const cells = [setting.label, valueText(setting, values[setting.name]), setting.unit ?? "", valueText(setting, setting.defaults[scenario])];
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      if ((i === 1 || i === 3) && !setting.options) cell.className = "num";
      setText(cell, text);
      tr.append(cell);
    });
    body.append(tr);
  }
  p.inputsTable.tBodies[0].replaceWith(body);
}

export function renderCompare(p, registry, layout, formats, state) {
  const show = Boolean(state.askedPinned);
  p.compare.hidden = !show;
  p.legendPinned.hidden = !(show && state.pinned);
  p.pin.setAttribute("aria-pressed", String(show));
  p.pin.textContent = show ? "Unpin A" : "Pin as A";
  if (!show) return;
  if (!state.pinned || !state.shown) {
    p.compareNote.textContent = "Calculating scenario A…";
    p.compareTable.tBodies[0].replaceChildren();
    p.compareInputs.replaceChildren();
    return;
  }
  const model = compareModel(registry, layout, formats, state.pinned, state.shown);
  p.compareNote.textContent = model.note;
  const body = document.createElement("tbody");
  for (const cells of model.rows) {
    const tr = document.createElement("tr");
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      else cell.className = "num";
      setText(cell, text);
      tr.append(cell);
    });
    body.append(tr);
  }
  p.compareTable.tBodies[0].replaceWith(body);
  p.compareInputs.replaceChildren(...model.differ.map(li));
}

/** The result's tables, all of them, folded or not: a printout or an unfolded table never shows
 * figures of another result. */
export function renderResults(p, registry, layout, formats, shown) {
  const { view } = shown;
  for (const id of ["change", "programmes", "proposals"]) renderTable(p.tables[id], view.tables[id], view.tables[id].rows, formats);
  renderTable(p.tables.years, layout.years, yearsRows(view.series, layout), formats);
  renderInputs(p, registry, shown);
}

export { statusModel };
