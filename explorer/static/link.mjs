// The scenario in the page's address: reading and writing the URL fragment.
//
//   #scenario=rising-lac&edge_of_care_families=200&a.scenario=falling-lac&at=about
//
// The rules are model/links.py's (the command line reads the same links), with its constants
// from the registry; tests/cases/links.json is run against both. Everything read from a link is
// untrusted: values are checked by settings.mjs, and shown only as text (cleanText), never as
// markup.
import { checkSettings, defaultsFor, formatValue, optionLabel, overridesFor, presetOf, settingOf, settingsOf } from "./settings.mjs";

const MAX_PROBLEMS = 12; // refusals listed; any more are summarised in one line

/** Decode one part of a pair as Python's urllib.parse.unquote_plus(errors="replace") does:
 * "+" is a space, %XX runs are UTF-8 (bad bytes become U+FFFD), a stray "%" stays. */
export function decodePart(text) {
  const spaced = text.replace(/\+/g, " ");
  return spaced.replace(/[\x00-\x7f]+/g, (run) => {
    if (!run.includes("%")) return run;
    const bytes = [];
    for (let i = 0; i < run.length; i += 1) {
      const hex = run.slice(i + 1, i + 3);
      if (run[i] === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(run.charCodeAt(i));
    }
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(bytes)); // keep a BOM, as Python does
  });
}

/** The fragment of an address, or the text itself when it has none. */
export function fragmentOf(text) {
  const s = String(text ?? "");
  const hash = s.indexOf("#");
  return hash >= 0 ? s.slice(hash + 1) : s;
}

/** A fragment with no "=" is an ordinary anchor (a heading's id), not a scenario. */
export const isScenario = (fragment) => fragmentOf(fragment).includes("=");

/** Split a fragment as model.links.read_link does: { shown: {scenario, settings: Map}, pinned,
 * page: {at, view}, problems: [{key, value, reason}] }; values are not checked here. */
export function readLink(fragment, registry) {
  const rules = registry.rules.link;
  const link = { shown: { scenario: null, settings: new Map() }, pinned: null, page: {}, problems: [] };
  let text = fragmentOf(fragment);
  let dropped = 0;
  if (text.length > rules.max_length) {
    const end = text.lastIndexOf("&", rules.max_length);
    const kept = end >= 0 ? text.slice(0, end) : "";
    dropped = text.slice(kept.length).split("&").filter(Boolean).length;
    text = kept;
  }
  const seen = new Set();
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decodePart(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = decodePart(eq >= 0 ? pair.slice(eq + 1) : "");
    if (seen.has(key)) {
      link.problems.push({ key, value, reason: "repeated" });
      continue;
    }
    seen.add(key);
    if (key === "") {
      link.problems.push({ key, value, reason: "unnamed" });
      continue;
    }
    if (rules.page_keys.includes(key)) {
      link.page[key] = value;
      continue;
    }
    let target = link.shown;
    let name = key;
    if (key.startsWith(rules.pinned_prefix)) {
      link.pinned ??= { scenario: null, settings: new Map() };
      target = link.pinned;
      name = key.slice(rules.pinned_prefix.length);
    }
    if (name === rules.scenario) {
      if (presetOf(registry, value)) target.scenario = value;
      else link.problems.push({ key, value, reason: "unknown-scenario" });
      continue;
    }
    target.settings.set(name, value);
  }
  if (dropped) link.problems.push({ key: "", value: String(dropped), reason: "cut" });
  return link;
}

/** A scenario from the link, checked: { scenario, values (every setting), refused }. */
function checkedScenario(registry, part, side) {
  const scenario = part.scenario ?? registry.default_preset;
  const { values, refused } = checkSettings(registry, part.settings);
  return {
    settings: { scenario, values: { ...defaultsFor(registry, scenario), ...values } },
    given: values,
    refused: refused.map((r) => ({ ...r, side })),
  };
}

/** Read a fragment for the page: { settings: {scenario, values}, given, pinned: settings | null,
 * page, problems } where each problem says what was refused and what was used instead. */
export function parseLink(fragment, registry) {
  const link = readLink(fragment, registry);
  const shown = checkedScenario(registry, link.shown, "shown");
  const pinned = link.pinned ? checkedScenario(registry, link.pinned, "pinned") : null;
  const problems = [
    ...link.problems.map((p) => ({ ...p, side: p.key.startsWith(registry.rules.link.pinned_prefix) ? "pinned" : "shown" })),
    ...shown.refused,
    ...(pinned?.refused ?? []),
  ].map((p) => describeProblem(registry, p, p.side === "pinned" ? pinned.settings : shown.settings));
  return { settings: shown.settings, given: shown.given, pinned: pinned?.settings ?? null, page: link.page, problems: capped(problems) };
}

function capped(problems) {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const extra = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { reason: "more", name: null, side: "shown", text: `${extra} more values in the link could not be used either.` }];
}

// ------------------------------------------------------------------------------ messages
/** Untrusted text for a message: control and formatting characters (a right-to-left override,
 * say) removed, and at most `max` characters. Shown with textContent, never as markup. */
export function cleanText(text, max = 32) {
  const s = String(text).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "");
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}

const quoted = (text) => `“${cleanText(text)}”`;

/** A problem with its sentence: what was refused, why, and what was used instead. */
export function describeProblem(registry, problem, settings) {
  const setting = problem.name ? settingOf(registry, problem.name) : null;
  const where = problem.side === "pinned" ? "Scenario A (pinned): " : "";
  const presetLabel = (id) => presetOf(registry, id)?.label ?? id;
  let text;
  switch (problem.reason) {
    case "cut":
      text = `The link is longer than ${registry.rules.link.max_length.toLocaleString("en-GB")} characters, so its last ${problem.value === "1" ? "setting was" : `${problem.value} settings were`} not read.`;
      break;
    case "repeated":
      text = `${where}${quoted(problem.key)} is in the link more than once: only its first value was read, and ${quoted(problem.value)} was ignored.`;
      break;
    case "unnamed":
      text = `A value without a name (${quoted(problem.value)}) in the link was ignored.`;
      break;
    case "unknown-scenario":
      text = `${where}the scenario ${quoted(problem.value)} in the link is not one of the report's four, so “${presetLabel(settings.scenario)}” was used instead.`;
      break;
    case "unknown-name":
      text = `${where}${quoted(problem.key)} in the link is not a setting of the model, so it was ignored.`;
      break;
    case "old-name":
      text = `${where}${quoted(problem.key)} is the old name of ${problem.name}, which is also in the link, so it was ignored.`;
      break;
    default: {
      const why = { "not-a-number": "is not a number", "too-large": "is too large", "out-of-range": "is outside the range", "not-whole": "is not a whole number", "not-an-option": "is not one of its options" }[problem.reason] ?? "could not be used";
      const used = setting ? valueUsed(setting, settings) : "";
      text = `${where}${setting?.label ?? problem.key}: ${quoted(problem.value)} in the link ${why} (${problem.rule}), so ${used} was used instead.`;
    }
  }
  return { ...problem, text: capitalise(text) };
}

function valueUsed(setting, settings) {
  const value = settings.values[setting.name];
  if (setting.options) return `the scenario's choice, “${optionLabel(setting, value)}”,`;
  return `the scenario's value, ${formatValue(setting, value)}${setting.unit && setting.unit !== "year" ? ` (${setting.unit})` : ""},`;
}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ------------------------------------------------------------------------------ writing
/** The fragment for what is on screen: `scenario=` and each setting that differs from that
 * preset; then scenario A's, prefixed `a.`; then the page's place. */
export function writeLink(registry, settings, pinned = null, page = {}) {
  const rules = registry.rules.link;
  const out = new URLSearchParams();
  const add = (prefix, s) => {
    out.set(`${prefix}${rules.scenario}`, s.scenario);
    for (const [name, value] of Object.entries(overridesFor(registry, s.scenario, s.values))) out.set(`${prefix}${name}`, String(value));
  };
  add("", settings);
  if (pinned) add(rules.pinned_prefix, pinned);
  for (const key of rules.page_keys) if (page[key]) out.set(key, page[key]);
  return out.toString();
}

/** Settings that are not the preset's own, in words: for "Scenario A against B" and headings. */
export function changedSettings(registry, settings) {
  const overrides = overridesFor(registry, settings.scenario, settings.values);
  return settingsOf(registry).filter((s) => s.name in overrides);
}
