// A scenario's settings: the preset it starts from and a value for every setting (numbers and
// choices), checked by the model's own rules.
//
// The rules are not written here: the page's registry carries them from model/validation.py
// (the number pattern, the whitespace trimmed, each setting's range and whether it must be whole),
// so the page refuses exactly what the model refuses. tests/cases/links.json is checked against
// both. Nothing here touches the page.

/** The registry's rules, compiled once per registry. */
const compiled = new WeakMap();
function rulesOf(registry) {
  let rules = compiled.get(registry);
  if (!rules) {
    const space = [...registry.rules.whitespace].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    rules = {
      number: new RegExp(`^(?:${registry.rules.number})$`),
      trim: new RegExp(`^[${space}]+|[${space}]+$`, "g"),
      byName: new Map(registry.parameters.map((p) => [p.name, p])),
      choices: new Map(registry.choices.map((c) => [c.name, c])),
      aliases: new Map(registry.parameters.flatMap((p) => (p.aliases ?? []).map((a) => [a, p.name]))),
      presets: new Map(registry.presets.map((p) => [p.id, p])),
    };
    compiled.set(registry, rules);
  }
  return rules;
}

export const parameterOf = (registry, name) => rulesOf(registry).byName.get(name);
export const choiceOf = (registry, name) => rulesOf(registry).choices.get(name);
export const presetOf = (registry, id) => rulesOf(registry).presets.get(id);
export const settingOf = (registry, name) => parameterOf(registry, name) ?? choiceOf(registry, name);

/** Every setting: the choices, then the numbers (the order of the form and of links). */
export function settingsOf(registry) {
  return [...registry.choices, ...registry.parameters];
}

// Made once: toLocaleString builds a new formatter on every call, which a form of 40 settings
// redrawn on every change pays for.
const numberFormats = {
  grouped: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6, useGrouping: true }),
  plain: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6, useGrouping: false }),
};

/** A number for people: "1,072", "0.23"; years without a separator ("2037"). */
export function formatValue(setting, x) {
  if (typeof x !== "number") return String(x);
  const grouped = setting?.group_digits !== false;
  if (Number.isInteger(x)) return grouped ? numberFormats.grouped.format(x) : String(x);
  return (grouped ? numberFormats.grouped : numberFormats.plain).format(x);
}

/** The plain words for a choice's value ("Stays at the 2017 rate"). */
export function optionLabel(choice, value) {
  return choice.options.find((o) => o.value === value)?.label ?? String(value);
}

/** A setting's value in words: a choice's label, or a number with its unit. */
export function valueText(setting, value) {
  if (setting.options) return optionLabel(setting, value);
  return formatValue(setting, value);
}

const rangeText = (p) => `between ${formatValue(p, p.min)} and ${formatValue(p, p.max)}`;

/** Check a number against its parameter, as model/validation.py does:
 * { value } or { reason: "not-a-number" | "too-large" | "out-of-range" | "not-whole", rule }. */
export function checkNumber(registry, param, raw) {
  const rules = rulesOf(registry);
  const text = String(raw).replace(rules.trim, "");
  const kind = param.integer ? "a whole number" : "a number";
  const rule = `it must be ${kind} ${rangeText(param)}`;
  if (!rules.number.test(text)) return { reason: "not-a-number", rule };
  const value = Number(text);
  if (!Number.isFinite(value)) return { reason: "too-large", rule };
  if (value < param.min || value > param.max) return { reason: "out-of-range", rule };
  if (param.integer && !Number.isInteger(value)) return { reason: "not-whole", rule };
  return { value };
}

/** Check a choice: trimmed, ASCII capitals made small ("ONS" is "ons"), as the model does. */
export function checkChoice(registry, choice, raw) {
  const text = String(raw).replace(rulesOf(registry).trim, "");
  const folded = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text;
  const option = choice.options.find((o) => o.value === folded);
  if (option) return { value: option.value };
  return { reason: "not-an-option", rule: `it must be one of ${choice.options.map((o) => o.value).join(", ")}` };
}

/** Check the settings a link gives (a Map, name as written -> raw text, in the link's order) as
 * model.validation's validate_settings does. Returns { values: {name: value}, refused: [{key,
 * name, value, reason, rule}] }: an older name counts as its parameter unless the new name is
 * given too. */
export function checkSettings(registry, given) {
  const rules = rulesOf(registry);
  const values = {};
  const refused = [];
  for (const [key, raw] of given) {
    const target = rules.aliases.get(key);
    if (target !== undefined && given.has(target)) {
      refused.push({ key, name: target, value: raw, reason: "old-name", rule: `${key} is the old name of ${target}` });
      continue;
    }
    const name = target ?? key;
    const choice = rules.choices.get(name);
    const param = rules.byName.get(name);
    const checked = choice ? checkChoice(registry, choice, raw) : param ? checkNumber(registry, param, raw) : { reason: "unknown-name" };
    if ("value" in checked) values[name] = checked.value;
    else refused.push({ key, name: choice || param ? name : null, value: raw, ...checked });
  }
  return { values, refused };
}

/** Each setting's value in a preset. */
export function defaultsFor(registry, scenario) {
  return Object.fromEntries(settingsOf(registry).map((s) => [s.name, s.defaults[scenario]]));
}

export function sameNumber(a, b) {
  return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
}

/** Choices are the same only if equal; numbers within rounding. */
export function sameSetting(a, b) {
  return typeof a === "string" || typeof b === "string" ? a === b : sameNumber(a, b);
}

/** Values that differ from the preset: what the model is sent, and what a link holds. */
export function overridesFor(registry, scenario, values) {
  const out = {};
  for (const s of settingsOf(registry)) {
    if (values[s.name] !== undefined && !sameSetting(values[s.name], s.defaults[scenario])) out[s.name] = values[s.name];
  }
  return out;
}

/** Settings are { scenario, values }: the same scenario, whatever was typed to get there. */
export function sameSettings(registry, a, b) {
  if (!a || !b || a.scenario !== b.scenario) return false;
  return settingsOf(registry).every((s) => sameSetting(a.values[s.name], b.values[s.name]));
}

/** A short text naming settings, the same for equal settings (a key for caches). */
export function settingsKey(registry, settings) {
  const overrides = overridesFor(registry, settings.scenario, settings.values);
  return JSON.stringify([settings.scenario, ...Object.entries(overrides).map(([k, v]) => `${k}=${v}`)]);
}

/** A parameter read only under some choices (the target rate, say) that these values skip. */
export function unusedWith(param, values) {
  return Boolean(param.applies_when) && Object.entries(param.applies_when).some(([choice, options]) => !options.includes(values[choice]));
}
