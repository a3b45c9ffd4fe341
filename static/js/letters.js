// Letters to officials: copy the finished letter, print the printable page.
// Without JavaScript the buttons stay hidden and the text is in a selectable box.
(function () {
  "use strict";

  function setUp(root) {
    root.querySelectorAll("[data-copy-letter]").forEach(function (button) {
      if (!navigator.clipboard) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var box = document.getElementById(button.getAttribute("data-copy-letter"));
        var status = button.form && button.form.querySelector("[data-copy-status]");
        navigator.clipboard.writeText(box.value).then(
          function () {
            if (status) { status.textContent = button.getAttribute("data-copied") || "Copied."; }
          },
          function () {
            box.focus();
            box.select();
          }
        );
      });
    });
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
