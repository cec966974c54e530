/*
 * Filters for the catalogue (/wiazki/) and the partner directory (/partnerzy/).
 *
 * Progressive enhancement: the server renders every card and a hidden filter form;
 * without JavaScript a reader sees the whole list. This script un-hides the form,
 * hides the cards that do not match, keeps the state in the URL query so that a
 * filtered view can be shared (?group=older_persons&text=opieka), and announces
 * the count in a live region.
 *
 * Safety: every string that reaches the page is set with textContent or an
 * attribute; nothing here parses HTML (no innerHTML and friends).
 *
 * Plain ES2019, no dependencies, no build step.
 */
(function () {
  "use strict";

  // The script may be evaluated more than once (instant navigation, a second
  // <script> tag); subscribe to page loads only once.
  if (window.__wiazkiCatalogue) {
    return;
  }
  window.__wiazkiCatalogue = true;

  var MAX_QUERY_LENGTH = 200;

  /*
   * The free-text field is named "q" in the form, but travels in the URL as
   * "text": Material reads "?q=" on every page and opens its own search overlay
   * with it, covering the catalogue.
   */
  var URL_NAMES = { q: "text" };

  function urlName(name) {
    return Object.prototype.hasOwnProperty.call(URL_NAMES, name) ? URL_NAMES[name] : name;
  }

  /*
   * Each filter form and what it filters. An item lists its values as tokens,
   * separated by whitespace, in one attribute (`attribute`); `fields` maps a
   * control's name to its token prefix. The token of a chosen option is the
   * prefix and the option's data-code, or its value where it has none: "g3" for
   * a target group, "p3010" for a powiat (views/site.py, FACETS). `q` is the
   * free-text search over an item's data-text, or its own text.
   */
  var SETUPS = [
    {
      form: "wiazki-filters",
      count: "wiazki-count",
      items: ".wiazki-card",
      attribute: "data-f",
      // Cards shown per section before a "Pokaż więcej" button (see Filter.apply).
      pageSize: 50,
      fields: { group: "g", voivodeship: "v", powiat: "p", type: "t", area: "a", stage: "s", fee: "f" },
      // "Pokazano 3 z 10 wiązek": after "z <n>" the noun is in the genitive,
      // singular for 1 ("z 1 wiązki"), plural for every other number.
      nounGenitive: ["wiązki", "wiązek"],
      none: "Brak wiązek spełniających kryteria.",
      // The free text goes to the site's search engine (assets/search.js).
      engine: true,
    },
    {
      form: "partner-filters",
      count: "partner-count",
      items: ".wiazki-partner",
      attribute: "data-sector",
      fields: { sector: "" },
      nounGenitive: ["partnera", "partnerów"],
      none: "Brak partnerów spełniających kryteria.",
    },
  ];

  /* ---- Text matching ------------------------------------------------------ */

  /**
   * Lower case without diacritics: NFD splits "ó" into "o" and a combining mark,
   * which is dropped. "ł" has no decomposition, so it is mapped by hand.
   */
  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l")
      .replace(/Ł/g, "L")
      .toLowerCase();
  }

  function words(text) {
    return fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) {
        return word.length > 0;
      });
  }

  /**
   * A deliberately simple Polish-aware stem: drop the last two letters of a word,
   * but keep at least four (a word of four letters or fewer is kept whole).
   * Polish inflects mostly at the end, so "seniorów" (stem "senior") finds
   * "seniorzy" and "senior", "usługi" (stem "uslu") finds "usługa", "usług".
   */
  function stem(word) {
    return word.slice(0, Math.max(4, word.length - 2));
  }

  /** True when every query word's stem begins some word of the item's text. */
  function matchesText(queryStems, itemWords) {
    return queryStems.every(function (queryStem) {
      return itemWords.some(function (word) {
        return word.lastIndexOf(queryStem, 0) === 0;
      });
    });
  }

  /* ---- Small helpers ------------------------------------------------------ */

  function tokens(value) {
    return (value || "").split(/\s+/).filter(function (token) {
      return token.length > 0;
    });
  }

  function countText(setup, shown, total) {
    var noun = total === 1 ? setup.nounGenitive[0] : setup.nounGenitive[1];
    return "Pokazano " + shown + " z " + total + " " + noun;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, ms);
    };
  }

  /* ---- One filter form ---------------------------------------------------- */

  /*
   * Speed at 1,000 cards: nothing is read from the cards up front but their data-*
   * lists; the words of a card are read on the first text query; and a change
   * touches only the cards, sections and table-of-contents entries whose
   * visibility changes (every write to the DOM costs a style recalculation).
   */
  function Filter(setup, form) {
    this.setup = setup;
    this.form = form;
    this.status = document.getElementById(setup.count);
    this.items = Array.prototype.slice.call(document.querySelectorAll(setup.items));
    this.controls = {};
    this.words = null;
    this.values = null;
    this.powiatOptions = null;
    this.empty = null;
    this.shown = this.items.length;
    // The "Filtry" panel around the form, if the page has one (the catalogue).
    this.panel = form.parentElement && form.parentElement.closest("details");

    var self = this;
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name && (control.name === "q" || control.name in setup.fields)) {
        self.controls[control.name] = control;
      }
    });

    // The sections (one per stage or sector) that hold the items, in order, and
    // for each item the index of its section.
    this.sections = [];
    // How many matching cards each section shows; a filter change starts again.
    this.limits = null;
    this.moreButtons = [];
    this.sectionOf = this.items.map(function (item) {
      var section = item.parentElement && item.parentElement.closest("section");
      if (!section || section.contains(form)) {
        return -1;
      }
      var index = self.sections.indexOf(section);
      if (index < 0) {
        index = self.sections.push(section) - 1;
      }
      return index;
    });

    // All powiat options, kept so that the list can be narrowed and restored.
    var powiat = this.controls.powiat;
    if (powiat && powiat.tagName === "SELECT") {
      this.powiatOptions = Array.prototype.slice.call(powiat.options);
    }
  }

  Filter.prototype.state = function () {
    var state = {};
    var controls = this.controls;
    Object.keys(controls).forEach(function (name) {
      var value = controls[name].value.trim();
      if (value) {
        state[name] = value;
      }
    });
    return state;
  };

  /** Offer only the powiaty of the chosen województwo (all when none is chosen). */
  Filter.prototype.narrowPowiaty = function () {
    var powiat = this.controls.powiat;
    var voivodeship = this.controls.voivodeship;
    if (!this.powiatOptions || !voivodeship) {
      return;
    }
    var chosen = voivodeship.value;
    var current = powiat.value;
    var keep = this.powiatOptions.filter(function (option) {
      return !option.value || !chosen || option.getAttribute("data-voivodeship") === chosen;
    });
    // Re-attach the server-rendered option nodes; removed ones are kept in
    // powiatOptions (an <option hidden> is not hidden in every browser).
    while (powiat.options.length) {
      powiat.remove(0);
    }
    keep.forEach(function (option) {
      powiat.appendChild(option);
    });
    var stillOffered = keep.some(function (option) {
      return option.value === current;
    });
    powiat.value = stillOffered ? current : "";
  };

  /**
   * The words an item is found by: its data-text if it has one, otherwise its
   * own text and the labels of its tokens (groups, service types, …, from the
   * form's options). Read once, on the first text query.
   */
  Filter.prototype.wordsOf = function (index) {
    if (!this.words) {
      this.words = new Array(this.items.length);
    }
    if (!this.words[index]) {
      var item = this.items[index];
      var text = item.hasAttribute("data-text") ? item.getAttribute("data-text") : item.textContent;
      var labels = this.labels || (this.labels = this.optionLabels());
      this.tokensOf(index).forEach(function (token) {
        if (Object.prototype.hasOwnProperty.call(labels, token)) {
          text += " " + labels[token];
        }
      });
      this.words[index] = words(text);
    }
    return this.words[index];
  };

  /** The token a control's chosen option stands for ("" when none is chosen). */
  Filter.prototype.tokenOf = function (name) {
    var control = this.controls[name];
    var option = control.tagName === "SELECT" ? control.options[control.selectedIndex] : null;
    if (!option || !option.value) {
      return "";
    }
    return this.setup.fields[name] + (option.getAttribute("data-code") || option.value);
  };

  /** Token → option label ("g3" → "Osoby starsze"), from the form's own options. */
  Filter.prototype.optionLabels = function () {
    var labels = {};
    var fields = this.setup.fields;
    var controls = this.controls;
    Object.keys(fields).forEach(function (name) {
      var control = controls[name];
      if (control && control.tagName === "SELECT") {
        var options = name === "powiat" && this.powiatOptions ? this.powiatOptions : control.options;
        Array.prototype.forEach.call(options, function (option) {
          if (option.value) {
            labels[fields[name] + (option.getAttribute("data-code") || option.value)] = option.textContent;
          }
        });
      }
    }, this);
    return labels;
  };

  /** An item's tokens, read from its attribute once. */
  Filter.prototype.tokensOf = function (index) {
    if (!this.values) {
      this.values = new Array(this.items.length);
    }
    if (!this.values[index]) {
      this.values[index] = tokens(this.items[index].getAttribute(this.setup.attribute));
    }
    return this.values[index];
  };

  /*
   * Conditions added by other scripts (assets/gmina.js): each is called once per
   * filtering with the form and returns null or a test of one item.
   */
  var conditions = [];

  Filter.prototype.matches = function (index, wanted, queryStems, extra) {
    for (var k = 0; k < extra.length; k += 1) {
      if (!extra[k](this.items[index])) {
        return false;
      }
    }
    var values = this.tokensOf(index);
    for (var i = 0; i < wanted.length; i += 1) {
      if (values.indexOf(wanted[i]) < 0) {
        return false;
      }
    }
    if (queryStems.length === 0) {
      return true;
    }
    if (this.engineIds) {
      // A card's bundle id is the last part of its title link (wiazki/<id>/ or <id>.html).
      var link = this.items[index].querySelector("h3 a[href]");
      var path = link ? link.pathname.replace(/\/$/, "").replace(/\.html$/, "") : "";
      return this.engineIds.has(path.slice(path.lastIndexOf("/") + 1));
    }
    return matchesText(queryStems, this.wordsOf(index));
  };

  /**
   * The catalogue's text goes to the site search (window.wiazkiSearch): same engine,
   * stemming and word forms as the header search. Until its answer comes, and where
   * it cannot run (a page opened from a file), the simple word-start match applies.
   */
  Filter.prototype.askEngine = function (query, announce) {
    var search = window.wiazkiSearch;
    if (!this.setup.engine || !search || !query) {
      this.engineQuery = null;
      this.engineIds = null;
      return;
    }
    if (this.engineQuery === query) {
      return;
    }
    var self = this;
    this.engineQuery = query;
    search.bundleIds(query).then(function (ids) {
      if (self.engineQuery === query && ids) {
        self.engineIds = ids;
        self.apply(announce);
        // Which text the shown cards answer (for tests and debugging).
        self.form.setAttribute("data-engine-query", query);
      } else if (!ids && !self.engineNote) {
        self.engineNote = document.createElement("p");
        self.engineNote.className = "wiazki-engine-note";
        self.engineNote.textContent =
          "Wyszukiwarka nie działa w tym podglądzie (strona otwarta z pliku): tekst jest dopasowywany " +
          "tylko do początków słów, bez odmiany.";
        self.form.parentNode.insertBefore(self.engineNote, self.form.nextSibling);
      }
    });
  };

  Filter.prototype.apply = function (announce) {
    var self = this;
    var state = this.state();
    var queryStems = words(state.q || "").map(stem);
    var form = this.form;
    var extra = conditions
      .map(function (condition) {
        return condition(form);
      })
      .filter(Boolean);
    var wanted = Object.keys(this.setup.fields)
      .filter(function (name) {
        return state[name] && self.controls[name];
      })
      .map(function (name) {
        return self.tokenOf(name);
      });
    var shown = 0;
    if (this.setup.engine && window.wiazkiSearch && !window.wiazkiSearch.terms(state.q || "").length) {
      queryStems = []; // only stop words ("dla", "w"): no text condition
    }
    this.askEngine(state.q || "", announce);
    var inSection = this.sections.map(function () {
      return 0;
    });
    // Paging: a section shows its first `pageSize` matches (more on request), so a
    // change touches at most a few pages of cards, never all 1,000 (each card whose
    // `hidden` changes costs a style recalculation). Without JavaScript every card shows.
    var pageSize = this.setup.pageSize || Infinity;
    // Another script's condition (the "Twoja gmina" field) keeps its state in the URL.
    var others = new URLSearchParams(window.location.search);
    Object.keys(this.controls).forEach(function (name) {
      others.delete(urlName(name));
    });
    var key = JSON.stringify([wanted, state.q || "", others.toString()]);
    if (!this.limits || this.limitsKey !== key) {
      this.limits = this.sections.map(function () {
        return pageSize;
      });
      this.limitsKey = key;
    }
    var limits = this.limits;

    // Only the cards whose visibility changes are written to.
    this.items.forEach(function (item, index) {
      var match = self.matches(index, wanted, queryStems, extra);
      var section = self.sectionOf[index];
      if (match) {
        shown += 1;
        if (section >= 0) {
          inSection[section] += 1;
        }
      }
      var visible = match && (section < 0 || inSection[section] <= limits[section]);
      if (item.hidden === visible) {
        item.hidden = !visible;
      }
    });
    this.shown = shown;
    this.showMore(inSection);

    // A section with nothing left to show disappears, and so does its entry in
    // Material's table of contents.
    this.sections.forEach(function (section, index) {
      var any = inSection[index] > 0;
      if (section.hidden === any) {
        section.hidden = !any;
        self.tocEntry(section, any);
      }
    });

    this.showEmpty(shown === 0);
    this.showActive(state);
    this.writeUrl(state);
    if (announce === "later") {
      this.announceLater();
    } else {
      this.announce();
    }
  };

  /**
   * The "Pokaż więcej" button at the end of each section whose matches are not all
   * shown; it shows the next page and moves the focus to the first card it showed.
   */
  Filter.prototype.showMore = function (inSection) {
    var self = this;
    this.sections.forEach(function (section, index) {
      var rest = inSection[index] - self.limits[index];
      var button = self.moreButtons[index];
      if (rest <= 0) {
        if (button && !button.hidden) {
          button.hidden = true;
        }
        return;
      }
      if (!button) {
        button = self.moreButtons[index] = document.createElement("button");
        button.type = "button";
        button.className = "wiazki-more md-button";
        button.addEventListener("click", function () {
          var before = self.visibleIn(index);
          self.limits[index] += self.setup.pageSize;
          self.apply();
          var next = self.visibleIn(index)[before.length];
          var link = next && next.querySelector("a[href]");
          if (link) {
            link.focus();
          }
        });
        section.appendChild(button);
      }
      var text = "Pokaż więcej (pozostało: " + rest + ")";
      if (button.textContent !== text) {
        button.textContent = text;
      }
      button.hidden = false;
    });
  };

  Filter.prototype.visibleIn = function (sectionIndex) {
    var self = this;
    return this.items.filter(function (item, index) {
      return self.sectionOf[index] === sectionIndex && !item.hidden;
    });
  };

  /** Show or hide the table-of-contents entry of a section's heading. */
  Filter.prototype.tocEntry = function (section, visible) {
    var heading = section.querySelector("h2[id], h3[id]");
    if (!heading) {
      return;
    }
    var links = document.querySelectorAll(".md-nav--secondary a.md-nav__link");
    Array.prototype.forEach.call(links, function (link) {
      // Instant navigation makes every href absolute: compare the fragment.
      if (link.hash && decodeURIComponent(link.hash) === "#" + heading.id && link.parentElement) {
        link.parentElement.hidden = !visible;
      }
    });
  };

  /** The "Filtry" panel's summary says how many filters are set: "Filtry (aktywne: 2)". */
  Filter.prototype.showActive = function (state) {
    if (!this.panel) {
      return;
    }
    var badge = this.panel.querySelector(".wiazki-active-filters");
    var active = Object.keys(state).length;
    var text = active ? " (aktywne: " + active + ")" : "";
    if (badge && badge.textContent !== text) {
      badge.textContent = text;
    }
  };

  Filter.prototype.announce = function () {
    if (this.status) {
      var text = countText(this.setup, this.shown, this.items.length);
      if (this.status.textContent !== text) {
        this.status.textContent = text;
      }
    }
  };

  Filter.prototype.showEmpty = function (isEmpty) {
    if (!this.empty) {
      this.empty = document.createElement("p");
      this.empty.className = "wiazki-none";
      this.empty.textContent = this.setup.none;
      var anchor = this.status || this.form;
      anchor.parentNode.insertBefore(this.empty, anchor.nextSibling);
    }
    this.empty.hidden = !isEmpty;
  };

  /** Keep the filter state in the query string; other parameters survive. */
  Filter.prototype.writeUrl = function (state) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(this.controls).forEach(function (name) {
      if (state[name]) {
        params.set(urlName(name), state[name]);
      } else {
        params.delete(urlName(name));
      }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      // Keep Material's history state: instant navigation stores its own there.
      window.history.replaceState(window.history.state, "", url);
    }
  };

  /** Set every control from the query string, ignoring values no option offers. */
  Filter.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var controls = this.controls;
    var order = Object.keys(controls).sort(function (a, b) {
      // The województwo first: it decides which powiaty are offered.
      return (a === "voivodeship" ? -1 : 0) - (b === "voivodeship" ? -1 : 0);
    });
    var self = this;
    order.forEach(function (name) {
      var control = controls[name];
      // The URL is the whole state: what it does not name is "wszystkie"
      // (this also undoes the browser's restoring of form values on reload).
      var value = params.get(urlName(name)) || "";
      if (control.tagName === "SELECT") {
        var offered = Array.prototype.some.call(control.options, function (option) {
          return option.value === value;
        });
        control.value = offered ? value : "";
      } else {
        control.value = value.slice(0, MAX_QUERY_LENGTH);
      }
      if (name === "voivodeship") {
        self.narrowPowiaty();
      }
    });
  };

  Filter.prototype.clear = function () {
    var controls = this.controls;
    Object.keys(controls).forEach(function (name) {
      controls[name].value = "";
    });
    this.narrowPowiaty();
    this.apply();
  };

  /** The "Wyczyść filtry" button: the form's own reset button, or one we add. */
  Filter.prototype.resetButton = function () {
    var button = this.form.querySelector('button[type="reset"], input[type="reset"], .wiazki-reset');
    if (!button) {
      button = document.createElement("button");
      button.type = "reset";
      button.className = "wiazki-reset md-button";
      button.textContent = "Wyczyść filtry";
      this.form.appendChild(button);
    }
    return button;
  };

  /** The page's URL changed without a new page (a link or Back): follow it. */
  Filter.prototype.followUrl = function () {
    this.readUrl();
    this.apply();
  };

  Filter.prototype.bind = function () {
    var self = this;
    var form = this.form;
    this.pathname = window.location.pathname;
    this.announceLater = debounce(function () {
      self.announce();
    }, 400);

    this.resetButton();
    this.narrowPowiaty();
    this.readUrl();

    form.addEventListener("submit", function (event) {
      // Everything applies as one types or chooses; Enter must not reload.
      event.preventDefault();
      self.apply();
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.clear();
    });
    form.addEventListener("change", function (event) {
      if (event.target === self.controls.voivodeship) {
        self.narrowPowiaty();
      }
      self.apply();
    });
    form.addEventListener("input", function (event) {
      if (event.target === self.controls.q) {
        // Filter at once, but let the live region speak once typing pauses.
        self.apply("later");
      }
    });

    form.hidden = false;
    if (this.panel) {
      // Open beside the results on a wide screen; on a phone the results come
      // first and the panel opens on a tap. Filters set by the URL stay visible
      // as a count in the summary.
      this.panel.open = !window.matchMedia || window.matchMedia("(min-width: 60em)").matches;
      this.panel.hidden = false;
    }
    this.apply();
  };

  /* ---- Printing the canvas ----------------------------------------------- */

  var MONTHS_GENITIVE = [
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
  ];

  /** "Wydrukowano: 7 grudnia 2026" in every canvas's print header. */
  function stampPrintDate() {
    var now = new Date();
    var text = "Wydrukowano: " + now.getDate() + " " + MONTHS_GENITIVE[now.getMonth()] + " " + now.getFullYear();
    Array.prototype.forEach.call(document.querySelectorAll(".wiazki-print-date"), function (stamp) {
      stamp.textContent = text;
    });
    // A site built without site_url: the address the page was opened at.
    Array.prototype.forEach.call(document.querySelectorAll(".wiazki-print-address:empty"), function (address) {
      address.textContent = window.location.href;
    });
  }

  /**
   * A bundle page gets a button that prints the Business Model Canvas alone on
   * one A4 landscape page; the class on <html> tells the print stylesheet to
   * leave out the rest of the page.
   */
  function addPrintButton(canvas) {
    var previous = canvas.previousElementSibling;
    if (previous && previous.classList.contains("wiazki-print-button")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wiazki-print-button md-button";
    button.textContent = "Drukuj kanwę (A4, poziomo)";
    button.addEventListener("click", function () {
      var root = document.documentElement;
      var done = function () {
        root.classList.remove("wiazki-print-canvas");
        window.removeEventListener("afterprint", done);
      };
      root.classList.add("wiazki-print-canvas");
      window.addEventListener("afterprint", done);
      window.print();
    });
    canvas.parentNode.insertBefore(button, canvas);
  }

  /* ---- Scrolling tables --------------------------------------------------- */

  /**
   * Material wraps Markdown tables in a box that scrolls sideways on a narrow
   * screen; a box that scrolls must take keyboard focus (WCAG 2.1.1), or a
   * keyboard user cannot read its hidden columns. Only boxes that overflow get
   * a tab stop, re-checked when the window changes size.
   */
  function focusScrollingTables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(boxes, function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var caption = box.querySelector("caption");
        box.setAttribute("aria-label", caption ? caption.textContent : "Tabela przewijana w poziomie");
        box.setAttribute("data-wiazki-scroll", "1");
      } else if (!scrolls && box.getAttribute("data-wiazki-scroll") === "1") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        box.removeAttribute("data-wiazki-scroll");
      }
    });
  }

  /* ---- Page set-up -------------------------------------------------------- */

  /** Filters bound on the page being shown (forms of earlier pages are dropped). */
  var bound = [];

  function current() {
    bound = bound.filter(function (filter) {
      return filter.form.isConnected;
    });
    return bound.filter(function (filter) {
      return filter.pathname === window.location.pathname;
    });
  }

  /*
   * A link to this same page with another query (the home page's "Osoby
   * starsze" → /wiazki/?group=…, then "Wiązki" in the navigation): Material's
   * instant navigation loads a page only when the path changes, so without
   * this the click would change nothing. The filters take the link's query
   * instead, as a new history entry; Back returns to the previous filters.
   */
  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target || link.hash || link.origin !== window.location.origin) {
      return;
    }
    if (link.pathname !== window.location.pathname) {
      return;
    }
    var filters = current();
    if (!filters.length) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    var url = link.pathname + link.search;
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, "", url);
    }
    filters.forEach(function (filter) {
      filter.followUrl();
    });
  }

  function onPopState() {
    current().forEach(function (filter) {
      filter.followUrl();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".wiazki-canvas"), addPrintButton);
    stampPrintDate();
    focusScrollingTables();
    SETUPS.forEach(function (setup) {
      var form = document.getElementById(setup.form);
      // A form that was already bound keeps its listeners: binding is once per
      // element, and instant navigation brings new elements.
      if (!form || form.getAttribute("data-wiazki-ready") === "1") {
        return;
      }
      form.setAttribute("data-wiazki-ready", "1");
      var filter = new Filter(setup, form);
      filter.bind();
      bound.push(filter);
    });
  }

  // Exposed for the browser tests and for anyone debugging in the console.
  window.wiazkiCatalogue = {
    fold: fold,
    stem: stem,
    words: words,
    countText: function (shown, total, which) {
      return countText(SETUPS[which === "partners" ? 1 : 0], shown, total);
    },
    init: init,
    addCondition: function (condition) {
      conditions.push(condition);
    },
    /** Filter again (another script's condition changed). */
    refresh: function () {
      current().forEach(function (filter) {
        filter.apply();
      });
    },
  };

  // Material's instant navigation swaps the page without a load event and tells
  // subscribers of document$ (which also replays the first page). Without it,
  // wait for the DOM. init() is idempotent, so both paths may run.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      init();
    });
  }
  window.addEventListener("resize", debounce(focusScrollingTables, 200));
  // Ctrl+P as well as the print button: the date is the day the sheet is printed.
  window.addEventListener("beforeprint", stampPrintDate);
  // Capture: ahead of Material's own click handler on <body>.
  document.addEventListener("click", onClick, true);
  window.addEventListener("popstate", onPopState);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
