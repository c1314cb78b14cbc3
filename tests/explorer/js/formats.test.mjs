// Figures read the same written by the browser as by the presenter (tests/cases/formats.json).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatKind } from "../../../explorer/static/formats.mjs";
import { loadCases, loadRegistry } from "./support.mjs";

const { formats } = loadRegistry();

test("every shared case is written as the presenter writes it", () => {
  for (const c of loadCases("formats")) assert.equal(formatKind(formats, c.kind, c.value), c.text, JSON.stringify(c));
});

test("a difference carries its sign", () => {
  assert.equal(formatKind(formats, "money_m", 1_234_000, { signed: true }), "+£1.23M");
  assert.equal(formatKind(formats, "money_m", -1_234_000, { signed: true }), "-£1.23M");
  assert.equal(formatKind(formats, "count", 0.2, { signed: true }), "0");
  assert.equal(formatKind(formats, "year", 2037), "2037");
});
