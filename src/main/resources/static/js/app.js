// TriThức page script: the only script besides htmx (the CSP forbids inline scripts and eval).
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  // every htmx request carries the CSRF token as a header
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });
  // after a boosted navigation the page title follows the new page's heading; a swap in the top bar (the notice
  // bell refreshing itself) leaves the title and the focus where they are
  document.addEventListener('htmx:afterSettle', function (event) {
    if (event.target instanceof Element && event.target.closest('.topbar')) {
      return;
    }
    var heading = document.querySelector('#content h1');
    if (heading) {
      document.title = heading.textContent.trim() + ' · TriThức';
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  });
})();
