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
  // A destructive action asks first: a form, or the button that submits it, carries data-confirm="question?".
  // With data-confirm-field="name" the question may quote that field of the form as {value}, and
  // data-confirm-blank holds the question for when the field is empty (e.g. "end today?"). The listener runs in
  // the capture phase on the document, before htmx's own submit listener on a boosted form, so one place covers
  // boosted (htmx) and normal submits; a dismissed question submits nothing.
  function question(form, submitter) {
    var source = submitter && submitter.hasAttribute('data-confirm') ? submitter : form;
    var text = source.getAttribute('data-confirm');
    if (!text) {
      return null;
    }
    var fieldName = source.getAttribute('data-confirm-field');
    if (fieldName) {
      var field = form.elements.namedItem(fieldName);
      var value = field && typeof field.value === 'string' ? field.value.trim() : '';
      if (!value) {
        return source.getAttribute('data-confirm-blank') || text;
      }
      return text.split('{value}').join(value);
    }
    return text;
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var text = question(form, event.submitter);
    if (text && !window.confirm(text)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // the search facets fold away on a phone, so the results come first; beside the results they stay open
  function foldFacets() {
    var narrow = window.matchMedia('(max-width: 767.98px)').matches;
    document.querySelectorAll('details.facet-panel').forEach(function (panel) {
      panel.open = !narrow;
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', foldFacets);
  } else {
    foldFacets();
  }
  document.addEventListener('htmx:afterSettle', function (event) {
    if (event.target instanceof Element && !event.target.closest('.topbar')) {
      foldFacets();
    }
  });
  // A request htmx made that the server refused (404, 403, 413, 500…) is not swapped in: without this the click
  // would seem to do nothing. A boosted link is followed again as a normal page load, which shows the server's error
  // page; a form submitted by htmx says what the server answered.
  document.addEventListener('htmx:responseError', function (event) {
    var detail = event.detail;
    var config = detail.requestConfig || {};
    if (detail.boosted && String(config.verb).toLowerCase() === 'get') {
      window.location.assign(detail.pathInfo && detail.pathInfo.requestPath ? detail.pathInfo.requestPath : config.path);
      return;
    }
    var source = detail.elt;
    if (!(source instanceof Element) || !source.closest('form')) {
      return; // a poll or a fragment of its own (the notice bell): the page stays as it is
    }
    var message = null;
    try {
      var problem = JSON.parse(detail.xhr.responseText);
      message = problem.detail || problem.title;
    } catch (ignored) {
      // not a problem document: the generic message below
    }
    window.alert(message || (meta('trithuc-request-failed') || '') + ' (' + detail.xhr.status + ')');
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
