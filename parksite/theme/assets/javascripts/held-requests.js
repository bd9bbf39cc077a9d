// Two requests Material's bundle makes as soon as a page loads, with XMLHttpRequest:
//
// - search/search_index.json, the whole index (every page's text, both languages): held
//   back until the search box is focused or the search toggle is checked, so that a reader
//   who never searches never downloads it. A ?q= address opens search at once.
// - sitemap.xml next to each language alternate of the page (/zh/about/sitemap.xml ...),
//   which the bundle reads to send a language switch to the same page: never sent. The
//   language links already point to the same page in the other language, and the site has
//   one sitemap for crawlers, not one per page. The bundle takes the "abort" it gets as
//   "no sitemap" and leaves the links to the browser.
(function () {
  "use strict";
  var held = [];
  var opened = /[?&]q=/.test(location.search);
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.parkSearchIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    this.parkSitemap = /\/sitemap\.xml(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.parkSitemap) {
      this.dispatchEvent(new ProgressEvent("abort"));
      return undefined;
    }
    if (this.parkSearchIndex && !opened) {
      var request = this;
      var args = arguments;
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (opened) return;
    opened = true;
    held.splice(0).forEach(function (start) { start(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  });
})();
