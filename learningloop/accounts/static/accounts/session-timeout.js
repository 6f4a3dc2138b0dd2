// The timeout warning (GOV.UK's timeout warning pattern; ADR 0013).
//
// The server signs a user out after SESSION_IDLE_TIMEOUT_MINUTES without a request. This script only warns:
// two minutes before, it opens a modal dialog saying how long is left, with "Stay signed in" (posts to the
// keep-alive URL and closes) and "Sign out". Escape counts as "Stay signed in". When the time is up it goes
// to the sign-in page, where the server signs the session out and says why (or, if another tab kept the
// session alive, sends the user straight back).
(function () {
  "use strict";

  var dialog = document.getElementById("session-timeout-dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return; // no dialog support: the server-side timeout still applies
  }

  var countdown = dialog.querySelector(".app-timeout-dialog__countdown");
  var spoken = dialog.querySelector(".app-timeout-dialog__spoken");
  var stayButton = dialog.querySelector(".app-timeout-dialog__stay");
  var warningSeconds = parseInt(dialog.dataset.warningSeconds, 10);
  var expiresAt = 0;
  var warnTimer = null;
  var expireTimer = null;
  var tickTimer = null;
  var lastSpoken = null;
  var returnFocusTo = null;

  function describe(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + (minutes === 1 ? " minute" : " minutes");
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }

  function secondsLeft() {
    return Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
  }

  // Screen readers hear the time when the dialog opens, then each minute, then every 20 seconds in the
  // last minute: often enough to know, not so often that nothing else can be heard.
  function spokenText(seconds) {
    if (seconds >= 60) {
      return describe(Math.ceil(seconds / 60) * 60);
    }
    return describe(Math.max(20, Math.ceil(seconds / 20) * 20));
  }

  function tick() {
    var seconds = secondsLeft();
    if (seconds <= 0) {
      window.location.assign(dialog.dataset.signedOutUrl);
      return;
    }
    countdown.textContent = describe(seconds);
    var text = spokenText(seconds);
    if (text !== lastSpoken) {
      spoken.textContent = " (" + text + ")";
      lastSpoken = text;
    }
  }

  function openWarning() {
    if (!dialog.open) {
      returnFocusTo = document.activeElement;
      lastSpoken = null;
      dialog.showModal();
      dialog.focus();
    }
    tick();
    clearInterval(tickTimer);
    tickTimer = setInterval(tick, 1000);
  }

  function closeWarning() {
    clearInterval(tickTimer);
    if (dialog.open) {
      dialog.close();
    }
    spoken.textContent = "";
    if (returnFocusTo && typeof returnFocusTo.focus === "function") {
      returnFocusTo.focus();
    }
  }

  function schedule(seconds) {
    expiresAt = Date.now() + seconds * 1000;
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    warnTimer = setTimeout(openWarning, Math.max(0, seconds - warningSeconds) * 1000);
    // One second after the server's deadline, so that the server agrees the time is up.
    expireTimer = setTimeout(tick, (seconds + 1) * 1000);
  }

  function staySignedIn() {
    var body = new FormData();
    fetch(dialog.dataset.keepAliveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual", // a redirect means the session has already ended
      headers: { "X-CSRFToken": dialog.dataset.csrfToken },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("signed out");
        }
        return response.json();
      })
      .then(function (data) {
        closeWarning();
        schedule(data.seconds_left);
      })
      .catch(function () {
        window.location.assign(dialog.dataset.signedOutUrl);
      });
  }

  stayButton.addEventListener("click", staySignedIn);
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault(); // Escape: stay signed in
    staySignedIn();
  });

  schedule(parseInt(dialog.dataset.secondsLeft, 10));
})();
