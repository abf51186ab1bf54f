// Maps of the sites (Leaflet, shipped in /lib/leaflet). Nothing is loaded until a map comes near the screen: then
// Leaflet's style and script are added to the page and the map is drawn with its tiles and one marker per place.
// Markers are reached with Tab (their name is read), Enter opens the link to the place's page; Tab leaves the map.
(function () {
  'use strict';
  var maps = Array.prototype.slice.call(document.querySelectorAll('[data-map]'));
  if (maps.length === 0) {
    return;
  }
  var loading = null;

  function leaflet(el) {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = el.getAttribute('data-leaflet-css');
        document.head.appendChild(css);
        var script = document.createElement('script');
        script.src = el.getAttribute('data-leaflet-js');
        script.onload = function () { resolve(window.L); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function places(el) {
    var list = el.parentNode.querySelectorAll('[data-lat]');
    return Array.prototype.map.call(list, function (li) {
      return {
        lat: parseFloat(li.getAttribute('data-lat')),
        lon: parseFloat(li.getAttribute('data-lon')),
        name: li.getAttribute('data-name'),
        href: li.getAttribute('data-href')
      };
    });
  }

  function draw(L, el) {
    var map = L.map(el, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: el.getAttribute('data-zoom-in'), zoomOutTitle: el.getAttribute('data-zoom-out') }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(el.getAttribute('data-tiles'), { attribution: el.getAttribute('data-attribution'), maxZoom: 19 }).addTo(map);
    var points = places(el);
    var bounds = [];
    points.forEach(function (p) {
      var marker = L.marker([p.lat, p.lon], { title: p.name, alt: p.name, keyboard: true }).addTo(map);
      var link = document.createElement('a');
      link.href = p.href;
      link.textContent = p.name;
      marker.bindPopup(link);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 14);
    } else {
      map.fitBounds(bounds, { padding: [32, 32], maxZoom: 14 });
    }
    el.classList.add('map-ready');
  }

  function start(el) {
    leaflet(el).then(function (L) { draw(L, el); });
  }

  maps.forEach(function (el) { el.hidden = false; });
  if (!('IntersectionObserver' in window)) {
    maps.forEach(start);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        start(entry.target);
      }
    });
  }, { rootMargin: '200px 0px' });
  maps.forEach(function (el) { observer.observe(el); });
})();
