/* In-page checks for the accessibility audit (tests/support/audit.py), for what axe-core cannot
 * judge on its own: where keyboard focus lands and whether anything hides it, reflow at 320 px,
 * text spacing, charts and page titles.
 *
 * Installed in every frame with Playwright's add_init_script. Each frame records key presses into
 * the top window, so a walk through an <iframe> or a shadow root reads as one sequence.
 */
(() => {
  "use strict";
  if (window.__a11y) return;
  const A = (window.__a11y = {});
  const top = (() => { try { return window.top.document && window.top; } catch (e) { return window; } })();

  // ------------------------------------------------------------------ walking the focus
  /** The element that really has focus: through open shadow roots and same-origin frames. */
  A.deepActive = function (doc) {
    let el = (doc || document).activeElement;
    for (;;) {
      if (el && el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
      if (el && el.tagName === "IFRAME") {
        let inner = null;
        try { inner = el.contentDocument && el.contentDocument.activeElement; } catch (e) { inner = null; }
        if (inner && inner !== el.contentDocument.body && inner !== el.contentDocument.documentElement) {
          el = inner; continue;
        }
      }
      return el;
    }
  };

  function frameOffset(el) {
    // Top-window coordinates of the viewport of the frame that holds `el`.
    let x = 0, y = 0, win = el.ownerDocument.defaultView;
    while (win && win !== top && win.frameElement) {
      const frame = win.frameElement, r = frame.getBoundingClientRect(), s = getComputedStyle(frame);
      x += r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
      y += r.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
      win = frame.ownerDocument.defaultView;
    }
    return { x, y };
  }

  function rectOf(el) {
    const r = el.getBoundingClientRect(), o = frameOffset(el);
    return { left: r.left + o.x, top: r.top + o.y, right: r.right + o.x, bottom: r.bottom + o.y,
             width: r.width, height: r.height };
  }

  function union(rects) {
    const rs = rects.filter(r => r.width > 0 && r.height > 0);
    if (!rs.length) return null;
    const left = Math.min(...rs.map(r => r.left)), top_ = Math.min(...rs.map(r => r.top));
    const right = Math.max(...rs.map(r => r.right)), bottom = Math.max(...rs.map(r => r.bottom));
    return { left, top: top_, right, bottom, width: right - left, height: bottom - top_ };
  }

  /** What the reader sees of a control: its box, or else its labels' (a styled radio button is
   *  often 0 x 0, drawn by the label that follows it). */
  function visualParts(el) {
    const own = rectOf(el);
    if (own.width >= 1 && own.height >= 1) return [el];
    const shown = l => l && l.tagName === "LABEL" && !l.hidden && l.getClientRects().length > 0;
    const labels = Array.from(el.labels || []).filter(shown);
    return labels.length ? labels : [el.nextElementSibling].filter(shown);
  }

  function visible(el) {
    if (typeof el.checkVisibility === "function"
        && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    return true;
  }

  function parentOf(n) {
    // The parent across shadow roots (to the host) and frames (to the <iframe>).
    const up = n.parentNode;
    if (up && up.nodeType === 11) return up.host;
    if (!up || up.nodeType === 9) { const win = (n.ownerDocument || n).defaultView; return win && win.frameElement; }
    return up;
  }

  function containsDeep(ancestor, node) {
    for (let n = node; n; n = parentOf(n)) if (n === ancestor) return true;
    return false;
  }

  function deepHit(x, y) {
    // The topmost element at a top-window point, through shadow roots and same-origin frames.
    let doc = top.document, ox = 0, oy = 0, hit = doc.elementFromPoint(x, y);
    for (let guard = 0; hit && guard < 20; guard++) {
      if (hit.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x - ox, y - oy);
        if (inner && inner !== hit) { hit = inner; continue; }
      }
      if (hit.tagName === "IFRAME") {
        let innerDoc = null;
        try { innerDoc = hit.contentDocument; } catch (e) { innerDoc = null; }
        if (innerDoc) {
          const r = hit.getBoundingClientRect(), s = getComputedStyle(hit);
          ox += r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
          oy += r.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
          const inner = innerDoc.elementFromPoint(x - ox, y - oy);
          if (inner) { hit = inner; continue; }
        }
      }
      break;
    }
    return hit;
  }

  function fixedOrSticky(el) {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement || (n.getRootNode().host || null)) {
      const pos = getComputedStyle(n).position;
      if (pos === "fixed" || pos === "sticky") return n;
    }
    return null;
  }

  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/).filter(c => c && c !== "focus-visible") : [];
    const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || el.value || "")
      .replace(/\s+/g, " ").trim().slice(0, 60);
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (cls.length ? "." + cls.join(".") : "")
      + (name ? ` "${name}"` : "");
  }

  function lineBoxes(el) {
    // Each box the element is drawn in (a link that wraps has one per line), in top-window pixels.
    const o = frameOffset(el);
    return Array.from(el.getClientRects()).filter(r => r.width >= 1 && r.height >= 1)
      .map(r => ({ left: r.left + o.x, top: r.top + o.y, right: r.right + o.x, bottom: r.bottom + o.y }));
  }

  /** How much of the focused control something else (a sticky header, an overlay) hides: the share
   *  of points, spread over each box it is drawn in, where something else is on top. */
  function coverage(el, box) {
    const vw = top.innerWidth, vh = top.innerHeight;
    const clip = r => ({ left: Math.max(r.left, 0), right: Math.min(r.right, vw),
                         top: Math.max(r.top, 0), bottom: Math.min(r.bottom, vh) });
    const parts = visualParts(el), owners = [el, ...parts];
    const boxes = parts.flatMap(lineBoxes).map(clip).filter(r => r.right - r.left >= 1 && r.bottom - r.top >= 1);
    if (!boxes.length) return { onScreen: false, hidden: 1, by: [] };
    const [cols, rows] = boxes.length === 1 ? [5, 3] : [3, 1];
    const points = [];
    for (const r of boxes) {
      for (let i = 0; i < cols; i++) for (let j = 0; j < rows; j++) {
        points.push([r.left + 1 + (r.right - r.left - 2) * (cols === 1 ? 0.5 : i / (cols - 1)),
                     r.top + 1 + (r.bottom - r.top - 2) * (rows === 1 ? 0.5 : j / (rows - 1))]);
      }
    }
    let covered = 0;
    const by = new Set();
    for (const [x, y] of points) {
      const hit = deepHit(x, y);
      if (!hit || owners.some(o => containsDeep(o, hit) || containsDeep(hit, o))) continue;
      // A tooltip left over from the control before, for the moment it takes to fade: not content
      // that hides this one (the walk presses keys far faster than a reader).
      if (hit.closest && hit.closest("[role=tooltip]")) continue;
      covered += 1;
      by.add(describe(fixedOrSticky(hit) || hit) + (A.debug ? " via " + describe(hit) : ""));
    }
    const c = clip(box);
    return { onScreen: true, hidden: covered / points.length, by: Array.from(by),
             inViewport: ((c.right - c.left) * (c.bottom - c.top)) / Math.max(1, box.width * box.height) };
  }

  function colour(value) {
    const m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }

  function backgroundBehind(el) {
    for (let n = el; n; n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null) {
      if (n.nodeType !== 1) break;
      const c = colour(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0.5) return c.slice(0, 3).join(",");
    }
    const win = el.ownerDocument.defaultView;
    if (win !== top && win.frameElement) return backgroundBehind(win.frameElement);
    return "255,255,255";
  }

  function clippedRing(el, box) {
    // Is the outline cut off by a scrolling or clipping ancestor?
    const s = getComputedStyle(el);
    const reach = s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth) + Math.max(0, parseFloat(s.outlineOffset));
    for (let n = el.parentElement; n; n = n.parentElement) {
      const ns = getComputedStyle(n);
      if (/(hidden|auto|scroll|clip)/.test(ns.overflowX + ns.overflowY)) {
        const r = rectOf(n);
        if (box.left - reach < r.left - 0.5 || box.right + reach > r.right + 0.5
            || box.top - reach < r.top - 0.5 || box.bottom + reach > r.bottom + 0.5) return describe(n);
      }
    }
    return "";
  }

  /** What decides how the focus indicator looks: two controls with the same signature look alike
   *  when focused, so the audit compares pixels once per signature. */
  function signature(el, parts) {
    const chain = [];
    for (let n = el, i = 0; n && n.nodeType === 1 && i < 5; n = n.parentElement, i++) {
      const cls = typeof n.className === "string" ? n.className.split(/\s+/).filter(c => c && c !== "focus-visible").sort().join(".") : "";
      chain.push(n.tagName.toLowerCase() + (cls ? "." + cls : "") + (n.getAttribute("role") ? `[${n.getAttribute("role")}]` : ""));
    }
    const styled = parts.length && parts[0] !== el ? parts[0] : el;
    const s = getComputedStyle(styled);
    return JSON.stringify([
      chain, el.getAttribute("type"), el.getRootNode() !== el.ownerDocument, el.ownerDocument !== top.document,
      [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow, s.backgroundColor,
       s.color, s.borderTopColor, s.borderBottomColor, s.textDecorationLine, s.opacity],
      backgroundBehind(styled), top.document.body.getAttribute("data-md-color-scheme"),
    ]);
  }

  /** One stop of a keyboard walk: what has focus, where, whether it shows and what hides it. */
  A.snapshot = function () {
    const el = A.deepActive(top.document);
    if (!el || el === top.document.body || el === top.document.documentElement || el === A.sentinel) {
      return { body: true };
    }
    const parts = visualParts(el);
    const box = union(parts.map(rectOf));
    const shown = !!box && parts.some(visible);
    const cover = box ? coverage(el, box) : { onScreen: false, hidden: 1, by: [] };
    A.stops.push(el);
    if (!A.ids.has(el)) A.ids.set(el, A.ids.size + 1);
    return {
      index: A.stops.length - 1, uid: A.ids.get(el), what: describe(el), shown, box,
      fixed: !!fixedOrSticky(el) && getComputedStyle(fixedOrSticky(el)).position === "fixed",
      onScreen: cover.onScreen, hidden: cover.hidden, by: cover.by, inViewport: cover.inViewport || 0,
      clipped: box ? clippedRing(parts[0] || el, box) : "",
      focusVisible: el.matches(":focus-visible") || el.classList.contains("focus-visible"),
      signature: signature(el, parts), viewport: [top.innerWidth, top.innerHeight],
    };
  };

  A.stops = [];
  A.ids = new Map();  // element -> a number that stays the same between walks
  A.log = [];
  A.recording = false;
  A.known = null;     // signatures whose focus indicator has been judged; a new one pauses the walk
  A.paused = false;
  A.skipNext = false;
  /* A Tab press is recorded when the next key arrives: by then the browser has finished moving
     focus and scrolling for the previous one, so nothing is measured half-way. A control whose
     look has not been judged yet keeps focus (the key is cancelled) until the audit resumes. */
  /* Scrolling makes the theme re-lay out its sticky parts when the scroll event comes, on the next
     animation frame. A key that arrives before that frame is over is held back (cancelled, and
     pressed again by the audit), so that what is measured is what a reader sees. `frames` counts
     frames after their work is done (a task queued from the frame runs after it). */
  A.frames = 0;
  A.frameAtScroll = -1;
  function tick() {  // runs while a walk records, not on an idle page
    if (!A.recording) { A.ticking = false; return; }
    A.ticking = true;
    requestAnimationFrame(() => { setTimeout(() => { A.frames += 1; }, 0); tick(); });
  }
  window.__a11ySeenY = window.scrollY;
  /* When anything last scrolled (the page or a scroll box in it; Date.now(), the same in every
     frame). The theme scrolls some boxes well after the event that asked for it: its table of
     contents follows the page's heading 250 ms after the page stops scrolling, smoothly. */
  A.lastScroll = Date.now();
  A.QUIET_MS = 400;         // 250 ms, and the first frames of the theme's smooth scroll
  A.RECHECK_LIMIT_MS = 2500; // a control found hidden is judged by then, scrolling or not
  window.addEventListener("scroll", () => {
    window.__a11ySeenY = window.scrollY;
    if (top.__a11y) {
      top.__a11y.frameAtScroll = top.__a11y.frames;
      top.__a11y.lastScroll = Date.now();
    }
  }, { capture: true, passive: true });
  function scrollPending() {
    // A window that has scrolled since its last scroll event: the event, and the theme's response
    // to it, are still to come.
    return documents().some(doc => { const w = doc.defaultView; return w && w.scrollY !== w.__a11ySeenY; });
  }
  window.addEventListener("keydown", event => {
    const T = top.__a11y;
    if (event.key !== "Tab" || !T || !T.recording) return;
    const cancel = () => { event.preventDefault(); event.stopImmediatePropagation(); };  // unseen by the page
    T.presses += 1;
    if (T.paused || T.frames - T.frameAtScroll < 1 || scrollPending()) return cancel();
    if (T.skipNext) { T.skipNext = false; T.movedWhileScrolling = !T.stillFor(T.QUIET_MS); return; }
    if (T.recheckAt !== null) {
      const waited = performance.now() - T.recheckTime;
      if (T.frames - T.recheckAt < 2 || waited < 300 || (!T.stillFor(T.QUIET_MS) && waited < T.RECHECK_LIMIT_MS)) {
        return cancel();
      }
    }
    const snap = T.snapshot();
    // A control found hidden is looked at again before that counts: two frames and 300 ms later,
    // and once nothing has scrolled for QUIET_MS (the theme lays out its sidebars some time after
    // a scroll, and scrolls its table of contents after that).
    const fits = snap.box && snap.box.height <= snap.viewport[1] / 2 && snap.inViewport >= 0.99;
    const doubtful = !snap.body && (!snap.shown || !snap.onScreen || snap.hidden >= (fits ? 0.01 : 1));
    if (doubtful && T.recheckAt === null) {
      T.recheckAt = T.frames; T.recheckTime = performance.now();
      return cancel();
    }
    // Still hidden once all is still, when the Tab that brought focus here was pressed while the
    // page was still moving (less than QUIET_MS after a scroll): the walk outpaced a smooth
    // scroll, and the theme's answer to it moved this control away after the browser had shown
    // it (its table of contents, back to the page's heading). A reader who presses Tab once the
    // page is still finds it where the browser puts a focused control: it is shown as the
    // browser shows it, once, and judged again. A control the browser cannot bring into view, or
    // that something covers where it brings it, is as hidden as before; so is one reached from a
    // still page. (What this cannot tell from the theme: a page that moves a focused control away
    // by itself, if the walk reached that control mid-scroll.)
    if (doubtful && !T.revealed && T.movedWhileScrolling) {
      T.revealed = true;
      T.stops[snap.index].scrollIntoView({ block: "nearest", inline: "nearest" });
      T.recheckAt = T.frames; T.recheckTime = performance.now();
      return cancel();
    }
    T.recheckAt = null;
    T.revealed = false;
    snap.press = T.presses;
    T.log.push(snap);
    if (T.known && !snap.body && snap.shown && snap.onScreen && !T.known.has(snap.signature)) {
      snap.paused = true;
      T.paused = true;
      return cancel();
    }
    T.movedWhileScrolling = !T.stillFor(T.QUIET_MS);  // this press moves focus on
  }, true);
  /** Start a walk from the top of the page, or from its end (to walk backwards): focus sits on a
   *  mark there, which Tab and Shift+Tab leave and never come back to. */
  if (window === top) {
    // Focus leaving the page for the browser's own controls (after the last Tab stop).
    window.addEventListener("blur", () => { if (A.recording && !document.hasFocus()) A.leftPage = true; });
  }
  A.startWalk = function (known, fromEnd) {
    A.leftPage = false;
    A.log = []; A.recording = true; A.paused = false; A.skipNext = false; A.presses = 0; A.recheckAt = null;
    A.revealed = false; A.movedWhileScrolling = false;
    if (!A.ticking) tick();
    A.known = known ? new Set(known) : null;
    if (A.sentinel) A.sentinel.remove();
    A.sentinel = document.createElement("span");
    A.sentinel.tabIndex = -1;
    if (fromEnd) document.body.append(A.sentinel); else document.body.prepend(A.sentinel);
    A.sentinel.focus({ preventScroll: true });
  };
  A.takeLog = function () { const out = A.log; A.log = []; return out; };
  A.stopWalk = function () {
    A.recording = false;
    if (A.sentinel) { A.sentinel.remove(); A.sentinel = null; }
  };
  /** Carry on walking from the control the walk paused at. */
  A.resume = function (index, signature) {
    A.known.add(signature);
    A.refocus(index);
    A.paused = false;
    A.skipNext = true;
  };

  function luminance(rgb) {
    const [r, g, b] = rgb.slice(0, 3).map(v => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /** The contrast of the focused control's text against what is behind it, and what WCAG 1.4.3
   *  asks of text that size (focus often changes a link's colour). Null when it has no text. */
  A.focusedText = function (index) {
    const el = A.stops[index];
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT,
      { acceptNode: n => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const node = walker.nextNode();
    if (!node || !visible(node.parentElement)) return null;
    const s = getComputedStyle(node.parentElement), fg = colour(s.color);
    if (!fg || fg[3] < 0.5) return null;
    const bg = backgroundBehind(node.parentElement).split(",").map(Number);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const px = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
    return { ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
             needed: px >= 24 || (bold && px >= 18.66) ? 3 : 4.5 };
  };

  /** About how many Tab stops the page has (open shadow roots are not counted): how many keys a
   *  walk can press before it needs to look. */
  A.tabbableCount = function () {
    const selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, "
      + "iframe, [tabindex], [contenteditable=true]";
    return documents().reduce((sum, doc) => sum + Array.from(doc.querySelectorAll(selector)).filter(el =>
      el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && visible(el)
      && (el.getClientRects().length > 0 || (el.labels && el.labels.length))
      && !(el.closest("details:not([open])") && el.tagName !== "SUMMARY")).length, 0);
  };

  /** Focus stop `index` again (for a screenshot) or take focus away from it. */
  A.refocus = function (index) {
    const el = A.stops[index];
    el.focus({ preventScroll: false });
    return A.deepActive(top.document) === el
      && (el.matches(":focus-visible") || el.classList.contains("focus-visible"));
  };
  A.blur = function (index) { A.stops[index].blur(); };
  A.boxOf = function (index) { return union(visualParts(A.stops[index]).map(rectOf)); };
  /** Nothing has scrolled for `ms`: whatever the theme does after a scroll is done. */
  A.stillFor = function (ms) { return Date.now() - A.lastScroll >= ms; };

  // ------------------------------------------------------------------ settling
  /** Resolves once nothing in the page has changed for `quietMs` (charts drawn, scripts done) and no
   *  part of it says it is busy (aria-busy="true", as a region still loading should). */
  A.settled = function (quietMs, maxMs) {
    return new Promise(resolve => {
      let last = performance.now();
      const observe = doc => new MutationObserver(() => { last = performance.now(); })
        .observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
      const docs = documents();
      docs.forEach(observe);
      const busy = () => docs.some(d => d.querySelector("[aria-busy=true]"));
      const start = performance.now();
      (function tick() {
        const now = performance.now();
        if (now - start >= maxMs) return resolve(false);
        if (now - last >= quietMs && !busy()) return resolve(true);
        setTimeout(tick, 25);
      })();
    });
  };

  // ------------------------------------------------------------------ documents of the page
  function documents() {
    const docs = [document];
    for (let i = 0; i < docs.length; i++) {
      docs[i].querySelectorAll("iframe").forEach(f => {
        try { if (f.contentDocument) docs.push(f.contentDocument); } catch (e) { /* cross-origin */ }
      });
    }
    return docs;
  }

  function deepAll(root, selector) {
    const found = Array.from(root.querySelectorAll(selector));
    root.querySelectorAll("*").forEach(el => { if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector)); });
    return found;
  }

  function accessibleName(el) {
    const labelledby = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
      .map(id => el.ownerDocument.getElementById(id)).filter(Boolean).map(n => n.textContent).join(" ");
    const own = labelledby || el.getAttribute("aria-label") || "";
    if (own.trim()) return own.trim();
    if (el.tagName === "FIGURE") {
      const caption = el.querySelector("figcaption");
      if (caption) return caption.textContent.trim();
    }
    if (el.tagName === "TABLE" && el.caption) return el.caption.textContent.trim();
    return (el.getAttribute("title") || "").trim();
  }

  // ------------------------------------------------------------------ reflow (WCAG 1.4.10)
  function scrollers(doc) {
    return Array.from(doc.querySelectorAll("*")).filter(el => {
      const s = getComputedStyle(el);
      return /(auto|scroll)/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
        && visible(el);
    });
  }

  function tooWide(doc) {
    // The outermost elements that reach past the right edge, outside any region that scrolls.
    const root = doc.documentElement;
    const inner = scrollers(doc).filter(r => r !== root && r !== doc.body);
    const beyond = el => el.getBoundingClientRect().right > root.clientWidth + 1;
    return Array.from(doc.querySelectorAll("body *")).filter(el =>
      el.getBoundingClientRect().width && beyond(el) && visible(el)
      && !inner.some(r => r !== el && r.contains(el))
      && !(el.parentElement && el.parentElement !== doc.body && beyond(el.parentElement)))
      .slice(0, 3).map(describe);
  }

  function withoutTooltips(fn) {
    // Measure the page, not a tooltip left over from a control focused earlier (the audit turns
    // transitions off, and the theme removes a tooltip when its fade ends).
    const styles = documents().map(doc => {
      const s = doc.createElement("style");
      s.textContent = "[role=tooltip] { display: none !important; }";
      doc.head.appendChild(s);
      return s;
    });
    try { return fn(); } finally { styles.forEach(s => s.remove()); }
  }

  /** Sideways scrolling: the page must not; a region may, if it holds a table, has a name and
   *  takes keyboard focus (so it can be scrolled without a mouse). */
  A.reflow = () => withoutTooltips(reflow);
  function reflow() {
    const problems = [], regions = [];
    for (const doc of documents()) {
      const root = doc.documentElement, where = doc === document ? "" : "in the embedded page: ";
      const extra = root.scrollWidth - root.clientWidth;
      if (extra > 1) {
        problems.push(`${where}the page scrolls sideways by ${extra}px (${tooWide(doc).join("; ") || "cause not found"})`);
      }
      for (const region of scrollers(doc)) {
        if (region === root || region === doc.body) continue;
        const hasTable = !!region.querySelector("table, [role=table], [role=grid]");
        const name = accessibleName(region);
        const ok = hasTable && name && region.tabIndex >= 0 && region.getAttribute("role") === "region";
        regions.push(describe(region));
        if (!ok) {
          problems.push(`${where}${describe(region)} scrolls sideways but ${[
            hasTable ? "" : "holds no table", name ? "" : "has no name",
            region.tabIndex >= 0 ? "" : "cannot take keyboard focus",
            region.getAttribute("role") === "region" ? "" : "is not a region"].filter(Boolean).join(", ")}`);
        }
      }
    }
    return { problems, regions };
  }

  // ------------------------------------------------------------------ text spacing (WCAG 1.4.12)
  const SPACING = "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    + " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

  function clippedText(doc) {
    // Text taller or wider than a box that hides overflow: lost to the reader. Not counted: a
    // shortened copy of the page's title (the theme's header repeats it; the page shows it whole).
    const title = top.document.title.replace(/\s+/g, " ");
    return Array.from(doc.querySelectorAll("body *")).filter(el => {
      const s = getComputedStyle(el);
      if (!/(hidden|clip)/.test(s.overflowX + s.overflowY) || el.clientWidth <= 2 || el.clientHeight <= 2) return false;
      const text = el.textContent.replace(/\s+/g, " ").trim();
      if (!visible(el) || !text || el.closest("[aria-hidden=true]") || title.includes(text)) return false;
      const tall = /(hidden|clip)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 2;
      const wide = /(hidden|clip)/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 2;
      return tall || wide;
    }).map(describe);
  }

  /** Apply the WCAG 1.4.12 spacing; report text it newly cuts off or pushes sideways off the page. */
  A.textSpacing = () => withoutTooltips(textSpacing);
  function textSpacing() {
    const problems = [];
    for (const doc of documents()) {
      const where = doc === document ? "" : "in the embedded page: ";
      const root = doc.documentElement;
      const before = new Set(clippedText(doc));
      const overflowBefore = root.scrollWidth - root.clientWidth;
      const style = doc.createElement("style");
      style.textContent = SPACING;
      doc.head.appendChild(style);
      try {
        clippedText(doc).filter(d => !before.has(d)).slice(0, 5)
          .forEach(d => problems.push(`${where}text is cut off in ${d}`));
        const overflowAfter = root.scrollWidth - root.clientWidth;
        if (overflowAfter > Math.max(1, overflowBefore)) {
          problems.push(`${where}the page scrolls sideways by ${overflowAfter}px with the spacing applied `
            + `(${tooWide(doc).join("; ") || "cause not found"})`);
        }
      } finally {
        style.remove();
      }
    }
    return problems;
  }

  // ------------------------------------------------------------------ charts
  /** Every chart (a canvas or a large SVG drawing) has a name or is hidden from assistive
   *  technology, and a table with the same figures follows it. */
  function chartRoot(drawing, doc) {
    // The named figure (or hidden region) a drawing belongs to; else the element of the page
    // itself (outside any shadow root) that holds it.
    let inPage = null;
    for (let n = drawing; n; n = n.parentElement || n.getRootNode().host || null) {
      if (n.getAttribute("aria-hidden") === "true" || ["figure", "img"].includes(n.getAttribute("role"))
          || n.tagName === "FIGURE") return n;
      if (!inPage && n.getRootNode() === doc) inPage = n;
    }
    return inPage || drawing;
  }

  A.charts = function () {
    const problems = [];
    let count = 0;
    for (const doc of documents()) {
      const drawings = deepAll(doc, "canvas, svg").filter(d => {
        const r = d.getBoundingClientRect();
        return r.width >= 100 && r.height >= 80 && !(d.parentElement && d.parentElement.closest("svg"));
      });
      const roots = [];
      drawings.forEach(d => { const r = chartRoot(d, doc); if (!roots.includes(r)) roots.push(r); });
      count += roots.length;
      const order = Array.from(doc.body.querySelectorAll("*"));
      for (const root of roots) {
        const label = describe(root).slice(0, 90);
        const hidden = !!root.closest("[aria-hidden=true]");
        if (!hidden && !accessibleName(root)) {
          problems.push(`${label} is a chart with no name, and is not hidden from assistive technology`);
        }
        let headings = 0, table = null;
        for (let i = order.indexOf(root) + 1; i < order.length; i++) {
          const node = order[i];
          if (root.contains(node)) continue;
          // Charts side by side may share one table after the last of them (the explorer's two
          // charts and its year-by-year table): pass over another chart, not its headings.
          if (roots.some(r => r === node || r.contains(node))) continue;
          if (roots.some(r => node.contains(r))) continue;
          if (/^H[1-6]$/.test(node.tagName)) headings += 1;
          if (node.tagName === "TABLE" || node.getAttribute("role") === "table") { table = node; break; }
        }
        if (!table) problems.push(`${label}: no table of the chart's figures follows it`);
        else if (headings > 1) problems.push(`${label}: its table comes ${headings} headings later`);
      }
    }
    return { count, problems };
  };

  // ------------------------------------------------------------------ titles and headings
  A.titles = function () {
    const main = document.querySelector("main") || document.body;
    const headings = Array.from(main.querySelectorAll("h1, h2, h3, h4, h5, h6")).filter(h => visible(h));
    const h1s = headings.filter(h => h.tagName === "H1").map(h => h.textContent.replace(/¶/g, "").replace(/\s+/g, " ").trim());
    return { title: document.title.replace(/\s+/g, " ").trim(), h1s,
             first: headings.length ? headings[0].tagName : "" };
  };
})();
