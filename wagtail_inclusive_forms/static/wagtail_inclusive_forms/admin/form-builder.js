/*
 * Form builder in the Wagtail page editor: show the inclusive question's
 * settings only on fields of that type (and Wagtail's "choices" and "default
 * value" only on the others), show each mode's own answers, start a new
 * inclusive question as optional, which is the package's advice, let the
 * editor reset a question to follow the site's standard question, and apply
 * the one-click fixes the editor's guidance offers.
 */
(function () {
  "use strict";

  // The codes come from the package's core (wagtail_hooks.editor_js), not from here.
  var codesElement = document.getElementById("wif-form-builder-codes");
  if (!codesElement) {
    return;
  }
  var CODES = JSON.parse(codesElement.textContent);
  var TYPE = CODES.inclusiveType;
  var MODE_CODES = CODES.modeCodes;
  var BOXES = 'input[type="checkbox"][name$="-inclusive_hidden_answers"]';
  var FOLLOW_BOX = BOXES + '[value="' + CODES.followCode + '"]';

  function byName(child, suffix) {
    return child.querySelector('[name$="-' + suffix + '"]');
  }

  function show(elements, visible) {
    elements.forEach(function (element) {
      element.hidden = !visible;
    });
  }

  function update(child) {
    var type = byName(child, "field_type");
    if (!type) {
      return;
    }
    var inclusive = type.value === TYPE;
    var modeSelect = byName(child, "inclusive_mode");
    var panel = child.querySelector("[data-wif-shared-question]");
    // "" follows the standard question: its mode is on the standard-question panel.
    var mode = modeSelect && modeSelect.value ? modeSelect.value : panel ? panel.dataset.wifStandardMode : "";
    var followBox = child.querySelector(FOLLOW_BOX);
    show(child.querySelectorAll(".wif-when-inclusive"), inclusive);
    show(child.querySelectorAll(".wif-when-gender-mode"), inclusive && mode !== CODES.formOfAddressMode);
    // An inclusive question is always sensitive: its own box would only mislead.
    show(child.querySelectorAll(".formbuilder-choices, .formbuilder-default, .wif-unless-inclusive"), !inclusive);
    child.querySelectorAll(BOXES).forEach(function (box) {
      if (box === followBox) {
        return;
      }
      var option = box.closest("label") ? box.closest("label").parentElement : box.parentElement;
      option.hidden = MODE_CODES[mode] && MODE_CODES[mode].indexOf(box.value) === -1;
      // While the answers follow the standard question, the own ticks are not used.
      box.disabled = Boolean(followBox && followBox.checked);
    });
  }

  function resetToStandard(child, button) {
    ["inclusive_mode", "inclusive_undisclosed_label", "inclusive_purpose"].forEach(function (suffix) {
      var input = byName(child, suffix);
      if (input) {
        input.value = "";
      }
    });
    var followBox = child.querySelector(FOLLOW_BOX);
    if (followBox) {
      followBox.checked = true;
    }
    var panel = button.closest("[data-wif-shared-question]");
    var status = panel && panel.querySelector("[data-wif-follow-status]");
    if (status) {
      status.textContent = panel.dataset.wifResetMessage;
    }
    update(child);
  }

  // The one-click fixes of the editor's guidance (editor-guidance.js): the
  // same change the bulk fix makes, made in the editor, to be saved as usual.
  function applyFix(child, fix) {
    if (fix.kind === "label") {
      var label = byName(child, "label");
      label.value = fix.label;
      label.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    var type = byName(child, "field_type");
    type.value = TYPE;
    type.dispatchEvent(new Event("change", { bubbles: true }));
    var prefix = type.name.replace(/-field_type$/, "");
    ["choices", "default_value"].forEach(function (suffix) {
      byName(child, suffix).value = "";
    });
    // A saved field of another type has no inclusive settings on the page
    // (they appear after saving): the fix sends them as hidden values.
    var settings = {
      inclusive_mode: fix.mode,
      inclusive_undisclosed_label: "",
      inclusive_purpose: "",
    };
    Object.keys(settings).forEach(function (suffix) {
      (byName(child, suffix) || hidden(child, prefix + "-" + suffix)).value = settings[suffix];
    });
    var followBox = child.querySelector(FOLLOW_BOX);
    if (followBox) {
      followBox.checked = true;
    } else {
      hidden(child, prefix + "-inclusive_hidden_answers").value = CODES.followCode;
      hidden(child, prefix + "-inclusive_hidden_answers" + CODES.shownSuffix).value = "1";
    }
    var required = byName(child, "required");
    if (required) {
      required.checked = fix.required;
      required.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function hidden(child, name) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    child.appendChild(input);
    return input;
  }

  function startOptional(child) {
    var id = byName(child, "id");
    var required = byName(child, "required");
    // Only a field that has never been saved: an existing choice is the editor's.
    if (required && (!id || !id.value) && !required.dataset.wifTouched) {
      required.checked = false;
    }
  }

  function enhance(root) {
    root.querySelectorAll("[data-inline-panel-child]").forEach(function (child) {
      if (!byName(child, "field_type") || child.dataset.wifEnhanced) {
        return;
      }
      child.dataset.wifEnhanced = "true";
      child.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("[data-wif-reset-to-standard]");
        if (button) {
          resetToStandard(child, button);
        }
      });
      child.addEventListener("wif:apply-fix", function (event) {
        applyFix(child, event.detail);
        update(child);
      });
      child.addEventListener("change", function (event) {
        var name = event.target.name || "";
        if (/-required$/.test(name)) {
          event.target.dataset.wifTouched = "true";
        }
        if (/-field_type$/.test(name) && event.target.value === TYPE) {
          startOptional(child);
        }
        update(child);
      });
      update(child);
    });
  }

  function start() {
    enhance(document);
    // Inline panels add fields later: enhance those as they appear.
    new MutationObserver(function () {
      enhance(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
