/*
 * The test behind the content checker's "gendered wording" rule
 * (content_checks.py): whether an element's text holds one of the audit's
 * gendered terms, as a whole word or phrase. Registered with Wagtail's
 * userbar before it starts axe-core, on page load.
 */
(function () {
  "use strict";

  var RULE = "inclusive-forms-gendered-wording";
  var userbar = document.querySelector("wagtail-userbar");
  if (!userbar || typeof userbar.registerCheck !== "function") {
    return;
  }
  var pattern = null;

  function compile(terms) {
    var escaped = terms.map(function (term) {
      return term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    });
    // Like the server's (?<!\w)...(?!\w), with \w as Unicode letters and digits.
    return new RegExp("(?<![\\p{L}\\p{N}_])(?:" + escaped.join("|") + ")(?![\\p{L}\\p{N}_])", "u");
  }

  userbar.registerCheck(RULE, function (node, options) {
    // An element holding another text element leaves the text to that one:
    // each term is reported once, where it is.
    if (node.querySelector(options.selector)) {
      return true;
    }
    pattern = pattern || compile(options.terms);
    return !pattern.test((node.textContent || "").toLowerCase());
  });
})();
