/*
 * Site search: the engine (window.wiazkiSearch) that the header's search dialog
 * (search-dialog.js) and the catalogue's text filter (catalogue.js) both use.
 * One engine, one normalisation for both.
 *
 * The engine is Pagefind (/pagefind/pagefind.js in the built site, written by the
 * plugin after the build). It stems Polish and ignores diacritics except "ł";
 * the index carries the spellings without "ł" and the inflected forms of the
 * words that matter (plugins/wiazki/search/), after the mark "¦¦", which a
 * snippet never shows. This script adds what Pagefind leaves out:
 *
 * - stop words ("dla", "nad", "w") are dropped (search-words.js): Pagefind requires every word;
 * - a word must really match: when nothing in the index starts with a query word,
 *   Pagefind falls back to a shorter indexed word the query word begins with
 *   ("warszawa" → "w", "podopieczni" → "pod"); such matches are refused (accepts());
 *   a word under five letters is never extended ("wola" is not "wolontariuszy");
 * - a word no page holds is left out beside words that are found ("gdzie zjeść
 *   posiłek"), unless it names a place ("w Szczecinie"); a typo is corrected (search-typos.js);
 * - bundles come before partners, partners before hand pages (KIND_ORDER); the
 *   score orders results of one kind.
 *
 * Safety: text reaches the page through textContent and attributes only.
 * The page's URL never carries the query (Material opens its own overlay for ?q=).
 */
(function () {
  "use strict";

  if (window.wiazkiSearch) {
    return;
  }

  var script = document.currentScript;
  // assets/wiazki/search.js → the site's root, under any site_url sub-path.
  var ROOT = new URL("../../", script && script.src ? script.src : window.location.href);
  var HIDDEN_MARK = "¦¦";
  var SHOWN = 10;
  var LOADED = 12;
  /* Candidates whose words are checked on the page at most (three rounds of LOADED). */
  var CHECKED = 36;
  /* Bundles the catalogue's filter checks a word on at most, where the word files cannot
     tell (catalogueMatches()). */
  var CATALOGUE_CHECKED = 24;
  var KIND_ORDER = { bundle: 0, partner: 1, page: 2 };
  var COMMON_SHARE = 0.3;
  /* A word shorter than this is taken as a whole word, never as the start of a longer
     one: "wola" is not "wolontariuszy" nor "Wołomin", "dom" not "domowy". */
  var MIN_EXTENDED = 5;
  /* Letters a query word and a different word of a page must share to match (below). */
  var STEM = 5;
  var KIND_LABEL = { bundle: "Wiązka", partner: "Partner", page: "Strona" };

  // The query's words (search-words.js, loaded before this script).
  var queryWords = window.wiazkiSearchWords;
  var fold = queryWords.fold;
  var terms = queryWords.terms;
  var named = queryWords.named;

  function commonPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) {
      n += 1;
    }
    return n;
  }

  /**
   * Whether an indexed word really matches a query word (both folded): it starts
   * with it (typing "senio"), or both share a stem: all but the last two letters
   * of the query word (three in words over eight letters: "seniorów"/"seniorem",
   * "osoby"/"osób"), and at least three. Pagefind's fallback for a word it cannot
   * find shares a much shorter start: "warszawa" → "w", "podopieczni" → "pod".
   */
  function accepts(term, word) {
    if (word.lastIndexOf(term, 0) === 0) {
      return true;
    }
    var common = commonPrefix(term, word);
    return common >= 3 && common >= term.length - (term.length > 8 ? 3 : 2);
  }

  function cleanWord(word) {
    return fold(word).replace(/[^\p{L}\p{N}]+/gu, "");
  }

  /* ---- The dictionary (plugins/wiazki/search/dictionary.py) ---------------- */

  // A shard's name is a word's first FORMS_PREFIX letters, one more for each split file
  // on its way (split_shards in plugins/wiazki/search/dictionary.py).
  var FORMS_PREFIX = 2;
  var SHORTEST_WORD = 3;
  var shards = new Map();

  /** The file of `folded`: from its first letters, one letter more while a file is split ("+") and the word longer. */
  function follow(read, folded, letters) {
    return read(shardName(folded, letters)).then(function (file) {
      return file && file["+"] && folded.length > letters ? follow(read, folded, letters + 1) : file;
    });
  }

  function shardName(folded, letters) {
    return Array.from(folded.slice(0, letters || FORMS_PREFIX))
      .map(function (c) {
        return c >= "a" && c <= "z" ? c : "_" + c.codePointAt(0).toString(16);
      })
      .join("");
  }

  /**
   * What the dictionary says of a query word, from the shard of its first letters:
   * {keys, known, place, entries}. `keys` are the keys it stands for other than itself (its
   * lemmas; for a verbal word, one key for its verb and the verb's other aspect):
   * "radosci" → ["radosc"], "usamodzielnianie" → ["usamodzielniac"]; `known`: whether
   * it is a form of some word of the site; `place`: whether it is a form of the name of
   * a catalogue's place (the shard's "@" list: "gdansk", "koninie"); `entries`: the
   * shard (null when none was read).
   */
  function lookup(term) {
    var folded = cleanWord(term);
    if (folded.length < SHORTEST_WORD || /\d/.test(folded)) {
      return Promise.resolve({ keys: [], known: false, place: false, entries: null });
    }
    return follow(shard, folded, FORMS_PREFIX).then(function (entries) {
      var keys = Object.prototype.hasOwnProperty.call(entries, folded) ? entries[folded] : [];
      keys = Array.isArray(keys) ? keys : [];
      return {
        keys: keys.filter(function (key) {
          return typeof key === "string" && key !== folded;
        }),
        known: keys.length > 0,
        place: Array.isArray(entries["@"]) && entries["@"].indexOf(folded) >= 0,
        entries: entries,
      };
    });
  }

  function shard(name) {
    if (!shards.has(name)) {
      shards.set(
        name,
        fetch(new URL("pagefind/formy/" + name + ".json", ROOT).href)
          .then(function (response) {
            return response.ok ? response.json() : {};
          })
          .catch(function () {
            return {};
          })
      );
    }
    return shards.get(name);
  }

  /**
   * One word's answer as search() and bundleIds() use it: `found.results` are
   * {id, score, data, via}, where `via` lists each search that found the page
   * ({term, result}: the word itself or one of its dictionary keys), so that a match can
   * be checked on the page's own words (confirmed()); `found.filters.bundle` counts the
   * bundles; `ranked` gives the scores.
   */
  function combine(direct, term, said, responses) {
    var keys = said.keys;
    // The word itself as matchedLocations() allows; a key: exactly.
    var own = { strict: false, entries: said.entries };
    var whole = { strict: true, entries: null };
    var items = new Map();
    var bundles = {};
    var scores = new Map();
    function add(response, searched, mode, score) {
      response.results.forEach(function (result) {
        var item = items.get(result.id);
        if (!item) {
          item = { id: result.id, score: result.score, data: result.data, via: [] };
          items.set(result.id, item);
          scores.set(result.id, score === undefined ? result.score : score);
        }
        item.via.push({ term: searched, result: result, mode: mode });
      });
      var counts = (response.filters && response.filters.bundle) || {};
      Object.keys(counts).forEach(function (id) {
        bundles[id] = (bundles[id] || 0) + counts[id];
      });
    }
    if (direct) {
      add(direct.found, term, own);
      direct.ranked.results.forEach(function (result) {
        if (scores.has(result.id)) {
          scores.set(result.id, result.score);
          // An exact answer may come without the word's locations: the extended one has them.
          if (direct.ranked !== direct.found) {
            items.get(result.id).via.push({ term: term, result: result, mode: own });
          }
        }
      });
    }
    responses.forEach(function (pair, index) {
      // A page found only through a key ranks below one that holds the word itself.
      var exact = new Set();
      pair[0].results.forEach(function (result) {
        exact.add(result.id);
      });
      add(pair[0], keys[index], whole, 0.5);
      // The extended answer gives the locations an exact answer may lack; no pages.
      pair[1].results.forEach(function (result) {
        if (exact.has(result.id)) {
          items.get(result.id).via.push({ term: keys[index], result: result, mode: whole });
        }
      });
    });
    if (!items.size) {
      return null;
    }
    var ranked = Array.from(scores, function (entry) {
      return { id: entry[0], score: entry[1] };
    });
    return { found: { results: Array.from(items.values()), filters: { bundle: bundles } }, ranked: { results: ranked } };
  }

  /* ---- The engine --------------------------------------------------------- */

  var engine = null;

  /** Pagefind, loaded once; rejects with a Polish message where it cannot run. */
  function load() {
    if (!engine) {
      if (window.location.protocol === "file:") {
        engine = Promise.reject(
          new Error(
            "Wyszukiwarka nie działa na stronie otwartej z pliku. Uruchom w folderze strony " +
              "serwer (np. python3 -m http.server) albo otwórz stronę opublikowaną."
          )
        );
      } else {
        engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pagefind) {
          // Result URLs start at the site's root path (the site_url sub-path). Bundle
          // pages are long (their index-only forms count): a weak page length penalty.
          // A title match counts through the "titles" metadata (the title with the
          // forms of its words, plugins/wiazki/search/records.py), not the bare title.
          var options = {
            baseUrl: ROOT.pathname,
            excerptLength: 30,
            ranking: { pageLength: 0.2, metaWeights: { title: 0, titles: 5 } },
          };
          return pagefind.options(options).then(function () {
            return pagefind;
          });
        });
      }
      engine.catch(function () {
        return null;
      });
    }
    return engine;
  }

  var pageCount = null;
  var wordSearches = new Map();

  /**
   * One query word's search, cached: {found, common}. A whole word is searched
   * exactly (Pagefind compares stems and extends nothing), so "starsze" does not
   * bring in "start"; when nothing matches exactly, the word is taken as typed so
   * far and extended ("senio" → "seniorów"), unless Pagefind's answer is only its
   * fallback to a shorter word (see accepts()). `found` is null when the word
   * matches nothing. A word on at least COMMON_SHARE of the pages ("pomoc") is
   * common: it ranks results but excludes no page, so that "pomoc dla opiekunów"
   * finds the carers' bundle that says "wsparcie".
   */
  function wordSearch(pagefind, term, options, key, asCorrected) {
    var cacheKey = key + "\u0000" + term;
    if (!wordSearches.has(cacheKey)) {
      if (!pageCount) {
        // From the index's entry file (already fetched by Pagefind): a search for
        // every page would load every chunk of the index.
        pageCount = fetch(new URL("pagefind/pagefind-entry.json", ROOT).href)
          .then(function (response) {
            return response.json();
          })
          .then(function (entry) {
            var languages = entry.languages || {};
            return Object.keys(languages).reduce(function (sum, code) {
              return sum + (languages[code].page_count || 0);
            }, 0);
          });
      }
      // Exact answers carry no ranking (every score is 1): the scores come from
      // the extended search, which finds a superset of the same pages.
      var said = lookup(term);
      var searches = [pagefind.search('"' + term + '"', options), pagefind.search(term, options), said];
      var answer = Promise.all(searches).then(
        function (both) {
          var exact = both[0];
          var typed = both[1];
          var mode = { strict: false, entries: both[2].entries };
          if (!typed || !typed.results.length) {
            return null;
          }
          if (exact && exact.results.length) {
            return { found: exact, ranked: typed };
          }
          if (fold(term).length < MIN_EXTENDED) {
            return null;
          }
          return typed.results[0].data().then(function (data) {
            var found = matchedLocations(term, data, typed.results[0].words, mode).length;
            return found ? { found: typed, ranked: typed } : null;
          });
        }
      );
      // Its dictionary keys are searched too (whole words: stems compared, nothing extended).
      answer = Promise.all([answer, said]).then(function (both) {
        return Promise.all(
          both[1].keys.map(function (key) {
            return Promise.all([pagefind.search('"' + key + '"', options), pagefind.search(key, options)]);
          })
        ).then(function (responses) {
          return combine(both[0], term, both[1], responses);
        });
      });
      // A word that matches nothing may be a typo (search-typos.js): its correction's answer.
      answer = answer.then(function (found) {
        if (found || asCorrected || !window.wiazkiSearchTypos) {
          return found;
        }
        return window.wiazkiSearchTypos(pagefind, term, options).then(function (word) {
          return !word
            ? null
            : wordSearch(pagefind, word, options, key, true).then(function (fixed) {
                return fixed.found ? { found: fixed.found, ranked: fixed.ranked, corrected: word } : null;
              });
        });
      });
      wordSearches.set(
        cacheKey,
        Promise.all([answer, pageCount, key === "all" ? null : wordSearch(pagefind, term, {}, "all"), said]).then(
          function (parts) {
            var found = parts[0] ? parts[0].found : null;
            var common = parts[2] ? parts[2].common : Boolean(found) && found.results.length >= COMMON_SHARE * parts[1];
            var corrected = parts[0] ? parts[0].corrected : null;
            var ranked = parts[0] ? parts[0].ranked : null;
            return { found: found, ranked: ranked, common: common, corrected: corrected, place: parts[3].place };
          }
        )
      );
    }
    return wordSearches.get(cacheKey);
  }

  function contentWords(data) {
    return String(data.content || "").split(/\s+/);
  }

  /**
   * The `locations` (a search result's `words`: Pagefind shares one fragment object
   * between searches, so its `locations` belong to whichever search loaded it last)
   * whose word in `data` really matches `term` (accepts()).
   */
  function matchedLocations(term, data, locations, mode) {
    var words = contentWords(data);
    var hidden = words.indexOf(HIDDEN_MARK);
    var folded = fold(term);
    return (locations || []).filter(function (location) {
      if (location >= words.length) {
        return false;
      }
      var inHidden = hidden >= 0 && location > hidden;
      // A hyphenated word is also its parts ("Pszczelarz-instruktor").
      var whole = cleanWord(words[location]);
      var parts = [whole].concat(
        fold(words[location])
          .split(/[^\p{L}\p{N}]+/u)
          .filter(function (part) {
            return part && part !== whole;
          })
      );
      return parts.some(function (word) {
        if (mode && mode.strict) {
          return word === folded;
        }
        if (word.lastIndexOf(folded, 0) === 0) {
          return true;
        }
        // The index-only words are whole lists of forms: one of them is the word itself, or
        // starts with what is typed so far ("radomiu" is not "radom", a form of "rada").
        // A page's word that shares only a stem must share at least STEM letters:
        // "bezdomnych" is "bezdomności", "radość" is not "Radomiu", "dzieci" not "dziennie".
        return !inHidden && accepts(folded, word) && commonPrefix(folded, word) >= STEM;
      });
    });
  }

  /**
   * The query's words searched one by one: {words, required, answers}, or answers
   * null when some word matches nothing. `required` are the words that are not
   * common (all of them when every word is common).
   */
  function run(query, options, key, strict) {
    var words = terms(query);
    if (!words.length) {
      return Promise.resolve({ words: words, required: words, answers: null });
    }
    return load().then(function (pagefind) {
      return Promise.all(
        words.map(function (term) {
          return wordSearch(pagefind, term, options, key);
        })
      ).then(function (answers) {
        // A word that no page holds ("gdzie zjeść posiłek") is left out when another
        // word is found, and named in `missing`; a query of such words finds nothing.
        var missing = words.filter(function (term, index) {
          return !answers[index].found;
        });
        // A catalogue's place names something written with a capital anywhere, or as the
        // query's last word in any case ("Gdańsk opieka dla seniorów", "opieka dla seniorów
        // lublin", as "… w Gdańsku"); a first word in lower case may be a common word spelt
        // as a place ("koło gospodyń", "dobre praktyki").
        var names = named(query);
        var capitals = queryWords.capitalised(query);
        words.forEach(function (term, index) {
          var placed = index === words.length - 1 || capitals.indexOf(term) >= 0;
          if (answers[index].place && placed && names.indexOf(term) < 0) {
            names.push(term);
          }
        });
        var kept = words.filter(function (term, index) {
          return answers[index].found;
        });
        // Every() of nothing is true: a query of unknown words only is never left out.
        var keptCommon = kept.every(function (term) {
          return answers[words.indexOf(term)].common;
        });
        // Left out only beside a word that narrows the results: "pomoc" alone does not.
        var leaveOut =
          !strict &&
          !keptCommon &&
          !missing.some(function (term) {
            return names.indexOf(term) >= 0;
          });
        if (missing.length && !leaveOut) {
          return { words: words, required: words, answers: null, missing: missing };
        }
        answers = answers.filter(function (answer) {
          return answer.found;
        });
        var required = kept.filter(function (term, index) {
          return !answers[index].common;
        });
        var corrected = kept
          .map(function (term, index) {
            return answers[index].corrected ? term + " → " + answers[index].corrected : "";
          })
          .filter(Boolean);
        // A corrected word stands for the typed one (snippets mark the corrected word).
        var used = kept.map(function (term, index) {
          return answers[index].corrected || term;
        });
        required = required.map(function (term) {
          return used[kept.indexOf(term)];
        });
        var outcome = { words: used, required: required.length ? required : used, answers: answers, missing: missing };
        outcome.typed = kept; // as typed: a corrected place name is still the one named
        outcome.names = names;
        outcome.corrected = corrected;
        return outcome;
      });
    });
  }

  var allFilters = null;

  /** Ids of the bundles the catalogue's text matches (a Set), or null without the engine. */
  function bundleIds(query) {
    // Pagefind counts a filter's values only once its chunk is loaded: load them all once.
    if (!allFilters) {
      allFilters = load().then(function (pagefind) {
        return pagefind.filters();
      });
    }
    return allFilters
      .then(function () {
        // The catalogue's filter has no place to say a word was left out: every word counts.
        return run(query, { filters: { kind: "bundle" } }, "bundle", true);
      })
      .then(function (outcome) {
        var required = (outcome.answers || []).filter(function (answer, index) {
          return outcome.required.indexOf(outcome.words[index]) >= 0;
        });
        return Promise.all(required.map(catalogueMatches)).then(function (sets) {
          var ids = null;
          sets.forEach(function (mine) {
            ids = ids === null ? mine : new Set(Array.from(ids).filter(function (id) {
              return mine.has(id);
            }));
          });
          return ids || new Set();
        });
      })
      .then(
        function (ids) {
          return ids;
        },
        function () {
          return null;
        }
      );
  }

  /* ---- Which bundles hold which words (plugins/wiazki/search/bundle_words.py) ---- */

  var wordFiles = new Map();
  var bundleOrder = null;

  function wordFile(name) {
    if (!wordFiles.has(name)) {
      wordFiles.set(
        name,
        fetch(new URL("pagefind/slowa/" + name + ".json", ROOT).href)
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .catch(function () {
            return null;
          })
      );
    }
    return wordFiles.get(name);
  }

  /** The numbers in a file's set of bundles: a list, or a base64 bitmap (bit i of byte i >> 3). */
  function decode(encoded, count) {
    if (Array.isArray(encoded)) {
      return encoded;
    }
    var bytes = atob(String(encoded));
    var out = [];
    for (var i = 0; i < count && i >> 3 < bytes.length; i += 1) {
      if ((bytes.charCodeAt(i >> 3) >> (i & 7)) & 1) {
        out.push(i);
      }
    }
    return out;
  }

  /**
   * The numbers of the bundles on which one way of a word's answer ({term, strict}: the word,
   * or exactly one of its dictionary keys) finds a word, by the rules of matchedLocations():
   * {count, numbers}, or null where the files cannot tell (a word under three letters).
   */
  function wayBundles(way) {
    var folded = cleanWord(way.term);
    if (folded.length < SHORTEST_WORD) {
      return Promise.resolve(null);
    }
    return follow(wordFile, folded, FORMS_PREFIX)
      .then(function (file) {
        // Still split: the word is no longer than the file's letters, and the words it
        // may start would be in every part (bundle_words.py).
        return file && file["+"] ? null : file;
      })
      .then(function (file) {
        if (!file || typeof file.n !== "number") {
          return null;
        }
        var numbers = new Set();
        ["v", "h"].forEach(function (part) {
          var words = file[part] || {};
          Object.keys(words).forEach(function (word) {
            var found = way.strict
              ? word === folded
              : word.lastIndexOf(folded, 0) === 0 ||
                (part === "v" && accepts(folded, word) && commonPrefix(folded, word) >= STEM);
            if (found) {
              decode(words[word], file.n).forEach(function (n) {
                numbers.add(n);
              });
            }
          });
        });
        return { count: file.n, numbers: numbers };
      });
  }

  /**
   * The bundle ids one word's answer holds (a Set): the bundles Pagefind found for it whose
   * words really match it, as the header checks a page (confirmed(); "radomiu" is not
   * Krosno's "Rady"), read from the word files, not from every bundle's text. Where the
   * files cannot tell, a word found on at most CATALOGUE_CHECKED bundles is checked on
   * their text, and one on more is taken as Pagefind counts it.
   */
  function catalogueMatches(answer) {
    var results = answer.found.results;
    var counts = answer.found.filters ? answer.found.filters.bundle || {} : {};
    var counted = Object.keys(counts).filter(function (id) {
      return counts[id] > 0;
    });
    var ways = new Map();
    results.forEach(function (result) {
      (result.via || []).forEach(function (way) {
        var strict = Boolean(way.mode && way.mode.strict);
        ways.set(way.term + "\u0000" + strict, { term: way.term, strict: strict });
      });
    });
    return Promise.all([allFilters, Promise.all(Array.from(ways.values()).map(wayBundles))]).then(function (both) {
      if (!bundleOrder) {
        bundleOrder = new Map();
        Object.keys((both[0] && both[0].bundle) || {})
          .sort()
          .forEach(function (id, index) {
            bundleOrder.set(id, index);
          });
      }
      var sets = both[1];
      var known = sets.length > 0 && sets.every(function (set) {
        return set && set.count === bundleOrder.size;
      });
      if (known) {
        var numbers = new Set();
        sets.forEach(function (set) {
          set.numbers.forEach(function (n) {
            numbers.add(n);
          });
        });
        return new Set(
          counted.filter(function (id) {
            return numbers.has(bundleOrder.get(id));
          })
        );
      }
      if (results.length > CATALOGUE_CHECKED) {
        return new Set(counted);
      }
      return checkedOnPages(results);
    });
  }

  /** The bundle ids of `results` whose words match, checked on each page's text (confirmed()). */
  function checkedOnPages(results) {
    return Promise.all(
      results.map(function (result) {
        var page = { via: [result.via || []], ways: result.via || [], marked: {} };
        return Promise.all([confirmed(page), result.data()]).then(function (both) {
          var ids = both[0] && both[1].filters ? both[1].filters.bundle || [] : [];
          return ids;
        });
      })
    ).then(function (lists) {
      return new Set([].concat.apply([], lists));
    });
  }

  /** The shown part of a page's text around its first marked word; `marked`: {location: true}. */
  function snippet(data, marked) {
    var all = contentWords(data);
    var hidden = all.indexOf(HIDDEN_MARK);
    var visible = hidden < 0 ? all : all.slice(0, hidden);
    var titleLength = String((data.meta && data.meta.title) || "").split(/\s+/).length;
    var first = -1;
    for (var i = titleLength; i < visible.length; i += 1) {
      if (marked[i]) {
        first = i;
        break;
      }
    }
    var start = first < 0 ? titleLength : Math.max(titleLength, first - 8);
    var end = Math.min(visible.length, start + 30);
    var parts = [];
    for (var j = start; j < end; j += 1) {
      parts.push({ text: visible[j], mark: Boolean(marked[j]) });
    }
    return { parts: parts, before: start > titleLength, after: end < visible.length };
  }

  /**
   * Up to ten results for the header: {url, kind, kindLabel, title, stage, territory,
   * snippet}. A page must have every required word; its score is the sum of its
   * words' scores (a common word adds to it). Bundles first, then partners, then pages.
   * When no page has every word, the pages whose words weigh most (`partial`: true).
   */
  function search(query) {
    // Its own cache key: the catalogue's "bundle" answers must be made once every
    // filter is loaded (they count the bundle ids), these need only the page ids.
    var bundles = run(query, { filters: { kind: "bundle" } }, "bundle-pages").catch(function () {
      return { answers: null };
    });
    return Promise.all([run(query, {}, "all"), bundles]).then(function (both) {
      var outcome = both[0];
      if (!outcome.answers) {
        return { words: outcome.words, results: [], missing: outcome.missing || [] };
      }
      // Which pages are bundles, known before any result is loaded: they come first.
      var isBundle = new Set();
      (both[1].answers || []).forEach(function (answer) {
        answer.found.results.forEach(function (result) {
          isBundle.add(result.id);
        });
      });
      var pages = new Map();
      var names = outcome.names || named(query);
      outcome.answers.forEach(function (answer, index) {
        var required = outcome.required.indexOf(outcome.words[index]) >= 0;
        var scores = new Map();
        answer.ranked.results.forEach(function (result) {
          scores.set(result.id, result.score);
        });
        answer.found.results.forEach(function (result) {
          var page = pages.get(result.id) || { result: result, score: 0, hits: 0, names: 0, found: [], via: [], ways: [], marked: {} };
          page.score += scores.has(result.id) ? scores.get(result.id) : 0.1;
          page.hits += required ? 1 : 0;
          page.names += required && names.indexOf(outcome.typed[index]) >= 0 ? 1 : 0;
          page.found.push(required ? answer.found.results.length : 0);
          if (required) {
            page.via.push(result.via || []);
          }
          page.ways = page.ways.concat(result.via || []);
          pages.set(result.id, page);
        });
      });
      var bundlesFirst = function (a, b) {
        return Number(isBundle.has(b.result.id)) - Number(isBundle.has(a.result.id));
      };
      var candidates = Array.from(pages.values())
        .filter(function (page) {
          return page.hits === outcome.required.length;
        })
        .sort(function (a, b) {
          return bundlesFirst(a, b) || b.score - a.score;
        });
      var partial = false;
      return confirmedPages(candidates).then(function (confirmed) {
        if (confirmed.length || outcome.required.length < 2) {
          return confirmed;
        }
        // No page holds every word ("wychowankowie domu dziecka"): the pages with the most
        // of them, said so. A place named in the query still narrows ("… w Gdańsku": nothing
        // elsewhere), so a page must hold every such word: "seniorzy w Ełku" gives Ełk's
        // bundle and partners (its social services office), not "no results".
        var needed = outcome.typed.filter(function (term, index) {
          return outcome.required.indexOf(outcome.words[index]) >= 0 && names.indexOf(term) >= 0;
        }).length;
        // A rare word counts for more than a frequent one (its inverse document frequency:
        // "wychowankowie" is on one page, "domu" and "dziecka" on several); a page whose
        // words weigh less than half the best one's is left out (one common word).
        partial = true;
        var fewer = Array.from(pages.values())
          .filter(function (page) {
            return page.names === needed && page.hits >= Math.max(needed, 1);
          })
          .map(function (page) {
            page.weight = page.found.reduce(function (sum, count) {
              return sum + (count ? Math.log(1 + pages.size / count) : 0);
            }, 0);
            return page;
          });
        var best = Math.max.apply(null, [0].concat(fewer.map(function (page) {
          return page.weight;
        })));
        return confirmedPages(
          fewer
            .filter(function (page) {
              return page.weight >= best / 2;
            })
            .sort(function (a, b) {
              return bundlesFirst(a, b) || b.weight - a.weight || b.score - a.score;
            })
        );
      }).then(function (confirmed) {
        return Promise.all(
          confirmed.map(function (page) {
            return page.result.data().then(function (data) {
              return { score: page.score, weight: page.weight || 0, data: data, marked: page.marked };
            });
          })
        );
      }).then(function (loaded) {
        var results = loaded.map(function (item) {
          var data = item.data;
          var kind = data.filters && data.filters.kind ? data.filters.kind[0] : "page";
          var meta = data.meta || {};
          return {
            rank: KIND_ORDER[kind] === undefined ? KIND_ORDER.page : KIND_ORDER[kind],
            score: item.score,
            weight: item.weight,
            url: new URL(String(data.url || ""), ROOT).href,
            kind: kind,
            kindLabel: KIND_LABEL[kind] || KIND_LABEL.page,
            title: meta.title || "",
            stage: meta.stage || "",
            territory: meta.territory || "",
            snippet: snippet(data, item.marked),
          };
        });
        results.sort(function (a, b) {
          return a.rank - b.rank || (partial ? b.weight - a.weight : 0) || b.score - a.score;
        });
        var shown = { words: outcome.words, results: results.slice(0, SHOWN), missing: outcome.missing || [] };
        shown.corrected = outcome.corrected || [];
        // True when no page holds every word and these hold some of them.
        shown.partial = partial && results.length > 0;
        return shown;
      });
    });
  }

  /**
   * Whether each required word of `page` really is on it: some search that found the page
   * (the word or one of its dictionary keys) matched a word of the page that accepts() it.
   * Pagefind compares stems, and a short stem joins different words: "radomiu" and
   * "Rady" both stem to "rad".
   */
  function confirmed(page) {
    // Each way's matched locations (they mark the snippet's words too).
    var matched = new Map();
    return Promise.all(
      page.ways.map(function (way) {
        return way.result.data().then(function (data) {
          var locations = matchedLocations(way.term, data, way.result.words, way.mode);
          matched.set(way, locations.length > 0);
          locations.forEach(function (location) {
            page.marked[location] = true;
          });
        });
      })
    ).then(function () {
      // A word whose searches gave no locations at all cannot be checked: it counts.
      return page.via.every(function (ways) {
        return ways.some(function (way) {
          return matched.get(way) || !(way.result.words || []).length;
        });
      });
    });
  }

  /** Up to LOADED confirmed pages of `candidates` (in order), checking LOADED at a time, at most CHECKED. */
  function confirmedPages(candidates) {
    var kept = [];
    function next(from) {
      if (kept.length >= LOADED || from >= Math.min(candidates.length, CHECKED)) {
        return Promise.resolve(kept.slice(0, LOADED));
      }
      var batch = candidates.slice(from, from + LOADED);
      return Promise.all(batch.map(confirmed)).then(function (each) {
        batch.forEach(function (page, index) {
          if (each[index]) {
            kept.push(page);
          }
        });
        return next(from + LOADED);
      });
    }
    return next(0);
  }

  window.wiazkiSearch = {
    root: ROOT.href,
    maxQueryLength: queryWords.maxQueryLength,
    fold: fold,
    terms: terms,
    accepts: accepts,
    load: load,
    search: search,
    bundleIds: bundleIds,
  };
})();
