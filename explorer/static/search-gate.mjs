// When the site search may be built on the explorer's page (explorer/search_gate.py says why it
// waits). The page's theme runs search-gate.js as its search worker there; it holds the search
// until this module releases it, once per visit: when the explorer's figures are on screen, when
// the reader reaches for the search, or when the explorer leaves the page.

/** The gate on `channelName` (the explorer's data-gate-channel: the theme strips data-search-*
 * attributes). Without BroadcastChannel there is nothing to release (the worker then waits for
 * its longest hold, a few seconds). */
export function createSearchGate(channelName, Channel = globalThis.BroadcastChannel) {
  let released = !channelName || typeof Channel !== "function";
  return {
    get released() {
      return released;
    },
    release() {
      if (released) return;
      released = true;
      const channel = new Channel(channelName);
      channel.postMessage("release"); // delivered even though this end closes at once
      channel.close();
    },
  };
}

/** Whether the explorer has done what the search waits for: the figures asked for are drawn
 * (`phase` from store.mjs, `charted`: the charts repainted), or they cannot be calculated. */
export function figuresSettled(phase, charted) {
  if (phase === "unavailable") return true;
  return charted && (phase === "current" || phase === "banding");
}

/** Calls `release` when the reader reaches for the theme's search (its box takes focus, or its
 * toggle opens it, by click or keyboard shortcut); returns what stops listening. */
export function onSearchIntent(doc, release) {
  const toggle = doc.querySelector('[data-md-toggle="search"]');
  const focused = (event) => {
    if (typeof event.target?.closest === "function" && event.target.closest('[data-md-component="search"]')) release();
  };
  doc.addEventListener("focusin", focused);
  toggle?.addEventListener("change", release);
  return () => {
    doc.removeEventListener("focusin", focused);
    toggle?.removeEventListener("change", release);
  };
}
