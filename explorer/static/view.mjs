// Puts the state on the page: status and notice, problems, tables, the comparison and the settings
// the figures were computed with. Text only (textContent), never markup. The words come from
// status.mjs and results.mjs, which Node tests; this module only writes them into the page.
import { compareModel, cellText, yearsRows } from "./results.mjs";
import { valueText } from "./settings.mjs";
import { modelText, problemsModel, statusModel } from "./status.mjs";

// The site's acronyms the explorer's words use (explorer/abbreviations.py): expanded on hover.
let abbreviations = { pattern: "(?!)", terms: {} };
let acronym = /(?!)/g; // abbreviations.pattern, compiled once
export function useAbbreviations(given) {
  if (given) {
    abbreviations = given;
    acronym = new RegExp(given.pattern, "g");
  }
}

/** `text` into `el`, each acronym as <abbr title="what it stands for">: text only, never markup. */
export function setText(el, text) {
  const parts = [];
  let last = 0;
  for (const m of String(text).matchAll(acronym)) {
    parts.push(text.slice(last, m.index), Object.assign(document.createElement("abbr"), { title: abbreviations.terms[m[1]], textContent: m[1] }));
    last = m.index + m[0].length;
  }
  parts.push(String(text).slice(last));
  el.replaceChildren(...parts.filter((part) => part !== ""));
}

/** Write only what changed: an unchanged write still costs the page a style pass. */
function put(el, key, value) {
  if (el[key] !== value) el[key] = value;
}

/** `setText`, unless the element already says exactly that. */
function putText(el, text) {
  if (el.textContent !== String(text)) setText(el, text);
}

const li = (text) => {
  const item = document.createElement("li");
  setText(item, text);
  return item;
};

/** Fill one table (in the shape of templates/macros.html data_table): cells are rewritten in place
 * when the table keeps its shape, and only those whose text changed. */
export function renderTable(el, table, rows, formats) {
  if (!el) return;
  putText(el.querySelector("caption"), table.caption);
  const labels = table.columns.map((c) => c.label);
  const head = el.tHead.rows[0];
  if (!head || head.cells.length !== labels.length || [...head.cells].some((th, i) => th.textContent !== labels[i])) {
    const tr = document.createElement("tr");
    for (const column of table.columns) {
      const th = Object.assign(document.createElement("th"), { scope: "col" });
      setText(th, column.label);
      if (column.num || column.k) th.className = "num";
      tr.append(th);
    }
    el.tHead.replaceChildren(tr);
  }
  put(el.tHead, "hidden", rows.length === 0); // the caption then says why there is nothing to show
  const body = el.tBodies[0];
  const texts = rows.map((row) => row.map((cell) => cellText(cell, formats)));
  const sameShape = body.rows.length === texts.length && texts.every((row, r) => body.rows[r].cells.length === row.length);
  if (sameShape) {
    texts.forEach((row, r) => row.forEach((text, c) => putText(body.rows[r].cells[c], text)));
  } else {
    const fresh = document.createElement("tbody");
    for (const row of texts) {
      const tr = document.createElement("tr");
      row.forEach((text, i) => {
        const td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) td.scope = "row";
        else if (table.columns[i]?.num || table.columns[i]?.k) td.className = "num";
        setText(td, text);
        tr.append(td);
      });
      fresh.append(tr);
    }
    body.replaceWith(fresh);
  }
  const notes = el.closest(".ex-table")?.querySelector(".ex-notes");
  if (notes && notes.textContent !== (table.notes ?? []).join("")) {
    notes.replaceChildren(...(table.notes ?? []).map((text) => {
      const note = Object.assign(document.createElement("p"), { className: "ex-note" });
      setText(note, text);
      return note;
    }));
  }
}

/** Mark each table region that is wider than its column (.ex-overflows: edge shadows). The sizes
 * are read after layout, by a ResizeObserver, so a change never forces an extra layout. Returns
 * the observer (kept with the page's element, across visits). */
export function watchOverflow(root) {
  const watch = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const region = target.closest(".ex-scroll");
      const overflows = region.scrollWidth > region.clientWidth + 1;
      if (region.classList.contains("ex-overflows") !== overflows) region.classList.toggle("ex-overflows", overflows);
    }
  });
  for (const table of root.querySelectorAll(".ex-scroll > table")) {
    watch.observe(table);
    watch.observe(table.parentElement);
  }
  return watch;
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
    bandWait: root.querySelector(".ex-band-wait"),
    bandNote: $("ex-band-note"),
    dimmed: [root.querySelector(".ex-chart-grid"), $("ex-summary"), ...root.querySelectorAll(".ex-tables table")],
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
    folds: { proposals: $("ex-proposals"), years: $("ex-years"), inputs: $("ex-inputs") },
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
  if (p.root.dataset.phase !== model.phase) p.root.dataset.phase = model.phase;
  putText(p.badge, BADGES[model.phase]);
  putText(p.notice, model.notice);
  put(p.notice, "hidden", !model.notice);
  putText(p.summary, model.summary);
  putText(p.compact, model.compact);
  putText(p.compactBase, model.compactBase ? `(${model.compactBase})` : "");
  putText(p.chartsWhose, `“${model.figures}”`);
  putText(p.inputsWhose, `“${model.figures}”`);
  put(p.bandWait, "hidden", model.band);
  // The figures are dimmed too when they stay provisional for more than a moment (the words
  // above say so at once): dimming them for every move of a slider would flicker, and make the
  // browser restyle the tables twice for each move.
  clearTimeout(p.dimTimer);
  if (!model.provisional) dim(p, false);
  else p.dimTimer = setTimeout(() => dim(p, true), DIM_AFTER_MS);
}

const DIM_AFTER_MS = 250;

function dim(p, on) {
  for (const el of p.dimmed) if (el.classList.contains("ex-dim") !== on) el.classList.toggle("ex-dim", on);
}

export function renderModelStatus(p, status, reason) {
  putText(p.status, modelText(status, reason));
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
  put(p.compare, "hidden", !show);
  put(p.legendPinned, "hidden", !(show && state.pinned));
  if (p.pin.getAttribute("aria-pressed") !== String(show)) p.pin.setAttribute("aria-pressed", String(show));
  putText(p.pin, show ? "Unpin A" : "Pin as A");
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

/** The result's tables. The folded ones (year by year, the proposals, the settings used) are
 * drawn when unfolded or printed; until then they are emptied, so no fold ever holds figures of
 * another result. `pending` keeps what each still needs. */
export function renderResults(p, registry, layout, formats, shown, pending) {
  const { view } = shown;
  putText(p.bandNote, view.tables.years.notes[0] ?? ""); // what the band varies, and what not
  for (const id of ["change", "programmes"]) renderTable(p.tables[id], view.tables[id], view.tables[id].rows, formats);
  pending.proposals = () => renderTable(p.tables.proposals, view.tables.proposals, view.tables.proposals.rows, formats);
  pending.years = () => renderTable(p.tables.years, { ...layout.years, ...view.tables.years }, yearsRows(view.series, layout), formats);
  pending.inputs = () => renderInputs(p, registry, shown);
  for (const [name, draw] of Object.entries(pending)) {
    if (!draw) continue;
    if (p.folds[name].open) {
      draw();
      pending[name] = null;
    } else {
      // Rows and notes alike describe a result (the band's note names its ranges): both emptied.
      p.folds[name].querySelector("tbody").replaceChildren();
      for (const notes of p.folds[name].querySelectorAll(".ex-notes")) notes.replaceChildren();
    }
  }
}

/** Draw the folded tables still to draw: the open ones, or (for printing) all. */
export function drawPending(p, pending, all = false) {
  for (const [name, draw] of Object.entries(pending)) {
    if (draw && (all || p.folds[name].open)) {
      draw();
      pending[name] = null;
    }
  }
}

export { statusModel };
