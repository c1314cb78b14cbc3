// A computed view turned into what the page shows: table cells, the charts' columns and the
// comparison of A and B. All of it from the view's one set of figures (its `series`), laid out as
// the presenter's LAYOUT says (explorer/py/explorer_presenter.py builds the same tables in Python
// when the site is built). Nothing here touches the page.
import { formatKind, MISSING } from "./formats.mjs";
import { formatValue, optionLabel, presetOf, sameSetting, settingsOf } from "./settings.mjs";

/** A table cell's text, as the presenter's cell_text writes it. */
export function cellText(cell, formats) {
  if ("t" in cell) return String(cell.t);
  if ("lo" in cell) {
    if (cell.lo === null || cell.hi === null) return MISSING;
    return `${formatKind(formats, cell.k, cell.lo)} to ${formatKind(formats, cell.k, cell.hi)}`;
  }
  const text = formatKind(formats, cell.k, cell.v);
  return cell.unit && cell.v !== null ? `${text} ${cell.unit}` : text;
}

/** The year-by-year table's rows of cells, from the series. */
export function yearsRows(series, layout) {
  return series.year.map((_, i) =>
    layout.years.columns.map((column) =>
      column.range ? { lo: series[column.range[0]][i], hi: series[column.range[1]][i], k: column.k } : { v: series[column.field][i], k: column.k },
    ),
  );
}

/** The charts' data source columns: each a series, scaled (to £ million), missing as NaN (which
 * BokehJS leaves undrawn). `columns` is explorer/charts.py's CHART_COLUMNS. */
export function chartData(series, columns) {
  const out = {};
  for (const [name, [field, scale]] of Object.entries(columns)) {
    out[name] = series[field].map((v) => (v === null || v === undefined ? NaN : v * scale));
  }
  return out;
}

const yearIndex = (series, year) => series.year.indexOf(year);

/** Scenario A against B in a year both reach (A's last year may not be B's): rows of
 * [figure, A, B, B − A], and the settings in which they differ. */
export function compareModel(registry, layout, formats, pinned, shown) {
  const a = pinned.view;
  const b = shown.view;
  const year = Math.min(a.series.year.at(-1), b.series.year.at(-1));
  const ia = yearIndex(a.series, year);
  const ib = yearIndex(b.series, year);
  const row = (label, k, va, vb) => {
    const diff = va === null || vb === null || va === undefined || vb === undefined ? null : vb - va;
    return [label, formatKind(formats, k, va), formatKind(formats, k, vb), formatKind(formats, k, diff, { signed: true })];
  };
  const rows = [
    ...layout.compare.map((f) => row(f.label.replace("{year}", String(year)), f.k, a.series[f.field][ia], b.series[f.field][ib])),
    ...b.compare.map((f) => {
      const other = a.compare.find((g) => g.id === f.id);
      return row(f.label, f.k, other?.v ?? null, f.v);
    }),
  ];
  const ends = [a.series.year.at(-1), b.series.year.at(-1)];
  const note = ends[0] === ends[1] ? `Figures for ${year}, the last year of both forecasts.` : `Figures for ${year}: scenario A's forecast ends in ${ends[0]} and B's in ${ends[1]}, so both are compared in ${year}.`;
  return { year, rows, note, differ: differences(registry, pinned.settings, shown.settings) };
}

/** The settings of A and B that differ, in words. */
export function differences(registry, a, b) {
  const out = [];
  if (a.scenario !== b.scenario) out.push(`Scenario: A “${presetOf(registry, a.scenario).label}”, B “${presetOf(registry, b.scenario).label}”`);
  for (const s of settingsOf(registry)) {
    if (sameSetting(a.values[s.name], b.values[s.name])) continue;
    if (s.options) out.push(`${s.label}: A “${optionLabel(s, a.values[s.name])}”, B “${optionLabel(s, b.values[s.name])}”`);
    else out.push(`${s.label}: A ${formatValue(s, a.values[s.name])}, B ${formatValue(s, b.values[s.name])}${s.unit && s.unit !== "year" ? ` (${s.unit})` : ""}`);
  }
  return out.length ? out : ["None: A and B have the same settings."];
}
