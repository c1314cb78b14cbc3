// The tracker's filtering rules, without the page: which rows a choice of filters keeps, what the
// address bar says about it, and the sentence that counts what is shown. Tested in Node
// (tests/site/test_tracker_js.py); tracker.mjs connects it to the page.

// A row's values for one filter. Topics are space-separated (a record can have several).
export function rowValues(row, key) {
  const value = row[key] ?? "";
  return key === "topic" ? value.split(" ").filter(Boolean) : [value];
}

// Does a row pass every chosen filter and contain every typed word?
export function matches(row, selection, words = "", rowText = "") {
  for (const [key, wanted] of Object.entries(selection)) {
    if (wanted && !rowValues(row, key).includes(wanted)) return false;
  }
  const text = rowText.toLowerCase();
  return words.toLowerCase().split(/\s+/).filter(Boolean).every((w) => text.includes(w));
}

// The chosen filters from an address's query string, keeping only known filters and values.
export function parseQuery(search, options) {
  const params = new URLSearchParams(search);
  const selection = {};
  let words = "";
  for (const filter of options) {
    const value = params.get(filter.key);
    if (value && filter.options.some(([v]) => v === value)) selection[filter.key] = value;
  }
  if (params.get("q")) words = params.get("q");
  return { selection, words };
}

// The query string for a choice of filters, in the filters' own order ("" when none).
export function toQuery(selection, words, options) {
  const params = new URLSearchParams();
  for (const filter of options) {
    if (selection[filter.key]) params.set(filter.key, selection[filter.key]);
  }
  if (words && words.trim()) params.set("q", words.trim());
  const query = params.toString();
  return query ? `?${query}` : "";
}

function labelFor(options, key, value) {
  const filter = options.find((f) => f.key === key);
  const option = filter && filter.options.find(([v]) => v === value);
  return option ? option[1] : value;
}

// "Showing 14 of 264 records: 3 complete, 11 on track." in the status filter's own order.
export function summarise(shownRows, total, options) {
  const statusFilter = options.find((f) => f.key === "status");
  const counts = new Map();
  for (const row of shownRows) counts.set(row.status, (counts.get(row.status) || 0) + 1);
  const parts = (statusFilter ? statusFilter.options : [])
    .filter(([value]) => counts.get(value))
    .map(([value, label]) => `${counts.get(value)} ${label.toLowerCase()}`);
  const noun = total === 1 ? "record" : "records";
  return `Showing ${shownRows.length} of ${total} ${noun}` + (parts.length ? `: ${parts.join(", ")}.` : ".");
}

// "Plan or list: Development Plan; Status: Complete" for the printed page ("" when unfiltered).
export function describe(selection, words, options) {
  const parts = options
    .filter((f) => selection[f.key])
    .map((f) => `${f.label}: ${labelFor(options, f.key, selection[f.key])}`);
  if (words && words.trim()) parts.push(`Words: "${words.trim()}"`);
  return parts.join("; ");
}
