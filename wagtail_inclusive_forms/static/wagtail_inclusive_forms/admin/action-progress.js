/*
 * The progress page of a long admin action (audit, bulk fix): asks the server
 * for the action's progress every two seconds and shows it; once the action
 * has finished, reloads the page, which then shows the outcome.
 */
(function () {
  "use strict";

  var INTERVAL = 2000;
  var root = document.querySelector("[data-wif-action-status-url]");
  if (!root || root.dataset.wifFinished === "true") {
    return;
  }

  function poll() {
    fetch(root.dataset.wifActionStatusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (state) {
        if (state.finished) {
          window.location.reload();
          return;
        }
        var progress = root.querySelector("[data-wif-action-progress]");
        progress.max = state.total;
        progress.value = state.done;
        progress.textContent = state.done + " / " + state.total;
        // Only changed text is written: the count is a live region, read out on change.
        [
          ["[data-wif-action-status]", state.status_label],
          ["[data-wif-action-count]", state.count_label],
        ].forEach(function (pair) {
          var node = root.querySelector(pair[0]);
          if (node.textContent !== pair[1]) {
            node.textContent = pair[1];
          }
        });
        window.setTimeout(poll, INTERVAL);
      })
      .catch(function () {
        window.setTimeout(poll, INTERVAL * 3);
      });
  }

  window.setTimeout(poll, INTERVAL);
})();
