/*
 * Site settings > Inclusieve formulieren: refresh the salutation preview while
 * the admin chooses a scheme or types salutations. The server renders the
 * table with the package's own rules, so the preview never disagrees with the
 * letters that are sent. Without JavaScript the preview shows the saved scheme.
 */
(function () {
  "use strict";

  function setUp(panel) {
    var form = panel.closest("form");
    var output = panel.querySelector("[data-wif-preview-output]");
    if (!form || !output || panel.dataset.wifReady) {
      return;
    }
    panel.dataset.wifReady = "1";
    var timer = null;
    var latest = 0;

    function refresh() {
      var data = new FormData();
      form.querySelectorAll('[name^="salutation_"], [name="csrfmiddlewaretoken"]').forEach(function (field) {
        if ((field.type === "radio" || field.type === "checkbox") && !field.checked) {
          return;
        }
        data.append(field.name, field.value);
      });
      var request = ++latest;
      fetch(panel.dataset.wifSalutationPreview, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
          if (request === latest) {
            output.innerHTML = html;
          }
        })
        .catch(function () {
          /* keep the last preview; saving still validates everything */
        });
    }

    form.addEventListener("input", function (event) {
      if (event.target.name && event.target.name.indexOf("salutation_") === 0) {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 250);
      }
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "salutation_scheme") {
        refresh();
      }
    });
  }

  function init() {
    document.querySelectorAll("[data-wif-salutation-preview]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
