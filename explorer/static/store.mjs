// The explorer's one state. Every output on the page (charts, tables, headline, announcement,
// CSV, print, Pin, Copy link) is drawn from it, and from nothing else.
//
//   asked        { scenario, values }: the settings the reader asked for (controls, link)
//   askedPinned  settings of scenario A, or null
//   shown        the one computed result on screen: { view, settings }, where settings are
//                what the figures were computed with (the model's own record in the view),
//                never what was asked; null before anything is shown
//   pinned       A's computed result, { view, settings }, or null
//   model        { status: "off" | "starting" | "ready" | "failed", reason }
//   failure      { key, message } when the model refused to compute the asked settings
//   problems     what a link asked for that could not be used (link.mjs), until fixed or dismissed
//   page         { at, view }: where the page is (a heading, the full-screen view)
//
// Nothing here touches the page.
import { sameSettings, settingsKey } from "./settings.mjs";

export function createStore(initial) {
  let state = initial;
  const listeners = new Set();
  return {
    get: () => state,
    /** Merge `patch` (or what `fn(state)` returns) into the state, then tell every listener. */
    update(change) {
      const patch = typeof change === "function" ? change(state) : change;
      if (!patch) return;
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The settings a view was computed with, as the page compares them with what was asked. */
export function settingsOfView(view) {
  return { scenario: view.scenario, values: view.settings };
}

/** A computed result for the state: the view and the settings it was computed with. */
export function result(view) {
  return { view, settings: settingsOfView(view) };
}

/** Where the state stands:
 *   "loading"     nothing shown yet
 *   "current"     the figures shown are for the settings asked for, band included
 *   "banding"     they are, and the uncertainty band is still to be calculated
 *   "waiting"     they are for other settings; the asked ones are being calculated
 *   "unavailable" they are for other settings, and the asked ones cannot be calculated here */
export function phaseOf(state, registry) {
  if (!state.shown) return "loading";
  if (sameSettings(registry, state.shown.settings, state.asked)) return state.shown.view.band ? "current" : "banding";
  if (state.model.status === "failed") return "unavailable";
  if (state.failure && state.failure.key === settingsKey(registry, state.asked)) return "unavailable";
  return "waiting";
}

/** The same for scenario A: "none", "current", "waiting" or "unavailable". */
export function pinnedPhaseOf(state, registry) {
  if (!state.askedPinned) return "none";
  if (state.pinned && sameSettings(registry, state.pinned.settings, state.askedPinned)) return "current";
  if (state.model.status === "failed") return "unavailable";
  if (state.failure && state.failure.key === settingsKey(registry, state.askedPinned)) return "unavailable";
  return "waiting";
}

/** Why the asked settings cannot be calculated, in words (for "unavailable"). */
export function unavailableReason(state, registry) {
  if (state.model.status === "failed") return `the model could not start in this browser (${state.model.reason})`;
  if (state.failure && state.failure.key === settingsKey(registry, state.asked)) return `the model could not calculate them (${state.failure.message})`;
  return "";
}
