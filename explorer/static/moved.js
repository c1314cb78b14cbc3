/* Links shared before the explorer moved into the site's page pointed here (explorer/app/#...):
   send them on to the page, scenario and all. The fragment never reaches a server, so only a
   script can carry it over; without JavaScript the page's link does, less the scenario. */
(function () {
  "use strict";
  var target = "../" + location.hash;
  location.replace(target);
  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("moved").href = target;
  });
})();
