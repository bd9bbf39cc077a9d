// Holds back the request for search/search_index.json until the reader opens search.
//
// Material's bundle requests the whole index (every page's text, both languages) as soon as
// a page loads, with XMLHttpRequest. This script, loaded before the bundle, lets that one
// request wait until the search box is focused or the search toggle is checked, so that a
// reader who never searches never downloads the index. A ?q= address opens search at once.
(function () {
  "use strict";
  var held = [];
  var opened = /[?&]q=/.test(location.search);
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.parkSearchIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
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
