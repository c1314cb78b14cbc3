// The explorer on the site's page: mounted and unmounted as Material's instant navigation shows and
// leaves the page (the site's script calls mount and unmount on the theme's document$).
//
// One session per visit: its state, its charts and its part of the page survive navigation (the
// page's element is kept and put back on return, so the reader finds the scenario as they left
// it, at once), and one model worker serves the whole visit (client.mjs). While the page is not
// shown, nothing of the explorer listens to the document.
import { goTo, keepScenarioOnAnchors, rewriteAnchors } from "./anchors.mjs";
import { embedCharts, loadBokeh, prepare } from "./charts.mjs";
import { createClient } from "./client.mjs";
import { bindControls } from "./controls.mjs";
import { csvName, csvText, readiness, whenReady } from "./exports.mjs";
import { isScenario, parseLink, writeLink } from "./link.mjs";
import { chartData } from "./results.mjs";
import { createScheduler } from "./scheduler.mjs";
import { createSearchGate, figuresSettled, onSearchIntent } from "./search-gate.mjs";
import { defaultsFor, overridesFor, sameSettings, settingsKey } from "./settings.mjs";
import { phaseOf, createStore } from "./store.mjs";
import { announcement, statusModel } from "./status.mjs";
import { drawPending, parts, renderCompare, renderModelStatus, renderProblems, renderResults, renderStatus, useAbbreviations, watchOverflow } from "./view.mjs";

const LINK_DELAY_MS = 250; // browsers throttle history updates: write the address when settled
const ANNOUNCE_DELAY_MS = 700; // tell screen readers the result once changes settle

const sessions = new Map(); // build version -> session (one, unless the site changes mid-visit)
const creating = new Map(); // build version -> the session being made (boot.js and site.js both ask)
let mounted = null; // { session, detach: [functions] }
let client = null; // the model's worker, shared by every session of the visit
let searchGate = null; // the site search, built once the explorer has shown its figures

// For the tests and the benchmark: when things happened (performance.now()), and the state.
const explorer = (window.scenarioExplorer ??= { timings: {}, renders: 0 });

export async function mount(root) {
  // A root no longer on the page is one the explorer has already been put back over: the theme
  // runs the page's scripts again (boot.js among them) after the site's script has mounted it.
  if (mounted?.session.root === root || !root.isConnected) return;
  const version = root.dataset.version;
  let session = sessions.get(version);
  const returning = Boolean(session);
  if (returning) {
    unmount();
    root.replaceWith(session.root); // the reader's scenario, charts and all, as they left it
  } else {
    if (!creating.has(version)) creating.set(version, createSession(root));
    session = await creating.get(version);
    sessions.set(version, session);
    if (mounted?.session === session || session.root !== root || !root.isConnected) return;
    unmount();
  }
  attach(session, returning);
}

export function unmount() {
  if (!mounted) return;
  mounted.session.away = true; // nothing it finishes while the reader is elsewhere is "shown"
  mounted.session.charts?.away();
  searchGate.release(); // the explorer's page is going: the search need not wait for it
  for (const detach of mounted.detach) detach();
  document.documentElement.classList.remove("ex-full-view");
  document.documentElement.style.removeProperty("scroll-padding-top");
  mounted = null;
}

// ------------------------------------------------------------------------------ a session
async function createSession(root) {
  explorer.timings.mount ??= performance.now();
  // BokehJS (preloaded by the page) is read while the page's data arrives.
  const bokeh = loadBokeh(new URL(root.dataset.bokeh, location.href).href);
  bokeh.catch(() => {}); // reported where the charts are drawn
  const dataUrl = new URL(root.dataset.data, location.href).href;
  const data = await (await fetch(dataUrl)).json();
  const { registry, layout, built } = data;
  const formats = registry.formats;
  useAbbreviations(data.abbreviations);
  const codeBase = new URL("./", dataUrl).href;
  searchGate ??= createSearchGate(root.dataset.gateChannel);
  client ??= createClient({ workerUrl: new URL("worker.mjs", codeBase).href, early: window.explorerBoot });
  // From now on this client is the one model of the visit: boot.js must not start another when
  // instant navigation brings back the page with a link that needs the model.
  window.explorerBoot ??= { worker: null, said: [] };
  explorer.model = client.timings;

  const link = isScenario(location.hash) ? parseLink(location.hash, registry) : null;
  const asked = link?.settings ?? { scenario: registry.default_preset, values: defaultsFor(registry, registry.default_preset) };
  const store = createStore({
    asked,
    askedPinned: link?.pinned ?? null,
    shown: null,
    pinned: null,
    model: { status: client.status, reason: client.reason },
    failure: null,
    problems: link?.problems ?? [],
    page: link?.page ?? {},
  });
  explorer.state = () => store.get();
  const session = { root, data, registry, layout, formats, store, p: parts(root), pending: {}, charts: null, cause: { reason: link ? "link" : "start", eventTime: null }, lastWritten: null, linkTimer: 0, announceTimer: 0, lastStatus: null };
  session.actions = actions(session);
  watchOverflow(root);
  session.controls = bindControls(root, registry, session.actions);
  bindToolbar(session);
  store.subscribe((state, previous) => render(session, state, previous));
  session.scheduler = createScheduler({ store, registry, built, client });

  // First paint: controls and tables from the state; the charts once BokehJS is here.
  render(session, store.get(), { asked: null, askedPinned: undefined, shown: undefined, pinned: undefined, problems: null, model: null, page: null });
  if (link) session.controls.openChanged();
  session.scheduler.plan();
  if (phaseOf(store.get(), registry) === "waiting" || client.early) client.start(); // a link needs the model now
  bokeh
    .then((Bokeh) => {
      const doc = prepare(data.charts.doc, data.charts, chartSources(session, store.get()), data.charts.themes[schemeName(session)]);
      return embedCharts(Bokeh, data.charts, doc, root.querySelector(".ex-chart-grid"), data.charts.roots.map((id) => root.querySelector(`#${id}`)));
    })
    .then((charts) => {
      session.charts = charts;
      explorer.timings.bokehReady = performance.now();
      applyScheme(session); // what prepare() could not reach
      drawCharts(session, store.get()); // whatever changed while BokehJS was drawing
      return charts.repainted(300);
    })
    .then(() => {
      if (store.get().shown) emitRender(session, store.get(), true);
      explorer.timings.chartsDrawn = performance.now();
    })
    .catch((error) => {
      searchGate.release();
      root.querySelector(".ex-chart-grid").textContent = `The charts could not be drawn (${error.message}). The tables below have the same figures.`;
    });
  startOnIntent(session);
  return session;
}

/** The model (Pyodide, 3.9 MB to download, gzipped) starts when it is needed: a link whose settings are
 * not a published scenario's, or the first sign that the reader is about to change a setting
 * (a pointer over the settings, or focus in them). A reader who reads, compares, prints or
 * downloads the published scenarios, computed when the site was built, never downloads it. */
function startOnIntent(session) {
  const targets = [...session.root.querySelectorAll("#ex-settings details.ex-group"), session.root.querySelector("#ex-reset-all")];
  const events = ["pointerover", "pointerdown", "focusin", "touchstart", "keydown"];
  const start = () => {
    for (const target of targets) for (const type of events) target.removeEventListener(type, start);
    client.start();
  };
  if (client.status !== "off") return;
  for (const target of targets) for (const type of events) target.addEventListener(type, start, { passive: true });
}

/** What the controls, links and buttons can ask of the state. */
function actions(session) {
  const { store, registry } = session;
  const cause = (reason, eventTime) => (session.cause = { reason, eventTime: eventTime ?? performance.now() });
  const withoutProblemsFor = (problems, name) => problems.filter((p) => !(p.side === "shown" && p.name === name));
  return {
    asked: () => store.get().asked,
    setValue(name, value, eventTime) {
      cause("control", eventTime);
      store.update((s) => ({ asked: { ...s.asked, values: { ...s.asked.values, [name]: value } }, problems: withoutProblemsFor(s.problems, name) }));
    },
    setScenario(scenario, eventTime) {
      cause("preset", eventTime);
      // Changed settings are kept: the same programme can be tried under each scenario.
      store.update((s) => ({
        asked: { scenario, values: { ...defaultsFor(registry, scenario), ...overridesFor(registry, s.asked.scenario, s.asked.values) } },
        problems: s.problems.filter((p) => p.reason !== "unknown-scenario" || p.side !== "shown"),
      }));
    },
    resetAll(eventTime) {
      cause("reset", eventTime);
      store.update((s) => ({ asked: { scenario: s.asked.scenario, values: defaultsFor(registry, s.asked.scenario) }, problems: s.problems.filter((p) => p.side !== "shown" || !p.name) }));
      session.controls.clearErrors();
    },
    applyLink(fragment) {
      const parsed = parseLink(fragment, registry);
      cause("link");
      store.update({ asked: parsed.settings, askedPinned: parsed.pinned, problems: parsed.problems, page: parsed.page });
      session.controls.openChanged();
    },
  };
}

// ------------------------------------------------------------------------------ drawing
/** The charts' sources for a state: the shown figures, and A's when pinned (`parts`: only those). */
function chartSources(session, state, parts = { scenario: true, pinned: true }) {
  const { columns, pinned } = session.data.charts;
  const out = {};
  if (parts.scenario && state.shown) out.scenario = chartData(state.shown.view.series, columns);
  if (parts.pinned && state.askedPinned && state.pinned) out.pinned = chartData(state.pinned.view.series, Object.fromEntries(pinned.map((name) => [name, columns[name]])));
  return out;
}

function drawCharts(session, state, parts = { scenario: true, pinned: true }) {
  const { charts } = session;
  if (!charts) return;
  const sources = chartSources(session, state, parts);
  if (sources.scenario) charts.setScenario(sources.scenario);
  if (parts.pinned) charts.setPinned(sources.pinned ?? null);
}

function render(session, state, previous) {
  const { p, registry, layout, formats } = session;
  if (state.asked !== previous.asked) {
    session.controls.sync(state.asked);
    scheduleLink(session);
  } else if (state.askedPinned !== previous.askedPinned || state.page !== previous.page) scheduleLink(session);
  const shownChanged = state.shown !== previous.shown && state.shown;
  const pinnedChanged = state.pinned !== previous.pinned || state.askedPinned !== previous.askedPinned;
  if (shownChanged) renderResults(p, registry, layout, formats, state.shown, session.pending);
  if (pinnedChanged || (state.shown !== previous.shown && state.askedPinned)) renderCompare(p, registry, layout, formats, state);
  // Each chart source converted and written once, and only when its own figures changed.
  if (shownChanged || pinnedChanged) drawCharts(session, state, { scenario: Boolean(shownChanged), pinned: pinnedChanged });
  if (state.problems !== previous.problems) renderProblems(p, state);
  if (state.model !== previous.model) renderModelStatus(p, state.model.status, state.model.reason);
  if (state.page !== previous.page) document.documentElement.classList.toggle("ex-full-view", mounted?.session === session && state.page.view === "full");
  const model = statusModel(state, registry);
  if (figuresSettled(model.phase, false)) searchGate.release(); // the asked figures cannot come
  renderStatus(p, model);
  const full = p.root.querySelector("#ex-full");
  if (full.getAttribute("aria-pressed") !== String(state.page.view === "full")) full.setAttribute("aria-pressed", String(state.page.view === "full"));
  const said = announcement(model, session.lastStatus);
  session.lastStatus = model;
  if (said) {
    clearTimeout(session.announceTimer);
    session.announceTimer = setTimeout(() => (p.announce.textContent = said), ANNOUNCE_DELAY_MS);
  }
  // Only now is the whole page this state's: say so (tests and the benchmark listen).
  if (shownChanged) {
    if (session.charts) session.charts.repainted().then(() => emitRender(session, state, true));
    else emitRender(session, state, false); // the tables are on screen; the charts follow
  }
}

/** Tell the tests and the benchmark that a result is on screen (`charted`: charts repainted). */
function emitRender(session, state, charted) {
  if (session.away) return; // coming back says so itself (attach)
  const paintedAt = performance.now();
  const { registry } = session;
  const phase = phaseOf(state, registry);
  const matches = phase === "current" || phase === "banding";
  let reason = matches ? session.cause.reason : "provisional";
  if (matches && session.lastRendered === settingsKey(registry, state.asked) && state.shown.view.band) reason = "band";
  if (matches) session.lastRendered = settingsKey(registry, state.asked);
  explorer.renders += 1;
  if (charted && !("firstChart" in explorer.timings)) explorer.timings.firstChart = paintedAt;
  if (charted && reason === "link" && !("linkShown" in explorer.timings)) explorer.timings.linkShown = paintedAt;
  if (figuresSettled(phase, charted)) searchGate.release();
  document.dispatchEvent(new CustomEvent("explorer:render", {
    detail: { reason, phase, charted, eventTime: matches ? session.cause.eventTime : null, paintedAt, band: state.shown.view.band, key: settingsKey(registry, state.shown.settings) },
  }));
}

// ------------------------------------------------------------------------------ the address
function fragmentFor(session, at = null) {
  const state = session.store.get();
  const page = { ...state.page, at: at ?? state.page.at };
  return writeLink(session.registry, state.asked, state.askedPinned, page);
}

function isPlain(session) {
  const state = session.store.get();
  const { registry } = session;
  const plain = { scenario: registry.default_preset, values: defaultsFor(registry, registry.default_preset) };
  return sameSettings(registry, state.asked, plain) && !state.askedPinned && !state.page.view && !state.page.at;
}

function writeAddress(session) {
  clearTimeout(session.linkTimer);
  if (mounted?.session !== session) return;
  if (isPlain(session) && !isScenario(location.hash)) {
    rewriteAnchors((at) => fragmentFor(session, at));
    return; // a page opened without a link keeps its plain address
  }
  const fragment = `#${fragmentFor(session)}`;
  session.lastWritten = fragment;
  if (location.hash !== fragment) history.replaceState(history.state, "", fragment);
  rewriteAnchors((at) => fragmentFor(session, at));
}

function scheduleLink(session) {
  clearTimeout(session.linkTimer);
  session.linkTimer = setTimeout(() => writeAddress(session), LINK_DELAY_MS);
}

// ------------------------------------------------------------------------------ mounting
function attach(session, returning) {
  session.away = false;
  session.charts?.back();
  const detach = [];
  mounted = { session, detach };
  const { store, registry, actions } = session;
  const on = (target, type, listener, options) => {
    target.addEventListener(type, listener, options);
    detach.push(() => target.removeEventListener(type, listener, options));
  };

  // The address: a link opened now wins; a page opened without one shows the visit's scenario.
  const hash = location.hash;
  if (returning && isScenario(hash) && hash !== session.lastWritten) actions.applyLink(hash);
  else if (returning) {
    const at = hash && !isScenario(hash) ? decodeURIComponent(hash.slice(1)) : null;
    if (at) store.update((s) => ({ page: { ...s.page, at } }));
    writeAddress(session);
  }
  on(window, "hashchange", () => {
    if (location.hash === session.lastWritten) return;
    if (isScenario(location.hash)) {
      actions.applyLink(location.hash);
      goTo(store.get().page.at);
    } else if (location.hash.length > 1) {
      // An anchor typed into the address: the browser has scrolled to it; keep the scenario.
      store.update((s) => ({ page: { ...s.page, at: decodeURIComponent(location.hash.slice(1)) } }));
      writeAddress(session);
    }
  });
  detach.push(keepScenarioOnAnchors({ fragmentAt: (at) => fragmentFor(session, at), onScenarioLink: (fragment) => actions.applyLink(fragment) }));

  // Printing prints the whole scenario: every folded table, opened for the printout.
  let reopened = null; // the folded parts opened for this printout, to fold again after it
  on(window, "beforeprint", () => {
    drawPending(session.p, session.pending, true);
    if (reopened) return;
    reopened = [...session.root.querySelectorAll("details:not([open])")].filter((d) => !d.closest(".ex-settings"));
    for (const d of reopened) d.open = true;
  });
  on(window, "afterprint", () => {
    for (const d of reopened ?? []) d.open = false;
    reopened = null;
  });
  on(session.root, "toggle", () => drawPending(session.p, session.pending), true);

  // The site's colour scheme: recolour the charts when the reader switches it.
  const scheme = new MutationObserver(() => applyScheme(session));
  scheme.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  detach.push(() => scheme.disconnect());

  // Keep the focused control clear of the sticky header and headline (WCAG 2.4.11).
  const headline = session.root.querySelector("#ex-headline");
  const header = document.querySelector(".md-header");
  // Written only when they change: a custom property on the explorer restyles all of it.
  const setStyle = (el, name, value) => {
    if (el.style.getPropertyValue(name) !== value) el.style.setProperty(name, value);
  };
  const offsets = () => {
    const top = (header && getComputedStyle(header).position === "sticky" ? header.offsetHeight : 0);
    setStyle(session.root, "--ex-sticky-top", `${top}px`);
    const sticky = getComputedStyle(headline).position === "sticky" ? headline.offsetHeight : 0;
    setStyle(document.documentElement, "scroll-padding-top", `${top + sticky + 8}px`);
  };
  const resize = new ResizeObserver(offsets);
  resize.observe(headline);
  if (header) resize.observe(header); // observing calls offsets() once laid out: no forced layout now
  detach.push(() => resize.disconnect());

  detach.push(onSearchIntent(document, () => searchGate.release()));
  on(document, "keydown", (event) => {
    if (event.key === "Escape" && store.get().page.view === "full") setView(session, null);
  });
  document.documentElement.classList.toggle("ex-full-view", store.get().page.view === "full");
  if (returning) {
    applyScheme(session);
    explorer.timings.returned = performance.now();
    const state = store.get();
    if (state.shown) emitRender(session, state, Boolean(session.charts));
  } else {
    writeAddressSoon(session);
  }
  const at = store.get().page.at;
  if (at) requestAnimationFrame(() => goTo(at));
}

function writeAddressSoon(session) {
  if (isScenario(location.hash)) session.linkTimer = setTimeout(() => writeAddress(session), 0);
  else rewriteAnchors((at) => fragmentFor(session, at));
}

/** The palette's scheme ("light", "dark") for the site's current colour scheme. */
function schemeName(session) {
  const material = document.body.dataset.mdColorScheme;
  return Object.entries(session.data.charts.material_schemes).find(([, name]) => name === material)?.[0] ?? "light";
}

/** Recolour the charts for the site's colour scheme, unless they have its colours already (coming
 * back to the page, recolouring would only make BokehJS repaint before the first frame). */
function applyScheme(session) {
  const name = schemeName(session);
  if (!session.charts || session.chartScheme === name) return;
  session.charts.applyTheme(session.data.charts.themes[name]);
  session.chartScheme = name;
}

function setView(session, view) {
  session.store.update((s) => ({ page: { ...s.page, view: view ?? undefined } }));
  if (view === "full") session.root.querySelector("#ex-full").focus();
}

// ------------------------------------------------------------------------------ the toolbar
function bindToolbar(session) {
  const { root, store, registry, p } = session;
  let pending = null; // the action waiting for the figures, cancelled by the next one
  const say = (text) => (p.action.textContent = text);

  /** Run `act` once the state is ready for it, saying what it waits for or why it cannot. */
  async function when(need, withPinned, waitingText, act) {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const now = readiness(store.get(), registry, need, withPinned);
    if (!now.ready && !now.blocked) {
      say(`${waitingText}: ${now.reason}…`);
      if (need === "complete") session.scheduler.completeNow();
    }
    try {
      const state = await whenReady(store, registry, need, withPinned, controller.signal);
      if (pending === controller) pending = null;
      await act(state);
    } catch (error) {
      if (error.message !== "cancelled") say(`Not done: ${error.message}.`);
    }
  }

  root.querySelector("#ex-reset-all").addEventListener("click", (event) => session.actions.resetAll(event.timeStamp));
  root.querySelector("#ex-problems-dismiss").addEventListener("click", () => store.update({ problems: [] }));
  root.querySelector("#ex-full").addEventListener("click", () => setView(session, store.get().page.view === "full" ? null : "full"));

  root.querySelector("#ex-pin").addEventListener("click", () => {
    if (store.get().askedPinned) {
      pending?.abort();
      store.update((s) => ({ askedPinned: null, pinned: null, problems: s.problems.filter((q) => q.side !== "pinned") }));
      say("Scenario A unpinned.");
      return;
    }
    when("figures", false, "Pinning", (state) => {
      store.update({ askedPinned: state.shown.settings, pinned: state.shown });
      say("Pinned as A. Change any setting to compare; A stays in the link.");
    });
  });

  root.querySelector("#ex-copy").addEventListener("click", () => {
    const failed = store.get().model.status === "failed";
    const copy = async (note) => {
      writeAddress(session);
      const url = new URL(`#${fragmentFor(session)}`, location.href).href;
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        /* no clipboard permission (an insecure origin, say): show the link to copy by hand */
      }
      say(copied ? `Link copied.${note}` : `Copy this link: ${url}${note}`);
    };
    // The link holds settings, not figures: when they cannot be calculated here, it is still true,
    // and says so.
    if (failed) return copy(" It holds your settings; this browser could not calculate them, but one that can run the model will.");
    return when("figures", true, "Copying the link", () => copy(" Anyone who opens it sees this scenario."));
  });

  root.querySelector("#ex-download").addEventListener("click", () =>
    when("complete", true, "Preparing the download", (state) => {
      const link = new URL(`#${writeLink(registry, state.shown.settings, state.askedPinned ? state.pinned.settings : null)}`, location.href).href;
      const csv = csvText(state, registry, session.layout, link);
      const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: csvName(state) });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(`Downloaded ${csvName(state)}: the figures on screen, with the settings they were calculated with.`);
    }),
  );

  root.querySelector("#ex-print").addEventListener("click", () =>
    when("complete", true, "Preparing to print", () => {
      say("");
      window.print();
    }),
  );
}
