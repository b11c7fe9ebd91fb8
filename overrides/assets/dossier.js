// The dossier: the examples chosen on the examples index (?ex=slug,slug…),
// fetched from the site itself and put together on one printable page, with
// the tips checklist for just those examples. Nothing leaves the site.
(function () {
  "use strict";
  function init() {
    var container = document.querySelector(".kb-dossier");
    if (!container) { return; }
    var params = new URLSearchParams(window.location.search);
    var slugs = (params.get("ex") || "").split(",").map(function (s) { return s.trim(); })
      .filter(function (s) { return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s); });
    container.textContent = "";
    if (!slugs.length) {
      var empty = document.createElement("p");
      empty.textContent = container.getAttribute("data-empty");
      container.appendChild(empty);
      return;
    }
    var base = new URL(container.getAttribute("data-examples-base"), window.location.href);
    var suffix = container.getAttribute("data-page-suffix") || "/";
    var tips = [];
    var factors = [];
    Promise.all(slugs.map(function (slug) {
      var address = new URL(slug + suffix, base);
      return fetch(address.href).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      }).then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        var article = page.querySelector("article.md-content__inner");
        if (!article) { throw new Error("no article"); }
        return { slug: slug, address: address, article: article };
      }).catch(function () { return { slug: slug, address: address, article: null }; });
    })).then(function (results) {
      results.forEach(function (result) {
        var section = document.createElement("section");
        section.className = "kb-dossier-example";
        section.setAttribute("data-slug", result.slug);
        if (!result.article) {
          var failed = document.createElement("p");
          failed.textContent = container.getAttribute("data-failed") + " (" + result.slug + ")";
          section.appendChild(failed);
          container.appendChild(section);
          return;
        }
        var article = result.article;
        article.querySelectorAll(".kb-download, .headerlink, .md-content__button, .md-source-file").forEach(function (node) { node.remove(); });
        // Links and anchors were relative to the example's own page.
        article.querySelectorAll("a[href]").forEach(function (link) {
          var href = link.getAttribute("href");
          if (href.charAt(0) !== "#") { link.setAttribute("href", new URL(href, result.address).href); }
        });
        article.querySelectorAll("[id]").forEach(function (node) { node.id = result.slug + "--" + node.id; });
        var heading = article.querySelector("h1");
        var title = heading ? heading.textContent.trim() : result.slug;
        var collect = function (anchor, list) {
          var section = article.querySelector("[id='" + result.slug + "--" + anchor + "']");
          var items = section && section.nextElementSibling && section.nextElementSibling.tagName === "UL"
            ? section.nextElementSibling.querySelectorAll(":scope > li") : [];
          items.forEach(function (item) { list.push({ text: item.textContent.trim(), from: title }); });
        };
        collect("tips", tips);
        collect("forutsattningar", factors);
        while (article.firstChild) { section.appendChild(article.firstChild); }
        container.appendChild(section);
      });
      var checklist = document.createElement("section");
      checklist.className = "kb-dossier-checklist";
      var heading = document.createElement("h1");
      heading.textContent = container.getAttribute("data-checklist-title");
      checklist.appendChild(heading);
      [[container.getAttribute("data-tips-title"), tips], [container.getAttribute("data-factors-title"), factors]].forEach(function (part, partIndex) {
        if (!part[1].length) { return; }
        var subheading = document.createElement("h2");
        subheading.textContent = part[0];
        checklist.appendChild(subheading);
        var list = document.createElement("ul");
        list.className = "kb-checklist";
        part[1].forEach(function (entry, index) {
          var item = document.createElement("li");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = "dossier-" + partIndex + "-" + index;
          var label = document.createElement("label");
          label.setAttribute("for", box.id);
          label.textContent = entry.text;
          var from = document.createElement("span");
          from.className = "kb-from";
          from.textContent = entry.from;
          item.appendChild(box);
          item.appendChild(label);
          item.appendChild(from);
          list.appendChild(item);
        });
        checklist.appendChild(list);
      });
      container.appendChild(checklist);
      var print = document.querySelector(".kb-dossier-print");
      if (print) {
        print.hidden = false;
        print.querySelector("button").addEventListener("click", function () { window.print(); });
      }
      container.setAttribute("data-ready", "true");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
