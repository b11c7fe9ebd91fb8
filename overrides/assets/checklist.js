// Keeps the ticks of the tips checklist in the reader's own browser
// (localStorage); nothing is sent anywhere.
(function () {
  "use strict";
  var KEY = "romkb-checklist";
  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; }
  }
  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* storage off */ }
  }
  function init() {
    var boxes = document.querySelectorAll("input[data-kb-check]");
    if (!boxes.length) { return; }
    var state = load();
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-kb-check");
      box.checked = state[id] === true;
      box.addEventListener("change", function () {
        var current = load();
        if (box.checked) { current[id] = true; } else { delete current[id]; }
        save(current);
      });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
