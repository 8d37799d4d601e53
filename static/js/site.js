// Progressive enhancement only: every journey works without this file.
(function () {
  "use strict";
  // Nothing here changes context on input (WCAG 3.2.2): the language form keeps its button.

  // "Print / save as PDF" (components/print_button.html) is shown only where it can work.
  if (typeof window.print === "function") {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  // A form came back with errors: the summary is read out and its links lead to each field.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // Browsers without ::details-content cannot show a closed <details> from tablet up: open the
  // header menu there instead, and close it again when the window narrows to a phone's.
  var menu = document.querySelector(".mp-header__menu");
  if (menu && window.matchMedia && !(window.CSS && CSS.supports("selector(::details-content)"))) {
    var wide = window.matchMedia("(min-width: 48rem)");
    var follow = function () {
      menu.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
  }
})();
