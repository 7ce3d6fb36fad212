/*
 * Progressive enhancement for the inclusive question: the open text field is
 * shown only while its answer ("Ik identificeer me als") is chosen. Without this
 * script the field is simply always visible, and the server accepts both.
 * A hidden field is disabled so that a text typed earlier is not submitted
 * with another answer.
 */
(function () {
  "use strict";

  function sync(question) {
    var opener = question.querySelector("[data-wif-opens-description]");
    var box = question.querySelector("[data-wif-description]");
    if (!opener || !box) {
      return;
    }
    var open = opener.checked;
    // No aria-expanded: it is not allowed on a radio button. The radio names the
    // field it shows with aria-controls, and the field follows it in the tab order.
    box.hidden = !open;
    box.querySelectorAll("input").forEach(function (input) {
      input.disabled = !open;
    });
  }

  function enhance(root) {
    root.querySelectorAll("[data-wif-question]").forEach(function (question) {
      if (question.dataset.wifEnhanced) {
        return;
      }
      question.dataset.wifEnhanced = "true";
      question.addEventListener("change", function () {
        sync(question);
      });
      sync(question);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhance(document);
    });
  } else {
    enhance(document);
  }
})();
