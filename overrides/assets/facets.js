// Facet filters on the examples index. Without JavaScript the whole list shows
// (on numbered pages when it is long) and the form stays hidden. Within a facet
// the ticked values combine with OR, across facets with AND; the free text
// matches title, summary and facts. When the list has several pages, the
// first filter loads the other pages' cards, so that it covers every example.
// The filter is kept in the address (?tema=utbildning&kommun=lund&q=läxhjälp)
// so that a filtered view can be shared and bookmarked. Nothing is sent anywhere.
(function () {
  "use strict";
  function init() {
    var form = document.querySelector("form.kb-filters");
    var cards = Array.prototype.slice.call(document.querySelectorAll(".kb-card"));
    if (!form || !cards.length) { return; }
    var status = document.querySelector(".kb-filter-status");
    var facets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-facet]"));
    var textInput = form.querySelector("input[name='q']");
    var template = status ? status.getAttribute("data-template") : "{n}";
    var ownCards = cards.slice();
    var pager = document.querySelector(".kb-pager");
    var pageCount = parseInt(form.getAttribute("data-page-count") || "1", 10) || 1;
    var loading = null;   // the promise of the other pages' cards
    var partial = false;  // some pages could not be loaded (e.g. from file://)
    // The counts the build wrote: right for the whole list while nothing is chosen.
    var builtCounts = {};
    form.querySelectorAll(".kb-count").forEach(function (count) { builtCounts[count.parentNode.getAttribute("for")] = count.textContent; });

    function pageAddress(number) {
      var relative = number === 1 ? form.getAttribute("data-first-page") : form.getAttribute("data-page-pattern").replace("{n}", String(number));
      return new URL(relative, window.location.href);
    }
    function currentPage() {
      var here = window.location.href.split(/[?#]/)[0];
      for (var number = 1; number <= pageCount; number += 1) {
        if (pageAddress(number).href === here) { return number; }
      }
      return 1;
    }
    function loadOtherPages() {
      if (loading) { return loading; }
      var here = currentPage();
      var first = ownCards[0];
      var last = ownCards[ownCards.length - 1];
      var requests = [];
      for (var number = 1; number <= pageCount; number += 1) {
        if (number === here) { requests.push(Promise.resolve([])); continue; }
        requests.push((function (address) {
          return fetch(address.href).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.text();
          }).then(function (source) {
            var other = new DOMParser().parseFromString(source, "text/html");
            return Array.prototype.slice.call(other.querySelectorAll(".kb-card")).map(function (card) {
              var copy = document.importNode(card, true);
              // Links were relative to the other page: make them absolute.
              copy.querySelectorAll("a[href]").forEach(function (anchor) {
                anchor.setAttribute("href", new URL(anchor.getAttribute("href"), address).href);
              });
              copy.hidden = true;
              return copy;
            });
          }).catch(function () { partial = true; return []; });
        })(pageAddress(number)));
      }
      loading = Promise.all(requests).then(function (pages) {
        pages.forEach(function (loaded, index) {
          loaded.forEach(function (card) {
            // Keep the alphabetical order of the whole list.
            if (index + 1 < here) { first.parentNode.insertBefore(card, first); }
            else { last.parentNode.insertBefore(card, last.nextSibling); last = card; }
            prepare(card);
          });
        });
        cards = Array.prototype.slice.call(document.querySelectorAll(".kb-card"));
      });
      return loading;
    }

    function valuesOf(card, attribute) {
      var value = card.getAttribute("data-" + attribute) || "";
      return value ? value.split(" ") : [];
    }
    function normalise(text) {
      return (text || "").toLocaleLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    }
    function selected() {
      var chosen = {};
      facets.forEach(function (fieldset) {
        var name = fieldset.getAttribute("data-facet");
        chosen[name] = Array.prototype.slice.call(fieldset.querySelectorAll("input:checked")).map(function (box) { return box.value; });
      });
      return chosen;
    }
    function matches(card, chosen, words, skipFacet) {
      for (var name in chosen) {
        if (name === skipFacet || !chosen[name].length) { continue; }
        var values = valuesOf(card, name);
        if (!chosen[name].some(function (value) { return values.indexOf(value) >= 0; })) { return false; }
      }
      if (words.length) {
        var text = card.getAttribute("data-text-normalised");
        if (text === null) {
          text = normalise(card.textContent);
          card.setAttribute("data-text-normalised", text);
        }
        return words.every(function (word) { return text.indexOf(word) >= 0; });
      }
      return true;
    }
    function update(pushAddress) {
      var chosen = selected();
      var words = normalise(textInput ? textInput.value : "").split(/\s+/).filter(Boolean);
      var active = words.length > 0 || Object.keys(chosen).some(function (name) { return chosen[name].length > 0; });
      if (active && pageCount > 1 && !loading) {
        loadOtherPages().then(function () { update(pushAddress); });
        return;
      }
      var shown = 0;
      cards.forEach(function (card) {
        // Nothing chosen: this page's own cards, as the build wrote them.
        var visible = active ? matches(card, chosen, words, null) : ownCards.indexOf(card) >= 0;
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (pager) { pager.hidden = active; }
      // Counts: how many examples each value would show, given the other facets
      // (with nothing chosen on a long list: the build's counts of the whole list).
      facets.forEach(function (fieldset) {
        var name = fieldset.getAttribute("data-facet");
        fieldset.querySelectorAll("input[type='checkbox']").forEach(function (box) {
          var label = form.querySelector("label[for='" + box.id + "'] .kb-count");
          if (!label) { return; }
          if (!active && pageCount > 1) { label.textContent = builtCounts[box.id]; return; }
          label.textContent = String(cards.filter(function (card) {
            return valuesOf(card, name).indexOf(box.value) >= 0 && matches(card, chosen, words, name);
          }).length);
        });
      });
      if (status) {
        status.textContent = template.replace("{n}", String(shown)) + (active && partial ? " " + form.getAttribute("data-partial") : "");
      }
      if (pushAddress) {
        var params = new URLSearchParams();
        for (var name in chosen) { chosen[name].forEach(function (value) { params.append(name, value); }); }
        if (textInput && textInput.value.trim()) { params.set("q", textInput.value.trim()); }
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }
    // Restore a shared or bookmarked view from the address.
    var params = new URLSearchParams(window.location.search);
    facets.forEach(function (fieldset) {
      var name = fieldset.getAttribute("data-facet");
      var wanted = params.getAll(name);
      fieldset.querySelectorAll("input[type='checkbox']").forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
    if (textInput) { textInput.value = params.get("q") || ""; }
    // Choosing examples for the dossier (a printable page of just those).
    var dossier = form.getAttribute("data-dossier");
    var chosenCount = form.querySelector(".kb-chosen-count");
    function slugOf(card) {
      var link = card.querySelector("h2 a[href]");
      var match = link ? link.getAttribute("href").match(/([a-z0-9-]+)(?:\/|\.html)$/) : null;
      return match ? match[1] : null;
    }
    function prepare(card) {
      var slug = slugOf(card);
      if (!slug || card.querySelector(".kb-dossier-choice")) { return; }
      // The free-text filter reads the card as it was built, without this control.
      card.setAttribute("data-text-normalised", normalise(card.textContent));
      var wrapper = document.createElement("p");
      wrapper.className = "kb-dossier-choice";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "d-" + slug;
      box.value = slug;
      var label = document.createElement("label");
      label.setAttribute("for", box.id);
      label.textContent = form.getAttribute("data-choose") + ": " + card.querySelector("h2").textContent.trim();
      wrapper.appendChild(box);
      wrapper.appendChild(label);
      card.appendChild(wrapper);
      box.addEventListener("change", function () {
        chosenCount.textContent = String(document.querySelectorAll(".kb-dossier-choice input:checked").length);
      });
    }
    cards.forEach(prepare);
    function openDossier(slugs) {
      if (!slugs.length) { return; }
      window.location.href = new URL(dossier, window.location.href).href + "?ex=" + slugs.join(",");
    }
    form.querySelector(".kb-dossier-shown").addEventListener("click", function () {
      openDossier(cards.filter(function (card) { return !card.hidden; }).map(slugOf).filter(Boolean));
    });
    form.querySelector(".kb-dossier-chosen").addEventListener("click", function () {
      openDossier(Array.prototype.slice.call(document.querySelectorAll(".kb-dossier-choice input:checked")).map(function (box) { return box.value; }));
    });
    form.hidden = false;
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("input", function () { update(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { update(true); }, 0); });
    update(false);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
