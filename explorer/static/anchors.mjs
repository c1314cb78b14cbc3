// Links to places on the explorer's own page (the site's "Skip to content" link, a heading's
// permalink) must not cost the reader the scenario, which lives in the same fragment of the
// address. Such a click is handled here: the page scrolls to the place and moves focus there, and
// the address keeps the scenario, with `at=` naming the place. Permalinks carry the scenario too,
// so a copied one opens on the same scenario at the same heading.
import { isScenario } from "./link.mjs";

/** Scroll to the element with id `at` and move keyboard focus there. */
export function goTo(at) {
  const target = at ? document.getElementById(at) : null;
  if (!target) return false;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
  return true;
}

/** Handle same-page links while the explorer is mounted; returns a function that stops it.
 * `fragmentAt(at)`: the address's fragment for the current scenario at a place (or none). */
export function keepScenarioOnAnchors({ fragmentAt, onScenarioLink }) {
  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = event.target.closest?.("a[href]");
    if (!a || a.target) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname || !url.hash) return;
    const fragment = url.hash.slice(1);
    // Before Material's instant navigation sees it: it would push the anchor as the whole fragment.
    event.preventDefault();
    event.stopPropagation();
    let at = fragment;
    if (isScenario(fragment)) {
      at = new URLSearchParams(fragment).get("at") ?? "";
      onScenarioLink(fragment);
    } else {
      try {
        at = decodeURIComponent(fragment);
      } catch {
        /* keep it as written */
      }
    }
    goTo(at);
    history.replaceState(history.state, "", `#${fragmentAt(at)}`);
  }
  document.addEventListener("click", onClick, true);
  return () => document.removeEventListener("click", onClick, true);
}

/** Point the skip link and the headings' permalinks at the scenario (refreshed on every change).
 * The theme makes every link absolute; these stay links to this page. */
export function rewriteAnchors(fragmentAt) {
  for (const a of document.querySelectorAll(".md-skip[href], .md-content a.headerlink[href]")) {
    const url = new URL(a.href, location.href);
    if (url.pathname !== location.pathname || !url.hash) continue;
    const raw = url.hash.slice(1);
    let at = a.dataset.at;
    if (at === undefined) {
      try {
        at = isScenario(raw) ? new URLSearchParams(raw).get("at") ?? "" : decodeURIComponent(raw);
      } catch {
        at = raw;
      }
    }
    a.dataset.at = at;
    a.setAttribute("href", `#${fragmentAt(at)}`);
  }
}
