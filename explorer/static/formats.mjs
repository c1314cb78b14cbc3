// Figures in words, by the table explorer/py/explorer_presenter.py defines (FORMATS) and the page's
// data carries: a figure formatted here reads exactly as the presenter writes it in Python.
// tests/cases/formats.json is checked against both.

export const MISSING = "—";

/** Half away from zero, as the presenter's _round. */
function round(x, places) {
  const scale = 10 ** places;
  return Math.sign(x) * (Math.floor(Math.abs(x) * scale + 0.5) / scale);
}

function digits(x, places, group) {
  const [whole, fraction] = x.toFixed(places).split(".");
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `value` as `formats[kind]` says; `signed` puts "+" before a positive figure (a difference). */
export function formatKind(formats, kind, value, { signed = false } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  const spec = formats[kind];
  if (!spec) throw new Error(`no format for ${kind}`);
  const rounded = round(value * (spec.scale ?? 1), spec.places) + 0; // + 0: never "-0"
  const sign = rounded < 0 ? "-" : signed && rounded > 0 ? "+" : "";
  return `${sign}${spec.prefix ?? ""}${digits(Math.abs(rounded), spec.places, spec.group ?? true)}${spec.suffix ?? ""}`;
}
