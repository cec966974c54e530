/*
 * The header's search: a button (and the shortcut Ctrl+K) that opens a
 * dialog with a search field, a live region and the results of window.wiazkiSearch
 * (search.js, loaded before this script). Polish strings; text reaches the page
 * through textContent and attributes only. Material's instant navigation may redraw
 * the header: the button is added again on every page it shows.
 */
(function () {
  "use strict";

  var engine = window.wiazkiSearch;
  if (!engine || engine.open) {
    return;
  }
  var MAX_QUERY_LENGTH = engine.maxQueryLength;
  var terms = engine.terms;
  var search = engine.search;
  var load = engine.load;

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

  var SVG = "http://www.w3.org/2000/svg";

  function icon() {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute(
      "d",
      "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.516 6.516 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"
    );
    svg.appendChild(path);
    return svg;
  }

  var dialog = null;
  var input = null;
  var list = null;
  var status = null;
  var sequence = 0;
  var timer = null;

  function resultCount(n) {
    if (n === 1) {
      return "1 wynik";
    }
    var tens = n % 100;
    var few = n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14);
    return n + (few ? " wyniki" : " wyników");
  }

  function renderResult(result) {
    var item = element("li", "wiazki-search__result");
    var link = element("a", "wiazki-search__link");
    link.href = result.url;
    var head = element("span", "wiazki-search__head");
    head.appendChild(element("span", "wiazki-search__kind", result.kindLabel));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "wiazki-search__title", result.title));
    link.appendChild(head);
    if (result.kind === "bundle" && (result.stage || result.territory)) {
      var facts = [];
      if (result.stage) {
        facts.push("Etap: " + result.stage);
      }
      if (result.territory) {
        facts.push("Obszar: " + result.territory);
      }
      link.appendChild(element("span", "wiazki-search__facts", facts.join(" · ")));
    }
    var text = element("span", "wiazki-search__snippet");
    if (result.snippet.before) {
      text.appendChild(document.createTextNode("… "));
    }
    result.snippet.parts.forEach(function (part, index) {
      if (index > 0) {
        text.appendChild(document.createTextNode(" "));
      }
      text.appendChild(part.mark ? element("mark", "", part.text) : document.createTextNode(part.text));
    });
    if (result.snippet.after) {
      text.appendChild(document.createTextNode(" …"));
    }
    link.appendChild(text);
    link.addEventListener("click", close);
    item.appendChild(link);
    return item;
  }

  function show(query) {
    var mine = (sequence += 1);
    if (!terms(query).length) {
      list.textContent = "";
      status.textContent = query.trim() ? "Wpisz słowo dłuższe niż spójnik lub przyimek." : "";
      list.setAttribute("data-query", query);
      return;
    }
    search(query).then(
      function (outcome) {
        if (mine !== sequence) {
          return;
        }
        list.textContent = "";
        outcome.results.forEach(function (result) {
          list.appendChild(renderResult(result));
        });
        var missing = outcome.missing && outcome.missing.length && outcome.results.length;
        status.textContent = outcome.results.length
          ? "Znaleziono " + resultCount(outcome.results.length) + "." +
            (outcome.partial
              ? " Żadna strona nie zawiera wszystkich słów: " +
                (outcome.results.length === 1 ? "ta zawiera" : "te zawierają") +
                " część z nich."
              : "") +
            (missing ? " Pominięto słowa, których nie ma na stronie: " + outcome.missing.join(", ") + "." : "") +
            (outcome.corrected && outcome.corrected.length ? " Poprawiono: " + outcome.corrected.join(", ") + "." : "")
          : "Brak wyników dla: " + terms(query).join(" ") + ".";
        // Which query the shown results answer (for tests and debugging).
        list.setAttribute("data-query", query);
      },
      function (error) {
        if (mine === sequence) {
          list.textContent = "";
          status.textContent = error && error.message ? error.message : "Wyszukiwarka jest niedostępna.";
        }
      }
    );
  }

  function build() {
    dialog = element("dialog", "wiazki-search");
    dialog.setAttribute("aria-labelledby", "wiazki-search-heading");
    var form = element("form", "wiazki-search__form");
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) {
        first.focus();
      }
    });
    var heading = element("h2", "wiazki-search__heading", "Szukaj w katalogu");
    heading.id = "wiazki-search-heading";
    var label = element("label", "wiazki-search__label", "Czego szukasz? Np. opieka nad seniorem, Konin");
    label.setAttribute("for", "wiazki-search-input");
    input = element("input", "wiazki-search__input");
    input.type = "search";
    input.id = "wiazki-search-input";
    input.autocomplete = "off";
    input.maxLength = MAX_QUERY_LENGTH;
    input.setAttribute("aria-describedby", "wiazki-search-status");
    var closeButton = element("button", "wiazki-search__close md-button", "Zamknij");
    closeButton.type = "button";
    closeButton.addEventListener("click", close);
    status = element("p", "wiazki-search__status");
    status.id = "wiazki-search-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    list = element("ol", "wiazki-search__results");
    list.setAttribute("aria-label", "Wyniki wyszukiwania");
    form.appendChild(heading);
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(closeButton);
    dialog.appendChild(form);
    dialog.appendChild(status);
    dialog.appendChild(list);
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value;
      timer = window.setTimeout(function () {
        show(query);
      }, 120);
    });
    dialog.addEventListener("keydown", onDialogKey);
    dialog.addEventListener("click", function (event) {
      // A click on the backdrop (outside the dialog's box) closes it.
      if (event.target === dialog) {
        var box = dialog.getBoundingClientRect();
        var inside =
          event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) {
          close();
        }
      }
    });
    document.body.appendChild(dialog);
  }

  function onDialogKey(event) {
    if (event.key === "Escape") {
      // A search field would take the first Escape to clear itself: close at once.
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) {
      return;
    }
    var index = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === "ArrowDown") {
      links[Math.min(links.length - 1, index + 1)].focus();
    } else if (index <= 0) {
      input.focus();
    } else {
      links[index - 1].focus();
    }
  }

  function open() {
    if (!dialog || !dialog.isConnected) {
      build();
    }
    if (!dialog.open) {
      dialog.showModal();
    }
    input.focus();
    input.select();
    load().catch(function (error) {
      status.textContent = error.message;
    });
  }

  function close() {
    if (dialog && dialog.open) {
      dialog.close();
    }
  }

  function addButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".wiazki-search-open")) {
      return;
    }
    var button = element("button", "wiazki-search-open md-header__button");
    button.type = "button";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-keyshortcuts", "Control+K Meta+K");
    button.title = "Szukaj (skrót: Ctrl+K)";
    button.appendChild(icon());
    button.appendChild(element("span", "wiazki-search-open__text", "Szukaj"));
    button.addEventListener("click", open);
    var source = header.querySelector(".md-header__source");
    header.insertBefore(button, source);
  }

  // Ctrl+K (Cmd+K on a Mac) opens the search. No single-key shortcut such as "/":
  // WCAG 2.1.4 wants those to be switchable off, and a speech user may say the key.
  document.addEventListener(
    "keydown",
    function (event) {
      var shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K");
      if (shortcut && !(dialog && dialog.open)) {
        event.preventDefault();
        event.stopPropagation();
        open();
      }
    },
    true
  );

  engine.open = open;
  engine.close = close;

  // Material's instant navigation may redraw the header: add the button again.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(addButton);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButton);
  } else {
    addButton();
  }
})();
