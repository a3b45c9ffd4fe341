// After htmx swaps the signing form (errors, or the "check your inbox"
// notice), move keyboard and screen-reader focus to the new message, which
// would otherwise be lost with the replaced button. htmx:load fires on the
// new element itself; the live counter's updates are left alone.
(function () {
  "use strict";

  document.addEventListener("htmx:load", function (event) {
    var region = event.target;
    if (!region.classList || !region.classList.contains("signing")) {
      return;
    }
    var message = region.querySelector("[role=alert], .notice h2");
    if (!message) {
      return;
    }
    message.setAttribute("tabindex", "-1");
    message.focus();
  });
})();
