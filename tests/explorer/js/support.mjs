// Shared by the Node tests: the page's registry (written by tests/explorer/test_explorer_js.py)
// and the cases tests/cases/ shares with the Python tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const STATIC = path.join(ROOT, "explorer", "static");

export function loadRegistry() {
  const file = process.env.EXPLORER_REGISTRY;
  if (!file) throw new Error("EXPLORER_REGISTRY is not set: run these tests through pytest (tests/explorer/test_explorer_js.py)");
  return JSON.parse(readFileSync(file, "utf8"));
}

export function loadCases(name) {
  return JSON.parse(readFileSync(path.join(ROOT, "tests", "cases", `${name}.json`), "utf8")).cases;
}

/** A link given as a list in the cases: [text, [repeated, times], ...]. */
export function linkText(link) {
  return typeof link === "string" ? link : link.map((part) => (typeof part === "string" ? part : part[0].repeat(part[1]))).join("");
}
