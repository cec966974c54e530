/*
 * One-letter typos for the site search (search.js): "senorów" → "seniorów",
 * "teleopeka" → "teleopieka". Pagefind has no fuzzy matching, so when a word of at
 * least MIN_LENGTH letters matches nothing, this looks at the words that begin with
 * its first three letters on the best pages for them (a few fragments) and takes
 * the first one a single edit away (a letter added, left out, changed, or two
 * neighbours swapped; Damerau), or spelt with another letter of the same sound ("rz" for
 * "ż", "h" for "ch": "pszczelaży"). The typo must be after the third letter.
 * search.js calls window.wiazkiSearchTypos(pagefind, term, options) → Promise of
 * the word as written on the page (lower case), or null.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 6;
  var PAGES = 5;

  function fold(text) {
    return window.wiazkiSearch.fold(text);
  }

  /** Whether `a` and `b` differ by exactly one edit (Damerau). */
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) {
      i += 1;
    }
    if (a.length === b.length) {
      var swapped = a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i);
      return a.slice(i + 1) === b.slice(i + 1) || (swapped && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Spellings of one sound (folded: "ż" is already "z", "ó" is "o"): "rz" and "ż",
     "ch" and "h". "pszczelaży" is "pszczelarzy" misspelt, not two edits away. */
  function sounds(word) {
    return word.replace(/rz/g, "z").replace(/ch/g, "h");
  }

  /** Whether `typed` is `word` misspelt: one edit, or the same sounds, or one edit from them. */
  function misspelt(typed, word) {
    if (oneEdit(typed, word)) {
      return true;
    }
    var a = sounds(typed);
    var b = sounds(word);
    return a !== typed || b !== word ? a === b || oneEdit(a, b) : false;
  }

  function correct(pagefind, term, options) {
    var folded = fold(term);
    if (folded.length < MIN_LENGTH || /\d/.test(folded)) {
      return Promise.resolve(null);
    }
    return pagefind.search(folded.slice(0, 3), options).then(function (near) {
      var top = near && near.results ? near.results.slice(0, PAGES) : [];
      return Promise.all(
        top.map(function (result) {
          return result.data();
        })
      ).then(function (pages) {
        for (var p = 0; p < pages.length; p += 1) {
          var words = String(pages[p].content || "").split(/\s+/);
          var locations = top[p].words || [];
          for (var k = 0; k < locations.length; k += 1) {
            var word = String(words[locations[k]] || "").replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
            if (word && misspelt(folded, fold(word))) {
              return word;
            }
          }
        }
        return null;
      });
    });
  }

  correct.misspelt = misspelt;
  window.wiazkiSearchTypos = correct;
})();
