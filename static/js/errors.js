// When a form sent with htmx gets an error page back (503 while the database restarts, 403 when
// the form has expired, 413, 429, 500), show that page: htmx would otherwise drop it and leave a
// button that seems to do nothing. Polling and other GET requests keep what is on screen.
document.addEventListener("htmx:beforeSwap", function (event) {
  var detail = event.detail;
  if (detail.xhr.status < 400 || detail.requestConfig.verb === "get") {
    return;
  }
  detail.shouldSwap = true;
  detail.isError = false;
  if (/<html[\s>]/i.test(detail.xhr.responseText)) {
    // A whole page: it replaces the page, as it would without JavaScript.
    detail.target = document.body;
    detail.swapOverride = "innerHTML";
  }
});
