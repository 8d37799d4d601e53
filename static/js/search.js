// The header search box as an editable combobox with a list popup (WAI-ARIA APG pattern):
// suggestions come from the JSON endpoint in data-suggest-url, grouped by kind (practice
// notes, events, discussions, members, countries), each result once. The popup overlays the
// page below the box. Without this script the box is a plain form that opens the results page.
(function () {
  "use strict";

  function setup(input) {
    var url = input.getAttribute("data-suggest-url");
    var form = input.form;
    if (!url || !form || !window.fetch) {
      return;
    }
    var listId = input.id + "-popup";
    var popup = document.createElement("div");
    popup.id = listId;
    popup.className = "mp-search-popup";
    popup.setAttribute("role", "listbox");
    popup.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "Suggestions");
    popup.hidden = true;
    var status = document.createElement("div");
    status.className = "mp-site-search__status";
    status.setAttribute("role", "status");
    form.classList.add("mp-site-search--enhanced");
    input.insertAdjacentElement("afterend", popup);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function open() {
      if (options.length) {
        popup.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
      select(-1);
    }

    function select(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("mp-search-popup__option--active", i === index);
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(option) {
      close();
      window.location.assign(option.getAttribute("data-url"));
    }

    // The title with the words typed marked; text nodes only, never HTML from the answer.
    function titleNodes(title, words) {
      var fragment = document.createDocumentFragment();
      var lowered = title.toLocaleLowerCase();
      var at = 0;
      while (at < title.length) {
        var next = -1;
        var length = 0;
        words.forEach(function (word) {
          var found = lowered.indexOf(word, at);
          if (found >= 0 && (next < 0 || found < next)) {
            next = found;
            length = word.length;
          }
        });
        if (next < 0) {
          break;
        }
        fragment.appendChild(document.createTextNode(title.slice(at, next)));
        var mark = document.createElement("mark");
        mark.textContent = title.slice(next, next + length);
        fragment.appendChild(mark);
        at = next + length;
      }
      fragment.appendChild(document.createTextNode(title.slice(at)));
      return fragment;
    }

    function render(groups, query) {
      popup.textContent = "";
      options = [];
      var words = query
        .toLocaleLowerCase()
        .split(/\s+/)
        .filter(function (word) {
          return word.length > 0;
        });
      groups.forEach(function (group, g) {
        var list = document.createElement("ul");
        list.className = "mp-search-popup__group";
        list.setAttribute("role", "group");
        var labelId = listId + "-group-" + g;
        list.setAttribute("aria-labelledby", labelId);
        var label = document.createElement("li");
        label.id = labelId;
        label.className = "mp-search-popup__label";
        label.setAttribute("role", "presentation");
        label.textContent = group.label;
        list.appendChild(label);
        group.suggestions.forEach(function (suggestion) {
          var option = document.createElement("li");
          option.id = listId + "-option-" + options.length;
          option.className = "mp-search-popup__option";
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          option.setAttribute("data-url", suggestion.url);
          option.appendChild(titleNodes(suggestion.title, words));
          var index = options.length;
          option.addEventListener("mousedown", function (event) {
            event.preventDefault(); // the input keeps focus until the click opens the page
          });
          option.addEventListener("mousemove", function () {
            if (active !== index) {
              select(index);
            }
          });
          option.addEventListener("click", function () {
            go(option);
          });
          list.appendChild(option);
          options.push(option);
        });
        popup.appendChild(list);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        open();
      } else {
        close();
      }
      var template = input.getAttribute("data-suggest-count") || "{count}";
      status.textContent = options.length
        ? template.replace("{count}", String(options.length))
        : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (controller) {
        controller.abort();
        controller = null;
      }
      if (query.length < 2) {
        render([], query);
        return;
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { groups: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query && document.activeElement === input) {
            render(data.groups || [], query);
          }
        })
        .catch(function () {
          // Aborted by a newer query, or offline: the form still submits to the results page.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var expanded = !popup.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
          }
          select(active < options.length - 1 ? active + 1 : 0);
          break;
        case "ArrowUp":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
          }
          select(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Home":
        case "End":
          // On a chosen option they move among the options; otherwise the text cursor.
          if (expanded && active >= 0) {
            event.preventDefault();
            select(event.key === "Home" ? 0 : options.length - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(options[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });
    input.addEventListener("blur", close);
    input.addEventListener("focus", function () {
      if (input.value.trim() === lastQuery && options.length) {
        open();
      }
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setup);
})();
