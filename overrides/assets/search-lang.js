// Marks each search result with the language of the page it leads to
// (WCAG 3.1.2, language of parts): the search index holds both languages, so a
// Swedish page can list English pages and the other way round. English pages
// live under en/; everything else is Swedish. Nothing is stored or sent.
(function () {
  "use strict";
  var list = document.querySelector(".md-search-result__list");
  if (!list || !window.MutationObserver) { return; }
  var root = window.__md_scope instanceof URL ? window.__md_scope.pathname : "/";
  function languageOf(href) {
    var path = new URL(href, window.location.href).pathname;
    var relative = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
    return /^en(\/|\.html$|$)/.test(relative) ? "en" : "sv";
  }
  function mark() {
    var items = list.querySelectorAll(".md-search-result__item");
    for (var i = 0; i < items.length; i++) {
      var link = items[i].querySelector("a[href]");
      if (link) { items[i].setAttribute("lang", languageOf(link.getAttribute("href"))); }
    }
  }
  new MutationObserver(mark).observe(list, { childList: true, subtree: true });
})();
