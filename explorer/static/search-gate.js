/* The site search's worker on the explorer's page, held back until the explorer has shown its
   figures.

   The theme builds its search index in a worker as soon as a page opens. That takes most of a
   second of one core, and on the explorer's page it lands exactly while Pyodide starts and the
   charts are drawn (on a 2-core machine, a shared link's own figures came about 0.2 s later
   because of it). The site's theme (sitegen/theme/main.html) therefore names this file, not the
   theme's worker, on the explorer's page only. It keeps every message the theme sends, and only
   when the explorer says its figures are on screen, or the reader reaches for the search (the
   explorer's search-gate.mjs says so on the channel below), or after HOLD_MS at most, does it
   load the theme's own worker and hand it those messages, in order. Search then works exactly
   as on every other page; it is only built later.

   It sits beside the theme's worker, so anything that worker loads relative to itself (the
   search's language files) is found where it expects. The build (explorer/build.py) writes the
   worker's name, the channel and the longest hold into CONFIG. */
"use strict";
(function () {
  var CONFIG = /*@CONFIG@*/ {};
  var held = [];
  var released = false;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CONFIG.channel) : null;

  function hold(event) {
    held.push(event.data);
  }

  function release() {
    if (released) return;
    released = true;
    clearTimeout(timer);
    if (channel) channel.close();
    self.removeEventListener("message", hold);
    importScripts(CONFIG.worker); // the theme's worker: it listens for "message" itself
    for (var i = 0; i < held.length; i += 1) self.dispatchEvent(new MessageEvent("message", { data: held[i] }));
    held = null;
  }

  self.addEventListener("message", hold);
  if (channel) channel.onmessage = function (event) { if (event.data === "release") release(); };
  var timer = setTimeout(release, channel ? CONFIG.holdMs : 0);
})();
