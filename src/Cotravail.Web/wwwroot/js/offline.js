// Registers the service worker (/sw.js) that keeps the member card and the bookings readable offline, and tells it
// to forget the kept pages when someone signs out on this device.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    return;
  }
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {
      // Without the worker the site works as before, online only.
    });
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var action = form && form.getAttribute && form.getAttribute('action');
    if (action && /\/compte\/deconnexion$/.test(action) && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: 'forget' });
    }
  });
})();
