// The share button: opens the device's own share menu (Web Share API), which
// lists the apps on it, KakaoTalk included. It starts hidden and is shown only
// where the browser has that menu; the share links and the link to copy beside
// it work everywhere, with or without JavaScript.
(function () {
  "use strict";

  if (typeof navigator.share !== "function") {
    return;
  }
  document.querySelectorAll("button[data-share-url]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({
        title: button.dataset.shareTitle,
        text: button.dataset.shareText,
        url: button.dataset.shareUrl
      }).catch(function () {
        // Closing the menu without sharing is not an error worth showing.
      });
    });
  });
})();
