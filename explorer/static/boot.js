/* The explorer's first script, in the page itself (after the explorer's HTML): it starts the
   explorer as soon as the page's HTML has arrived, without waiting for the theme's scripts at the
   end of the page. The site's own script (docs/assets/javascripts/site.js) mounts it as well when
   instant navigation brings the page back, and unmounts it when it goes; mounting twice is
   harmless. A classic script, not a module: the theme runs it again on every instant
   navigation to the page, as it must. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.closest("[data-explorer]");
  if (!root || typeof window.Promise !== "function") return;
  import(new URL(root.getAttribute("data-module"), location.href).href)
    .then(function (m) { return m.mount(root); })
    .catch(function () { /* site.js tries again, and says so if it cannot */ });
})();
