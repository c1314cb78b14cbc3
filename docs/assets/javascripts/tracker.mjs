// The tracker page's filters. Without JavaScript the full table shows; with it, a reader narrows
// the table by plan, topic, meeting, lead officer or status, or by words, and the address bar
// keeps the choice so a filtered view can be shared or printed. The rules are in
// tracker-filter.mjs; the choices and their labels come from the page (written by sitegen).
import { describe, matches, parseQuery, summarise, toQuery } from "./tracker-filter.mjs";

function labelled(text, control) {
  const wrapper = document.createElement("div");
  const label = document.createElement("label");
  label.htmlFor = control.id;
  label.textContent = text;
  wrapper.append(label, control);
  return wrapper;
}

function setUp(container) {
  if (container.dataset.ready) return;
  const table = container.querySelector("table");
  if (!table) return;
  container.dataset.ready = "yes";
  const options = JSON.parse(container.dataset.options);
  const rows = Array.from(table.tBodies[0].rows).map((tr) => {
    const marker = tr.querySelector(".tracker-row");
    return { tr, data: marker ? { ...marker.dataset } : {}, text: tr.textContent };
  });

  const form = document.createElement("form");
  form.className = "table-filters tracker-filters";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the records");
  form.addEventListener("submit", (event) => event.preventDefault());
  const selects = {};
  for (const filter of options) {
    const select = document.createElement("select");
    select.id = `tracker-${filter.key}`;
    select.add(new Option("All", ""));
    for (const [value, label] of filter.options) select.add(new Option(label, value));
    selects[filter.key] = select;
    form.append(labelled(filter.label, select));
  }
  const search = document.createElement("input");
  search.type = "search";
  search.id = "tracker-words";
  search.placeholder = "for example: foster";
  form.append(labelled("Words", search));
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "md-button tracker-clear";
  clear.textContent = "Show all";
  form.append(clear);

  const status = document.createElement("p");
  status.className = "table-filter-status";
  status.setAttribute("aria-live", "polite");
  const printed = document.createElement("p");
  printed.className = "tracker-print-summary";
  container.prepend(form, status, printed);

  function current() {
    const selection = {};
    for (const [key, select] of Object.entries(selects)) if (select.value) selection[key] = select.value;
    return { selection, words: search.value };
  }

  function apply({ updateAddress = true } = {}) {
    const { selection, words } = current();
    const shown = [];
    for (const row of rows) {
      const ok = matches(row.data, selection, words, row.text);
      row.tr.hidden = !ok;
      if (ok) shown.push(row.data);
    }
    status.textContent = summarise(shown, rows.length, options);
    const described = describe(selection, words, options);
    printed.textContent = described ? `Filtered: ${described}. ${status.textContent}` : "";
    // A filtered print is the records only; an unfiltered one keeps the roll-ups.
    document.body.classList.toggle("tracker-filtered", Boolean(described));
    if (updateAddress) {
      const query = toQuery(selection, words, options);
      history.replaceState(history.state, "", `${location.pathname}${query}${location.hash}`);
    }
  }

  function choose(search_) {
    const { selection, words } = parseQuery(search_, options);
    for (const [key, select] of Object.entries(selects)) select.value = selection[key] || "";
    search.value = words;
  }

  form.addEventListener("input", () => apply()); // drop-downs and the search box alike (no "change" too: twice)
  clear.addEventListener("click", () => {
    choose("");
    apply();
  });
  // Roll-up lines link to a filtered view of this page: apply it here instead of reloading.
  document.querySelectorAll(".rollup a[href^='?']").forEach((a) => {
    a.addEventListener("click", (event) => {
      event.preventDefault();
      choose(a.getAttribute("href").split("#")[0]);
      apply();
      document.getElementById("records").scrollIntoView();
    });
  });
  choose(location.search);
  apply({ updateAddress: false });
}

function onPage() {
  document.querySelectorAll(".tracker[data-options]").forEach(setUp);
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(onPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", onPage);
} else {
  onPage();
}
