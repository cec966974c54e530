/*
 * "Twoja gmina": a field that suggests gminy and Warsaw dzielnice from the TERYT
 * register as one types, and shows the bundles that cover the chosen place.
 *
 * Markup: templates/wiazki/gmina.html (an ARIA 1.2 combobox: input[role=combobox]
 * controlling ul[role=listbox]). data-mode="filter" (the catalogue) filters the
 * cards through window.wiazkiCatalogue.addCondition and marks each card with the
 * level it matches at; data-mode="go" (the home page) opens the catalogue with
 * ?gmina=<TERC code>. The index (views/places.py) is loaded on the first focus,
 * or at once when the URL already names a gmina.
 *
 * Levels, from TERC codes alone: a bundle's code of 7 digits for the same gmina
 * (the same first 6 digits: an urban-rural gmina and its town and rural parts;
 * or a city and its dzielnica) matches "w Twojej gminie"; 4 digits for its powiat
 * "w Twoim powiecie"; 2 digits for its województwo "w Twoim województwie".
 *
 * Safety: text reaches the page only through textContent and attributes.
 * Plain ES2019, no dependencies.
 */
(function () {
  "use strict";

  if (window.__wiazkiGmina) {
    return;
  }
  window.__wiazkiGmina = true;

  var MAX_SUGGESTIONS = 12;
  var CODE = /^\d{7}$/;
  var LEVELS = { 1: "w Twojej gminie", 2: "w Twoim powiecie", 3: "w Twoim województwie" };

  /** Lower case without diacritics and with hyphens as spaces ("Bielsko-Biała" → "bielsko biala"). */
  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁ]/g, "l")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  /** 1 gmina, 2 powiat, 3 województwo, 0 no match: how a bundle's code covers the chosen place. */
  function levelOf(chosen, code) {
    if (code.length === 2) {
      return chosen.slice(0, 2) === code ? 3 : 0;
    }
    if (code.length === 4) {
      return chosen.slice(0, 4) === code ? 2 : 0;
    }
    if (code.length !== 7) {
      return 0;
    }
    if (code.slice(0, 6) === chosen.slice(0, 6)) {
      return 1;
    }
    if (code.slice(0, 4) === chosen.slice(0, 4)) {
      // A city with dzielnice (RODZ 8) or delegatury (RODZ 9) and one of them.
      var a = code.charAt(6);
      var b = chosen.charAt(6);
      if ((a === "1" && (b === "8" || b === "9")) || (b === "1" && (a === "8" || a === "9"))) {
        return 1;
      }
    }
    return 0;
  }

  /** The best (lowest) level at which any of a bundle's codes covers the place. */
  function bestLevel(chosen, codes) {
    var best = 0;
    codes.forEach(function (code) {
      var level = levelOf(chosen, code);
      if (level && (!best || level < best)) {
        best = level;
      }
    });
    return best;
  }

  function chosenFromUrl() {
    var code = new URLSearchParams(window.location.search).get("gmina") || "";
    return CODE.test(code) ? code : "";
  }

  /* ---- The index ---------------------------------------------------------- */

  var indexes = {};

  /** A promise of the index at `url`: places with folded names and descriptions. */
  function loadIndex(url) {
    if (!indexes[url]) {
      indexes[url] = window
        .fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          var byCode = {};
          var places = data.places.map(function (row) {
            var place = {
              code: row[0],
              name: row[1],
              kind: data.kinds[row[2]] || "",
              powiat: data.powiaty[row[0].slice(0, 4)] || "",
              voivodeship: data.voivodeships[row[0].slice(0, 2)] || "",
              folded: fold(row[1]),
            };
            byCode[place.code] = place;
            return place;
          });
          return { places: places, byCode: byCode };
        });
      indexes[url].catch(function () {
        delete indexes[url];
      });
    }
    return indexes[url];
  }

  /** "gmina wiejska, powiat koniński, woj. wielkopolskie" (the powiat left out when it is the city itself). */
  function details(place) {
    var parts = [place.kind];
    if (place.powiat && place.powiat !== place.name) {
      parts.push(place.powiat);
    }
    parts.push("woj. " + place.voivodeship);
    return parts.join(", ");
  }

  /** Places whose name, or a word of it, begins with the query; whole names first. */
  function suggest(index, query) {
    var q = fold(query);
    if (!q) {
      return [];
    }
    var found = [];
    index.places.forEach(function (place) {
      var rank = -1;
      if (place.folded === q) {
        rank = 0;
      } else if (place.folded.lastIndexOf(q, 0) === 0) {
        rank = 1;
      } else if (place.folded.indexOf(" " + q) >= 0) {
        rank = 2;
      }
      if (rank >= 0) {
        found.push({ place: place, rank: rank });
      }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || a.place.name.localeCompare(b.place.name, "pl") || a.place.code.localeCompare(b.place.code);
    });
    return found.slice(0, MAX_SUGGESTIONS).map(function (item) {
      return item.place;
    });
  }

  function suggestionsText(n) {
    if (n === 0) {
      return "Brak podpowiedzi. Sprawdź nazwę gminy.";
    }
    // "1 podpowiedź"; every other number takes "podpowiedzi" (2 podpowiedzi, 5 podpowiedzi).
    return n + " " + (n === 1 ? "podpowiedź" : "podpowiedzi") + ". Strzałki w górę i w dół wybierają, Enter zatwierdza.";
  }

  /* ---- One field ---------------------------------------------------------- */

  function Field(root) {
    this.root = root;
    this.mode = root.getAttribute("data-mode");
    this.indexUrl = root.getAttribute("data-index");
    this.catalogueUrl = root.getAttribute("data-catalogue");
    this.input = root.querySelector('[role="combobox"]');
    this.list = root.querySelector('[role="listbox"]');
    this.status = root.querySelector('[role="status"]');
    this.chosenBox = root.querySelector(".wiazki-gmina__chosen");
    this.options = [];
    this.active = -1;
    this.chosen = "";
    this.index = null;
  }

  Field.prototype.ensureIndex = function () {
    var self = this;
    return loadIndex(this.indexUrl).then(function (index) {
      self.index = index;
      return index;
    });
  };

  Field.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Field.prototype.render = function (places) {
    var self = this;
    while (this.list.firstChild) {
      this.list.removeChild(this.list.firstChild);
    }
    this.options = places;
    this.active = -1;
    places.forEach(function (place, i) {
      var option = document.createElement("li");
      option.id = "wiazki-gmina-opt-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-code", place.code);
      var name = document.createElement("span");
      name.className = "wiazki-gmina__name";
      name.textContent = place.name;
      var more = document.createElement("span");
      more.className = "wiazki-gmina__details";
      more.textContent = " – " + details(place);
      option.appendChild(name);
      option.appendChild(more);
      // mousedown would blur the input first and close the list.
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
      });
      option.addEventListener("click", function () {
        self.choose(place);
      });
      self.list.appendChild(option);
    });
    var open = this.input.value.trim() !== "";
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = open ? suggestionsText(places.length) : "";
  };

  Field.prototype.update = function () {
    var self = this;
    var query = this.input.value;
    this.ensureIndex().then(
      function (index) {
        if (self.input.value === query) {
          self.render(suggest(index, query));
        }
      },
      function () {
        self.status.textContent = "Nie udało się wczytać listy gmin. Odśwież stronę i spróbuj ponownie.";
      }
    );
  };

  Field.prototype.move = function (step) {
    if (this.list.hidden) {
      this.update();
      return;
    }
    var n = this.options.length;
    if (!n) {
      return;
    }
    var previous = this.list.children[this.active];
    if (previous) {
      previous.setAttribute("aria-selected", "false");
    }
    this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
    var option = this.list.children[this.active];
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    if (option.scrollIntoView) {
      option.scrollIntoView({ block: "nearest" });
    }
  };

  /** Show the chosen place as the field's value and in the line under it. */
  Field.prototype.show = function (place) {
    var text = this.chosenBox.querySelector(".wiazki-gmina__place");
    if (place) {
      this.input.value = place.name;
      text.textContent = "Wybrano: " + place.name + " (" + details(place) + ")";
      this.chosenBox.hidden = false;
    } else {
      text.textContent = "";
      this.chosenBox.hidden = true;
    }
  };

  Field.prototype.choose = function (place) {
    this.close();
    if (this.mode !== "filter") {
      window.location.href = this.catalogueUrl + "?gmina=" + encodeURIComponent(place.code);
      return;
    }
    this.setChosen(place.code);
    this.show(place);
    this.status.textContent = "Wybrano: " + place.name + " (" + details(place) + ").";
  };

  /** Put the code in the URL (other filters stay) and filter the catalogue again. */
  Field.prototype.setChosen = function (code) {
    this.chosen = code;
    var params = new URLSearchParams(window.location.search);
    if (code) {
      params.set("gmina", code);
    } else {
      params.delete("gmina");
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
    if (window.wiazkiCatalogue && window.wiazkiCatalogue.refresh) {
      window.wiazkiCatalogue.refresh();
    }
  };

  Field.prototype.clear = function () {
    this.input.value = "";
    this.close();
    this.show(null);
    this.setChosen("");
    this.status.textContent = "Wyczyszczono wybór gminy.";
  };

  /** The URL names a gmina (a shared link, Back, a link on this page): follow it. */
  Field.prototype.syncFromUrl = function () {
    var code = chosenFromUrl();
    if (code === this.chosen) {
      return;
    }
    this.chosen = code;
    if (!code) {
      this.show(null);
      return;
    }
    var self = this;
    this.ensureIndex().then(function (index) {
      if (self.chosen === code) {
        self.show(index.byCode[code] || { name: code, kind: "kod TERYT", powiat: "", voivodeship: "?" });
      }
    }, function () {});
  };

  /** The catalogue's condition: cards covering the chosen place, each marked with its level. */
  Field.prototype.condition = function () {
    var self = this;
    return function (form) {
      if (!form || form.id !== "wiazki-filters" || !self.root.isConnected) {
        return null;
      }
      self.syncFromUrl();
      var chosen = self.chosen;
      return function (item) {
        var level = chosen ? bestLevel(chosen, (item.getAttribute("data-teryt") || "").split(/\s+/)) : 0;
        markLevel(item, level);
        return !chosen || level > 0;
      };
    };
  };

  /** The "w Twojej gminie" line of a card; written only when it changes. */
  function markLevel(item, level) {
    var mark = item.querySelector(".wiazki-level");
    var text = level ? LEVELS[level] : "";
    if (!text) {
      if (mark) {
        mark.parentNode.removeChild(mark);
      }
      return;
    }
    if (!mark) {
      mark = document.createElement("p");
      mark.className = "wiazki-level";
      var heading = item.querySelector("h3, h2");
      item.insertBefore(mark, heading ? heading.nextSibling : item.firstChild);
    }
    if (mark.textContent !== text) {
      mark.textContent = text;
      mark.setAttribute("data-level", String(level));
    }
  }

  Field.prototype.bind = function () {
    var self = this;
    var input = this.input;
    input.addEventListener("focus", function () {
      self.ensureIndex().catch(function () {});
    });
    input.addEventListener("input", function () {
      if (input.value.trim() === "") {
        self.render([]);
        self.close();
        if (self.chosen && self.mode === "filter") {
          self.show(null);
          self.setChosen("");
        }
        return;
      }
      self.update();
    });
    input.addEventListener("keydown", function (event) {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          self.move(1);
          break;
        case "ArrowUp":
          event.preventDefault();
          self.move(-1);
          break;
        case "Enter":
          if (!self.list.hidden && self.options.length) {
            event.preventDefault();
            self.choose(self.options[self.active >= 0 ? self.active : 0]);
          }
          break;
        case "Escape":
          if (!self.list.hidden) {
            event.preventDefault();
            self.close();
          } else if (input.value) {
            event.preventDefault();
            self.clear();
          }
          break;
        default:
          break;
      }
    });
    input.addEventListener("blur", function () {
      self.close();
    });
    this.root.querySelector(".wiazki-gmina__clear").addEventListener("click", function () {
      self.clear();
      input.focus();
    });
    if (this.mode === "filter") {
      var form = document.getElementById("wiazki-filters");
      if (form) {
        // "Wyczyść filtry" clears the place too.
        form.addEventListener("reset", function () {
          if (self.chosen) {
            self.clear();
          }
        });
      }
      if (window.wiazkiCatalogue && window.wiazkiCatalogue.addCondition) {
        window.wiazkiCatalogue.addCondition(this.condition());
      }
      this.syncFromUrl();
      if (this.chosen && window.wiazkiCatalogue && window.wiazkiCatalogue.refresh) {
        window.wiazkiCatalogue.refresh();
      }
    }
    this.root.hidden = false;
  };

  function init() {
    var root = document.getElementById("wiazki-gmina");
    if (!root || root.getAttribute("data-wiazki-ready") === "1") {
      return;
    }
    root.setAttribute("data-wiazki-ready", "1");
    new Field(root).bind();
  }

  // Exposed for the browser tests.
  window.wiazkiGmina = { fold: fold, levelOf: levelOf, init: init };

  // Back, Forward and links to this page with another query reach the catalogue's
  // filter, which asks the condition again; the condition reads the URL.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      init();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
