// What to compute next, so that what is shown catches up with what was asked.
//
// A result the page already has (a published scenario computed when the site was built, or one
// computed earlier in this visit) is shown at once. Anything else goes to the model's worker, one
// request at a time, the latest settings first: a dragged slider never queues up stale work. The
// uncertainty band (1,000 model runs) follows once the reader pauses, or at once when an export
// needs it. A result is shown only as what it is: its own settings come with it (store.mjs).
// Nothing here touches the page.
import { overridesFor, sameSettings, settingsKey } from "./settings.mjs";
import { result } from "./store.mjs";

export function createScheduler({ store, registry, built, client, bandDelayMs = 300, cacheSize = 32, timers = globalThis }) {
  const cache = new Map(); // settings key -> view (with its band when computed)
  let busy = false;
  let bandTimer = 0;
  let bandDue = false; // the reader paused, or an export wants the band now
  let disposed = false;

  const keyOf = (settings) => settingsKey(registry, settings);

  /** A result already to hand for these settings, the band-carrying one first. */
  function known(settings) {
    const cached = cache.get(keyOf(settings));
    if (cached?.band) return cached;
    const published = built[settings.scenario];
    if (published && !Object.keys(overridesFor(registry, settings.scenario, settings.values)).length) return published;
    return cached ?? null;
  }

  function remember(view) {
    const key = keyOf({ scenario: view.scenario, values: view.settings });
    const have = cache.get(key);
    if (have?.band && !view.band) return;
    cache.delete(key);
    cache.set(key, view);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value);
  }

  function request(settings, band) {
    return { scenario: settings.scenario, overrides: overridesFor(registry, settings.scenario, settings.values), uncertainty: band, samples: registry.samples };
  }

  /** Show what is to hand, then start the next computation the state needs. */
  function plan() {
    if (disposed) return;
    const state = store.get();
    const patch = {};
    const have = known(state.asked);
    const shownMatches = state.shown && sameSettings(registry, state.shown.settings, state.asked);
    if (have && (!shownMatches || (have.band && !state.shown.view.band)) && have !== state.shown?.view) patch.shown = result(have);
    // Nothing on screen yet, and the asked settings need the model: show their preset as
    // published meanwhile, for what it is (the page says these are not the settings asked for).
    else if (!have && !state.shown) patch.shown = result(built[state.asked.scenario] ?? built[registry.default_preset]);
    if (state.askedPinned) {
      const pinnedHave = known(state.askedPinned);
      const pinnedMatches = state.pinned && sameSettings(registry, state.pinned.settings, state.askedPinned);
      if (pinnedHave && !pinnedMatches) patch.pinned = result(pinnedHave);
    } else if (state.pinned) patch.pinned = null;
    if (Object.keys(patch).length) store.update(patch); // listeners call plan() again
    else pump();
  }

  /** The next job: the asked settings, then A's, then the band (once due). */
  function nextJob() {
    const state = store.get();
    if (state.model.status === "failed") return null;
    const failed = (settings) => state.failure?.key === keyOf(settings);
    if (!known(state.asked) && !failed(state.asked)) return { settings: state.asked, band: false, side: "shown" };
    if (state.askedPinned && !known(state.askedPinned) && !failed(state.askedPinned)) return { settings: state.askedPinned, band: false, side: "pinned" };
    const shown = known(state.asked);
    if (shown && !shown.band && !failed(state.asked)) {
      if (bandDue) return { settings: state.asked, band: true, side: "shown" };
      if (!bandTimer) {
        bandTimer = timers.setTimeout(() => {
          bandTimer = 0;
          bandDue = true;
          pump();
        }, bandDelayMs);
      }
    }
    return null;
  }

  function pump() {
    if (disposed || busy) return;
    const job = nextJob();
    if (!job) return;
    if (client.status === "off") client.start();
    if (client.status !== "ready") return; // pumped again when the model is ready
    busy = true;
    if (job.band) bandDue = false;
    const key = keyOf(job.settings);
    client.compute(request(job.settings, job.band)).then(
      (view) => {
        busy = false;
        if (disposed) return;
        const computed = { scenario: view.scenario, values: view.settings };
        if (!sameSettings(registry, computed, job.settings)) {
          // The model did not take what the page sent: show nothing of it as if it had.
          const refused = view.errors.map((e) => e.message).join("; ") || "it used other settings than asked";
          store.update({ failure: { key, message: refused } });
          return;
        }
        remember(view);
        accept(view, job);
      },
      (error) => {
        busy = false;
        if (disposed) return;
        if (client.status !== "failed") store.update({ failure: { key, message: String(error?.message ?? error) } });
      },
    );
  }

  /** Put a new result on screen if it is what was asked, or closer to it than what is shown. */
  function accept(view, job) {
    const state = store.get();
    const computed = result(view);
    if (job.side === "pinned") {
      if (state.askedPinned && sameSettings(registry, computed.settings, state.askedPinned)) store.update({ pinned: computed });
      else pump();
      return;
    }
    const matches = sameSettings(registry, computed.settings, state.asked);
    const shownMatches = state.shown && sameSettings(registry, state.shown.settings, state.asked);
    // A result for settings the reader has since moved on from is still the newest calculation
    // (a dragged slider's last stop), shown for what it is, unless the asked ones are on screen.
    if (matches || (!shownMatches && !job.band)) store.update({ shown: computed });
    else pump();
  }

  const unsubscribe = [
    store.subscribe((state, previous) => {
      if (state.asked !== previous.asked) {
        timers.clearTimeout(bandTimer);
        bandTimer = 0;
        bandDue = false;
      }
      if (state.asked !== previous.asked || state.askedPinned !== previous.askedPinned || state.shown !== previous.shown || state.pinned !== previous.pinned || state.model !== previous.model || state.failure !== previous.failure) plan();
    }),
    client.onStatus((status, reason) => store.update({ model: { status, reason } })),
  ];

  return {
    plan,
    known,
    /** Compute the band now (an export is waiting for it). */
    completeNow() {
      timers.clearTimeout(bandTimer);
      bandTimer = 0;
      bandDue = true;
      pump();
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(bandTimer);
      for (const stop of unsubscribe) stop();
    },
  };
}
