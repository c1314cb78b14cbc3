// The scenario in the link: reading and writing the URL fragment.
//
//   #scenario=rising-lac&rate_path=to-target&target_rate=60&edge_of_care_families=200
//
// Names are the model's setting names (as on its command line, `--set NAME=VALUE`): numbers and
// choices alike; a parameter's older name (national_non_uasc_rate) is read as its new one. Only
// values that differ from the preset are written. Everything read from a link is untrusted:
// numbers are parsed with Number() after a strict pattern check and checked against the
// registry's range; a choice must be one of the registry's values; nothing is ever inserted into
// the page as HTML (callers show values with textContent).

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

/** Check one choice against its registry entry: { value } or { message }. Spaces and capitals
 * are forgiven ("ONS" is "ons"), as the model's own check does. */
export function checkChoice(choice, raw) {
  const text = String(raw).trim().toLowerCase();
  const option = choice.options.find((o) => o.value === text);
  if (option) return { value: option.value };
  return { message: `must be one of ${choice.options.map((o) => o.value).join(", ")}` };
}

/** The plain words for a choice's value ("Stays at the 2017 rate"). */
export function optionLabel(choice, value) {
  return choice.options.find((o) => o.value === value)?.label ?? String(value);
}

/** Read a fragment. Returns { scenario, overrides: {name: number | choice value}, problems: [{name, label, value, message}] }. */
export function parseFragment(fragment, registry) {
  const byName = new Map(registry.parameters.map((p) => [p.name, p]));
  const choices = new Map((registry.choices ?? []).map((c) => [c.name, c]));
  const aliasOf = new Map(registry.parameters.flatMap((p) => (p.aliases ?? []).map((a) => [a, p.name])));
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
  const given = new Set([...params.keys()]);
  for (const [name, raw] of params) {
    if (name === "scenario") {
      if (presetIds.has(raw)) result.scenario = raw;
      else result.problems.push({ name, label: "Scenario", value: raw, message: `is not one of the published scenarios, so the explorer starts from “${labelOf(registry, registry.default_preset)}”` });
      continue;
    }
    const choice = choices.get(name);
    if (choice) {
      const checked = checkChoice(choice, raw);
      if ("value" in checked) {
        result.overrides[name] = checked.value;
        continue;
      }
      delete result.overrides[name];
      const fallback = choice.defaults[result.scenario] ?? choice.defaults[registry.default_preset];
      result.problems.push({ name, label: choice.label, value: raw, message: `${checked.message}, so it was reset to the preset's choice, “${optionLabel(choice, fallback)}”` });
      continue;
    }
    const alias = aliasOf.get(name);
    if (alias && given.has(alias)) {
      result.problems.push({ name, label: name, value: raw, message: `is the old name of ${alias}, which is also in the link, so it was ignored` });
      continue;
    }
    const param = byName.get(alias ?? name);
    if (!param) {
      if (name === "") continue;
      result.problems.push({ name, label: name, value: raw, message: "is not a setting of the model, so it was ignored" });
      continue;
    }
    const checked = checkValue(param, raw);
    if ("value" in checked) {
      result.overrides[param.name] = checked.value;
      continue;
    }
    delete result.overrides[param.name]; // a bad repeat of a name resets it, as the message says
    result.problems.push({ name, label: param.label, value: raw, message: `${checked.message}, so it was reset to the preset value ${formatNumber(param.defaults[result.scenario] ?? param.defaults[registry.default_preset])}` });
  }
  // The preset is known only now; values equal to it are not overrides.
  for (const [name, value] of Object.entries(result.overrides)) {
    const setting = byName.get(name) ?? choices.get(name);
    if (sameSetting(value, setting.defaults[result.scenario])) delete result.overrides[name];
  }
  if (result.problems.length > MAX_PROBLEMS) {
    const extra = result.problems.length - MAX_PROBLEMS;
    result.problems = result.problems.slice(0, MAX_PROBLEMS);
    result.problems.push({ name: "", label: "The link", value: "", message: `has ${extra} more values that were ignored` });
  }
  return result;
}

/** Every setting: the choices, then the numbers (the order of the form and of links). */
export function settingsOf(registry) {
  return [...(registry.choices ?? []), ...registry.parameters];
}

/** The fragment for a scenario: `scenario=` and each value that differs from that preset. */
export function fragmentFor(scenario, values, registry) {
  const out = new URLSearchParams();
  out.set("scenario", scenario);
  for (const [name, value] of Object.entries(overridesFor(scenario, values, registry))) out.set(name, String(value));
  return out.toString();
}

/** Values that differ from the preset (what the model is sent as overrides). */
export function overridesFor(scenario, values, registry) {
  const out = {};
  for (const s of settingsOf(registry)) {
    if (values[s.name] !== undefined && !sameSetting(values[s.name], s.defaults[scenario])) out[s.name] = values[s.name];
  }
  return out;
}

export function sameNumber(a, b) {
  return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
}

/** Choices are the same only if equal; numbers within rounding. */
export function sameSetting(a, b) {
  return typeof a === "string" || typeof b === "string" ? a === b : sameNumber(a, b);
}

function labelOf(registry, presetId) {
  return registry.presets.find((p) => p.id === presetId)?.label ?? presetId;
}
