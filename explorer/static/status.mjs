// What the page says about the state: whose figures are on screen, whether they are the ones
// asked for, and what a screen reader is told. Words only; view.mjs puts them on the page.
import { changedSettings } from "./link.mjs";
import { phaseOf, pinnedPhaseOf, unavailableReason } from "./store.mjs";
import { presetOf } from "./settings.mjs";

const plural = (n, one, many) => (n === 1 ? one : many.replace("{n}", String(n)));

/** "Rising looked-after children" or "Rising looked-after children, with 3 changed settings". */
export function settingsName(registry, settings) {
  const label = presetOf(registry, settings.scenario)?.label ?? settings.scenario;
  const n = changedSettings(registry, settings).length;
  return n ? `${label}, with ${plural(n, "1 changed setting", "{n} changed settings")}` : label;
}

/** The notice above the figures, the short headline kept in view, and the state's name. */
export function statusModel(state, registry) {
  const phase = phaseOf(state, registry);
  const shown = state.shown;
  const figures = shown ? settingsName(registry, shown.settings) : "";
  const asked = settingsName(registry, state.asked);
  let notice = "";
  if (phase === "waiting") {
    const starting = state.model.status !== "ready" ? " (starting the model in your browser; the first time takes a few seconds)" : "";
    notice = `Calculating “${asked}”${starting}. Until then, the figures below are for “${figures}”, not for the settings you chose.`;
  } else if (phase === "unavailable") {
    notice = `“${asked}” cannot be calculated: ${unavailableReason(state, registry)}. The figures below are for “${figures}”, not for the settings you chose.`;
  } else if (phase === "banding") {
    notice = "";
  }
  const pinnedPhase = pinnedPhaseOf(state, registry);
  const headline = shown?.view.headline ?? {};
  return {
    phase,
    provisional: phase === "waiting" || phase === "unavailable",
    notice,
    figures,
    compact: headline.year ? `${headline.year}: ${headline.lac} children, ${headline.cost} a year` : "",
    compactBase: headline.year ? `doing nothing: ${headline.base_lac}, ${headline.base_cost}` : "",
    summary: shown?.view.summary ?? "",
    band: Boolean(shown?.view.band),
    pinnedPhase,
    modelStatus: state.model.status,
  };
}

/** What to tell a screen reader, or "" for nothing new: a result once it is the one asked for,
 * and, once, that the asked one cannot be calculated. */
export function announcement(model, previous) {
  if (model.phase === "current" || model.phase === "banding") {
    return previous && (previous.phase === "current" || previous.phase === "banding") && previous.summary === model.summary ? "" : model.summary;
  }
  if (model.phase === "unavailable" && previous?.phase !== "unavailable") return model.notice;
  return "";
}

/** The model's state in words, for the status line. */
export function modelText(status, reason) {
  switch (status) {
    case "ready":
      return "The model is running in your browser: changes are calculated as you make them.";
    case "starting":
      return "Starting the model in your browser…";
    case "failed":
      return `The model could not start in this browser (${reason}). The report's four scenarios, computed when this site was built, can still be shown: choose one under “Start from”. Changing a setting needs a browser with WebAssembly and module workers, such as a current Chrome, Edge, Firefox or Safari.`;
    default:
      return "The model starts in your browser when you change a setting.";
  }
}

/** The list of problems a link had, with its title (empty when there are none). */
export function problemsModel(state) {
  const items = state.problems.map((p) => p.text);
  if (!items.length) return { title: "", items };
  const title = items.length === 1 ? "One part of this link could not be used:" : `${items.length} parts of this link could not be used:`;
  return { title, items };
}
