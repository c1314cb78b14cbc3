// Tables, chart columns and the comparison, from a result's one set of figures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellText, chartData, compareModel, yearsRows } from "../../../explorer/static/results.mjs";
import { result } from "../../../explorer/static/store.mjs";
import { loadRegistry, loadViews, viewKey } from "./support.mjs";

const registry = loadRegistry();
const { views, layout } = loadViews();
const view = (scenario, overrides = {}, band = false) => views[viewKey({ scenario, overrides, uncertainty: band })];

test("the year-by-year table has a row per year, years never written as 2,037", () => {
  const v = view("rising-lac", {}, true);
  const rows = yearsRows(v.series, layout);
  assert.equal(rows.length, v.series.year.length);
  assert.equal(cellText(rows.at(-1)[0], registry.formats), "2037");
  assert.match(cellText(rows.at(-1)[5], registry.formats), /^\d[\d,]* to \d[\d,]*$/); // the band's range
  const noBand = yearsRows(view("rising-lac").series, layout);
  assert.equal(cellText(noBand[3][5], registry.formats), "—");
});

test("chart columns are the series, in £ million for costs, missing figures as NaN", () => {
  const columns = { year: ["year", 1], cost_m: ["total_cost", 1e-6], lac_low: ["lac_low", 1] };
  const v = view("rising-lac");
  const data = chartData(v.series, columns);
  assert.equal(data.cost_m[0], v.series.total_cost[0] * 1e-6);
  assert.ok(data.lac_low.every(Number.isNaN));
});

test("A and B are compared in a year both reach, and the note says so", () => {
  const a = result(view("rising-lac", { edge_of_care_families: 200 }));
  const b = result(view("rising-lac", { edge_of_care_families: 200, end_year: 2030 }));
  const model = compareModel(registry, layout, registry.formats, a, b);
  assert.equal(model.year, 2030);
  assert.equal(model.rows[0][0], "Looked-after children in 2030");
  const i = a.view.series.year.indexOf(2030);
  assert.equal(model.rows[0][1], cellText({ v: a.view.series.lac[i], k: "count" }, registry.formats)); // A's 2030, not its 2037
  assert.equal(model.rows[0][3], "0");
  assert.match(model.note, /A's forecast ends in 2037 and B's in 2030, so both are compared in 2030/);
  assert.deepEqual(model.differ, ["Last year of the forecast: A 2037, B 2030"]);
});

test("the differences between A and B are named, with units and the choices' words", () => {
  const a = result(view("falling-lac", { uasc: 40 }));
  const b = result(view("rising-lac"));
  const model = compareModel(registry, layout, registry.formats, a, b);
  assert.ok(model.differ.includes("Scenario: A “Falling looked-after children”, B “Rising looked-after children”"));
  assert.ok(model.differ.some((d) => /^Unaccompanied.*: A 40, B 38 \(children\)$/.test(d)), model.differ.join("\n"));
  const diff = model.rows.find((r) => r[0] === "Looked-after children in 2037");
  assert.match(diff[3], /^[+-]?\d/);
});
