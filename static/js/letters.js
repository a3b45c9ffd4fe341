// Letters to officials: print the printable page (copying is copy.js's).
// Without JavaScript the button stays hidden and the browser's own print works.
(function () {
  "use strict";

  function setUp(root) {
    root.querySelectorAll("[data-print-letter]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  // The letter writer swaps its steps in with htmx: wire up the new content and
  // move focus to the new step's heading so screen readers follow.
  document.addEventListener("htmx:afterSwap", function (event) {
    setUp(event.target);
    var heading = document.getElementById("letter-step-heading");
    if (heading) { heading.focus(); }
  });
})();
