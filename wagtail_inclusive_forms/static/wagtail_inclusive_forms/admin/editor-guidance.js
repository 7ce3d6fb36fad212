/*
 * Guidance while editing a form page: the panel brings the findings on the
 * page as loaded; after each change the page form is sent, as it stands,
 * to the package's endpoint (which builds the page the way Wagtail's preview
 * does and saves nothing), and the audit's findings come back. They are shown
 * in the audit panel and beside each form field they are about, with the
 * one-click fix the bulk fix would make; form-builder.js applies it.
 * Everything from the server is put in the page as text, never as HTML.
 */
(function () {
  "use strict";

  var DELAY = 700; // ms of quiet typing before the form is checked again
  var MARKER = "wif-field-guidance";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function childOf(form, prefix) {
    var type = form.querySelector('[name="' + prefix + '-field_type"]');
    return type ? type.closest("[data-inline-panel-child]") : null;
  }

  function fieldMarker(panel, findings, fixes) {
    var marker = element("div", MARKER + " help-block help-warning");
    marker.setAttribute("role", "note");
    marker.appendChild(element("strong", "", panel.dataset.wifFieldHeading));
    var list = element("ul");
    findings.forEach(function (finding) {
      var item = element("li", "", finding.message + " ");
      item.appendChild(element("span", "help", finding.advice));
      list.appendChild(item);
    });
    marker.appendChild(list);
    fixes.forEach(function (fix) {
      var button = element("button", "button button-small button-secondary", fix.action);
      button.type = "button";
      button.dataset.wifFix = JSON.stringify(fix);
      marker.appendChild(button);
      if (fix.description) {
        marker.appendChild(element("span", "help", " " + fix.description));
      }
    });
    return marker;
  }

  function render(panel, form, result) {
    var live = panel.querySelector("[data-wif-live-findings]");
    var summary = panel.querySelector("[data-wif-live-summary]");
    summary.textContent = result.summary || "";
    if (!result.is_valid) {
      live.hidden = false;
      return; // keep the last findings on the fields
    }
    panel.querySelector("[data-wif-saved-findings]").hidden = true;
    summary.classList.toggle("help-warning", result.findings.length > 0);
    var list = panel.querySelector("[data-wif-live-list]");
    list.replaceChildren();
    result.findings.forEach(function (finding) {
      var item = element("li");
      item.appendChild(element("strong", "", finding.where));
      item.appendChild(document.createTextNode(": " + finding.message + " "));
      item.appendChild(element("span", "help", finding.advice));
      list.appendChild(item);
    });
    live.hidden = false;

    form.querySelectorAll("." + MARKER).forEach(function (marker) {
      marker.remove();
    });
    var prefixes = [];
    result.findings.concat(result.fixes).forEach(function (entry) {
      if (entry.field && prefixes.indexOf(entry.field) === -1) {
        prefixes.push(entry.field);
      }
    });
    prefixes.forEach(function (prefix) {
      var child = childOf(form, prefix);
      if (!child) {
        return;
      }
      var onField = function (entry) {
        return entry.field === prefix;
      };
      var marker = fieldMarker(panel, result.findings.filter(onField), result.fixes.filter(onField));
      var content = child.querySelector(".w-panel__content") || child;
      content.insertBefore(marker, content.firstChild);
    });
  }

  function start(panel) {
    var form = panel.closest("form");
    var url = panel.dataset.wifUrl;
    if (!form || !url) {
      return;
    }
    var timer = null;
    var latest = 0;

    function check() {
      var asked = ++latest;
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (result) {
          if (asked === latest) {
            // An answer to an older state of the form would undo a newer one.
            render(panel, form, result);
          }
        })
        .catch(function () {
          if (asked === latest) {
            panel.querySelector("[data-wif-live-summary]").textContent = panel.dataset.wifFailedMessage;
            panel.querySelector("[data-wif-live-findings]").hidden = false;
          }
        });
    }

    function later(event) {
      if (event && event.target.closest && event.target.closest("." + MARKER)) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-wif-fix]");
      if (!button) {
        return;
      }
      var fix = JSON.parse(button.dataset.wifFix);
      var child = childOf(form, fix.field);
      if (child) {
        child.dispatchEvent(new CustomEvent("wif:apply-fix", { detail: fix, bubbles: false }));
        var status = button.parentElement;
        status.replaceChildren(element("p", "help", panel.dataset.wifAppliedMessage));
      }
      window.clearTimeout(timer);
      check();
    });
    // The panel brings the findings on the page as loaded; a new page is checked at once.
    var loaded = panel.querySelector('script[type="application/json"]');
    if (loaded) {
      render(panel, form, JSON.parse(loaded.textContent));
    } else {
      check();
    }
  }

  function startAll() {
    document.querySelectorAll("[data-wif-editor-guidance]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
