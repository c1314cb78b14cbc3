// The scenario in the link: reading and writing the URL fragment.
//
//   #scenario=rising-lac&edge_of_care_families=200&cost_per_week=1100
//
// Names are the model's parameter names (as on its command line, `--set NAME=VALUE`). Only values
// that differ from the preset are written. Everything read from a link is untrusted: numbers are
// parsed with Number() after a strict pattern check, checked against the registry's range, and
// never inserted into the page as HTML (callers show them with textContent).

const MAX_FRAGMENT = 4000; // characters of a fragment we read at all
const MAX_PROBLEMS = 12; // refusals listed; any more are summarised in one line
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/; // as the model's own check

/** "1,072" / "0.23": how a number is written in messages (matches the model's format_number). */
export function formatNumber(x) {
  if (Number.isInteger(x)) return x.toLocaleString("en-GB");
  return x.toLocaleString("en-GB", { maximumFractionDigits: 6 });
}

/** At most `max` characters of an untrusted value, for a message (shown as text, never HTML). */
export function shorten(text, max = 40) {
  const s = String(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Check one value against its registry entry: { value } or { message } (why it was refused). */
export function checkValue(param, raw) {
  const text = String(raw).trim();
  const range = `between ${formatNumber(param.min)} and ${formatNumber(param.max)}`;
  if (!NUMBER.test(text)) return { message: `is not a number; it must be ${range}` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { message: `is too large; it must be ${range}` };
  if (value < param.min || value > param.max) return { message: `is outside the range: it must be ${range}` };
  return { value };
}

/** Read a fragment. Returns { scenario, overrides: {name: number}, problems: [{name, label, value, message}] }. */
export function parseFragment(fragment, registry) {
  const byName = new Map(registry.parameters.map((p) => [p.name, p]));
  const presetIds = new Set(registry.presets.map((p) => p.id));
  const result = { scenario: registry.default_preset, overrides: {}, problems: [] };
  let text = String(fragment || "").replace(/^#/, "");
  if (text.length > MAX_FRAGMENT) {
    result.problems.push({ name: "", label: "The link", value: "", message: `is longer than ${MAX_FRAGMENT} characters; only its start was read` });
    text = text.slice(0, MAX_FRAGMENT);
  }
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return result;
  }
  for (const [name, raw] of params) {
    if (name === "scenario") {
      if (presetIds.has(raw)) result.scenario = raw;
      else result.problems.push({ name, label: "Scenario", value: raw, message: `is not one of the published scenarios, so the explorer starts from “${labelOf(registry, registry.default_preset)}”` });
      continue;
    }
    const param = byName.get(name);
    if (!param) {
      if (name === "") continue;
      result.problems.push({ name, label: name, value: raw, message: "is not a setting of the model, so it was ignored" });
      continue;
    }
    const checked = checkValue(param, raw);
    if ("value" in checked) {
      result.overrides[name] = checked.value;
      continue;
    }
    delete result.overrides[name]; // a bad repeat of a name resets it, as the message says
    result.problems.push({ name, label: param.label, value: raw, message: `${checked.message}, so it was reset to the preset value ${formatNumber(param.defaults[result.scenario] ?? param.defaults[registry.default_preset])}` });
  }
  // The preset is known only now; values equal to it are not overrides.
  for (const [name, value] of Object.entries(result.overrides)) {
    if (sameNumber(value, byName.get(name).defaults[result.scenario])) delete result.overrides[name];
  }
  if (result.problems.length > MAX_PROBLEMS) {
    const extra = result.problems.length - MAX_PROBLEMS;
    result.problems = result.problems.slice(0, MAX_PROBLEMS);
    result.problems.push({ name: "", label: "The link", value: "", message: `has ${extra} more values that were ignored` });
  }
  return result;
}

/** The fragment for a scenario: `scenario=` and each value that differs from that preset. */
export function fragmentFor(scenario, values, registry) {
  const out = new URLSearchParams();
  out.set("scenario", scenario);
  for (const p of registry.parameters) {
    const value = values[p.name];
    if (value !== undefined && !sameNumber(value, p.defaults[scenario])) out.set(p.name, String(value));
  }
  return out.toString();
}

/** Values that differ from the preset (what the model is sent as overrides). */
export function overridesFor(scenario, values, registry) {
  const out = {};
  for (const p of registry.parameters) {
    if (values[p.name] !== undefined && !sameNumber(values[p.name], p.defaults[scenario])) out[p.name] = values[p.name];
  }
  return out;
}

export function sameNumber(a, b) {
  return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
}

function labelOf(registry, presetId) {
  return registry.presets.find((p) => p.id === presetId)?.label ?? presetId;
}
