// Discussions: @mention suggestions as you type. Progressive enhancement only: without this
// file members type @handle themselves and the server resolves it.
(function () {
  "use strict";

  var MENTION = /(^|[^\w@])@([\w.\-]{1,40})$/;
  var counter = 0;

  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function enhance(form) {
    var textarea = form.querySelector("textarea");
    var source = form.getAttribute("data-mention-source");
    if (!textarea || !source) { return; }
    counter += 1;
    var listId = "mention-list-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-mention-label") || "Members");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    textarea.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    textarea.setAttribute("aria-controls", listId);
    var results = [];
    var active = -1;
    var query = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      results = [];
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        textarea.setAttribute("aria-activedescendant", listId + "-" + index);
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var person = results[index];
      if (!person) { return; }
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret).replace(MENTION, function (m, lead) {
        return lead + "@" + person.handle + " ";
      });
      textarea.value = before + textarea.value.slice(caret);
      textarea.selectionStart = textarea.selectionEnd = before.length;
      close();
      status.textContent = person.name + " (@" + person.handle + ")";
      textarea.focus();
    }

    function show(data) {
      results = data.results || [];
      list.innerHTML = "";
      if (!results.length) { close(); status.textContent = ""; return; }
      results.forEach(function (person, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = person.name + " (@" + person.handle + ")";
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(item);
      });
      list.hidden = false;
      highlight(0);
      // The server words the count in the interface language's plural form.
      status.textContent = data.status || String(results.length);
    }

    var fetchSuggestions = debounce(function (q) {
      var url = source + "?q=" + encodeURIComponent(q);
      var thread = form.getAttribute("data-thread");
      if (thread) { url += "&thread=" + encodeURIComponent(thread); }
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (q === query) { show(data); } })
        .catch(close);
    }, 150);

    textarea.addEventListener("input", function () {
      var match = textarea.value.slice(0, textarea.selectionStart).match(MENTION);
      if (!match) { query = null; close(); return; }
      query = match[2];
      fetchSuggestions(query);
    });

    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !results.length) { return; }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % results.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + results.length) % results.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        if (active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });

    textarea.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("form[data-mention-source]").forEach(enhance);
})();
