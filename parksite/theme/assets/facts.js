// Source notes of figures: a click, tap, Enter or Space opens a figure's note; Escape, or a
// tap elsewhere, closes it. Hover and keyboard focus show it through CSS alone (facts.css).
(function () {
  "use strict";

  function facts(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function closeAll(except) {
    facts(".fact--open").forEach(function (fact) {
      if (fact !== except) fact.classList.remove("fact--open");
    });
  }

  function toggle(figure) {
    var fact = figure.parentElement;
    closeAll(fact);
    fact.classList.remove("fact--dismissed");
    fact.classList.toggle("fact--open");
  }

  document.addEventListener("click", function (event) {
    var figure = event.target.closest ? event.target.closest(".fact__figure") : null;
    if (figure) toggle(figure);
    else closeAll(null);
  });

  document.addEventListener("keydown", function (event) {
    var figure = event.target.closest ? event.target.closest(".fact__figure") : null;
    if (figure && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault(); // Space would scroll the page
      toggle(figure);
    } else if (event.key === "Escape") {
      facts(".fact--open, .fact:hover, .fact:focus-within").forEach(function (fact) {
        fact.classList.remove("fact--open");
        fact.classList.add("fact--dismissed");
      });
    }
  });

  document.addEventListener("focusout", function (event) {
    var fact = event.target.closest ? event.target.closest(".fact") : null;
    if (fact) fact.classList.remove("fact--dismissed");
  });
  // mouseleave does not bubble: caught on its way down, for the figure itself only.
  document.addEventListener(
    "mouseleave",
    function (event) {
      if (event.target.classList && event.target.classList.contains("fact")) {
        event.target.classList.remove("fact--dismissed");
      }
    },
    true
  );
})();
