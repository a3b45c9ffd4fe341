// "Copy" buttons: <button data-copy="field-id" data-copied="Copied" hidden>.
// The button copies the field's value and says so, in the live region named by
// data-copy-status when there is one, or else on the button itself for a while.
// Without JavaScript (or a clipboard) the button stays hidden and the text
// stays in a field people can select and copy.
(function () {
  "use strict";

  function enhance(button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard || button.dataset.copyReady) {
      return;
    }
    button.dataset.copyReady = "1";
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          var status = document.getElementById(button.dataset.copyStatus || "");
          if (status) {
            status.textContent = button.dataset.copied;
            return;
          }
          button.textContent = button.dataset.copied || label;
          window.setTimeout(function () {
            button.textContent = label;
          }, 2500);
        },
        function () {
          field.focus();
          field.select();
        }
      );
    });
  }

  function setUp(root) {
    root.querySelectorAll("button[data-copy]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
  // Steps of the letter writer arrive by htmx.
  document.addEventListener("htmx:afterSwap", function (event) { setUp(event.target); });
})();
