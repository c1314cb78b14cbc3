// What leaves the page (the CSV, a printout, a copied link, a pinned scenario A) is made only from
// the computed state, and only once it holds the settings asked for: until then these actions
// wait, or say why they cannot. Nothing here touches the page.
import { optionLabel, presetOf } from "./settings.mjs";
import { phaseOf, pinnedPhaseOf, unavailableReason } from "./store.mjs";
import { settingsName } from "./status.mjs";

/** Whether an action can run now. `need`: "figures" (the asked settings are on screen) or
 * "complete" (their uncertainty band too); `withPinned`: scenario A must be computed as well. */
export function readiness(state, registry, need, withPinned = false) {
  const phase = phaseOf(state, registry);
  const pinnedPhase = withPinned ? pinnedPhaseOf(state, registry) : "none";
  if (phase === "unavailable") return { ready: false, blocked: true, reason: `your settings cannot be calculated: ${unavailableReason(state, registry)}` };
  if (pinnedPhase === "unavailable") return { ready: false, blocked: true, reason: "scenario A cannot be calculated in this browser" };
  const figures = phase === "current" || (need === "figures" && phase === "banding");
  const pinnedReady = pinnedPhase === "none" || pinnedPhase === "current";
  if (figures && pinnedReady) return { ready: true, blocked: false, reason: "" };
  const what = phase === "banding" ? "the uncertainty band" : pinnedReady ? "your settings" : "scenario A";
  return { ready: false, blocked: false, reason: `waiting for ${what} to be calculated` };
}

/** Resolves with the state once `readiness` says ready; rejects (with the reason) if the wait
 * cannot end, or when `signal` aborts (the reader asked again, or left the page). */
export function whenReady(store, registry, need, withPinned = false, signal = null) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    const finish = (settle, value) => {
      unsubscribe?.();
      signal?.removeEventListener("abort", onAbort);
      settle(value);
    };
    const onAbort = () => finish(reject, new Error("cancelled"));
    const check = (state) => {
      const r = readiness(state, registry, need, withPinned);
      if (r.ready) finish(resolve, state);
      else if (r.blocked) finish(reject, new Error(r.reason));
      return r.ready || r.blocked;
    };
    if (check(store.get())) return;
    unsubscribe = store.subscribe(check);
    signal?.addEventListener("abort", onAbort);
  });
}

/** A CSV cell: text quoted, and a leading = + - @ defused so no spreadsheet runs it as a formula. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return `"${String(value).replace(/"/g, '""').replace(/^([=+\-@\t\r])/, "'$1")}"`;
}

function settingsBlock(registry, settings) {
  return [
    ["Setting", "Name", "Value", "Unit", "Scenario's value"],
    // A choice's value as the command line takes it, with its plain words in the unit column.
    ...registry.choices.map((c) => [c.label, c.name, settings.values[c.name], optionLabel(c, settings.values[c.name]), c.defaults[settings.scenario]]),
    ...registry.parameters.map((p) => [p.label, p.name, settings.values[p.name], p.unit, p.defaults[settings.scenario]]),
  ];
}

function yearsBlock(layout, view) {
  const columns = layout.export.filter(([, field]) => view.band || !field.endsWith("_low") && !field.endsWith("_high"));
  return [columns.map(([name]) => name), ...view.series.year.map((_, i) => columns.map(([, field]) => view.series[field][i]))];
}

function scenarioBlock(registry, layout, computed, title, link) {
  const preset = presetOf(registry, computed.settings.scenario);
  return [
    [title],
    ["Figures computed for", settingsName(registry, computed.settings)],
    ["Scenario", preset.label],
    ...(link ? [["Link", link]] : []),
    ["Uncertainty band", computed.view.band ? `${registry.percentiles[0]}th to ${registry.percentiles[1]}th percentile of ${registry.samples} runs` : "not computed"],
    [],
    ...settingsBlock(registry, computed.settings),
    [],
    ...yearsBlock(layout, computed.view),
  ];
}

/** The CSV of what is on screen: B (this scenario) and, when pinned, A, each with the settings its
 * figures were computed with. `link` is the address that shows the same. */
export function csvText(state, registry, layout, link) {
  const lines = [
    ["Scenario explorer: looked-after children in Thurrock"],
    ...scenarioBlock(registry, layout, state.shown, "Scenario B (this scenario)", link),
  ];
  if (state.askedPinned && state.pinned) lines.push([], ...scenarioBlock(registry, layout, state.pinned, "Scenario A (pinned)", null));
  return lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The CSV's file name: the scenario, and "-compared" when A is in it. */
export function csvName(state) {
  return `thurrock-lac-${state.shown.settings.scenario}${state.askedPinned ? "-compared" : ""}.csv`;
}

