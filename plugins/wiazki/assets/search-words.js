/*
 * The words of a search query, for the site search (search.js, loaded after this):
 * folding (lower case, no diacritics, "ł" as "l"), stop words, and the words that
 * name a place. window.wiazkiSearchWords = {fold, terms, named, maxQueryLength}.
 */
(function () {
  "use strict";

  var MAX_QUERY_LENGTH = 200;
  var MAX_TERMS = 8;

  /* Words a query may contain that carry no meaning for search. */
  var STOP_WORDS = (
    "a aby albo ale bez by być chce chcę chciałbym chciałabym co czy dla do gdzie i ich ile jak jaka jaki jakie " +
    "je jego jej jest już ku lub ma mam mi mnie moja moje mój moich mojej mojego na nad nas nie o od oraz " +
    "po pod przez przy się są ta tak te tego to tu u w we wiele z za ze że żeby szukam potrzebuję proszę"
  ).split(" ");

  /** Lower case without diacritics ("ł" → "l" too: it has no decomposition). */
  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l")
      .replace(/Ł/g, "L")
      .toLowerCase();
  }

  var FOLDED_STOP_WORDS = STOP_WORDS.map(fold);

  /** The query's meaningful words, lower case, in order, each once. */
  function terms(query) {
    var seen = [];
    String(query || "")
      .slice(0, MAX_QUERY_LENGTH)
      .toLowerCase()
      // A number written in groups is one number: NIP "584-111-35-44" is 5841113544.
      .replace(/(\d)[-\u2010\u2011\u2013](?=\d)/g, "$1")
      .split(/[^\p{L}\p{N}]+/u)
      .forEach(function (word) {
        if (word && FOLDED_STOP_WORDS.indexOf(fold(word)) < 0 && seen.indexOf(word) < 0) {
          seen.push(word);
        }
      });
    return seen.slice(0, MAX_TERMS);
  }

  var PLACE_PREPOSITIONS = ["w", "we", "z", "ze", "na", "do", "kolo", "pod", "przy", "obok", "okolice"];

  /** The query's words as typed (case kept), in order. */
  function written(query) {
    return String(query || "").slice(0, MAX_QUERY_LENGTH).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function hasCapital(word) {
    return word.charAt(0) !== word.charAt(0).toLowerCase();
  }

  function lower(word) {
    return word.toLowerCase();
  }

  /**
   * The query's words that name something (lower case): written with a capital letter
   * (not the first word: phones capitalise it) or after "w", "z", "na", "do"…
   * ("w Szczecinie"). Search never leaves such a word out: nothing in Szczecin is no
   * result, not every "pomoc" elsewhere.
   */
  function named(query) {
    var words = written(query);
    return words
      .filter(function (word, index) {
        return index > 0 && (hasCapital(word) || PLACE_PREPOSITIONS.indexOf(fold(words[index - 1])) >= 0);
      })
      .map(lower);
  }

  /** The query's words written with a capital letter, the first one too (lower case). */
  function capitalised(query) {
    return written(query).filter(hasCapital).map(lower);
  }

  window.wiazkiSearchWords = {
    fold: fold,
    terms: terms,
    named: named,
    capitalised: capitalised,
    maxQueryLength: MAX_QUERY_LENGTH,
  };
})();
