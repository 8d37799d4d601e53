// Progressive enhancement only: every journey works without this file.
(function () {
  "use strict";
  // Nothing here changes context on input (WCAG 3.2.2): the language form keeps its button.
})();
