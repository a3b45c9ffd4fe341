// Copy-link buttons on the petition and thank-you pages. Without JavaScript
// the link is still shown in a read-only field people can select and copy.
(function () {
  "use strict";

  function enhance(button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          button.textContent = button.dataset.copied || label;
          window.setTimeout(function () {
            button.textContent = label;
          }, 2500);
        },
        function () {
          field.select();
        }
      );
    });
  }

  function init() {
    document.querySelectorAll("button[data-copy]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
