// The commune of residence after a postcode (ADR 0051): <div data-commune-for="ID of the postcode field"> holding a
// <select>. As five digits are typed, the list is filled from GET /api/v1/communes?codePostal=…: one commune is chosen,
// several are offered after « Choisissez votre commune », none hides the list. Without JavaScript the server does the same
// when the form comes back.
(function () {
  'use strict';
  document.querySelectorAll('[data-commune-for]').forEach(function (field) {
    var postcode = document.getElementById(field.getAttribute('data-commune-for'));
    var select = field.querySelector('select');
    if (!postcode || !select || !window.fetch) {
      return;
    }
    var asked = null;
    var fill = function (communes) {
      var kept = select.value;
      while (select.options.length > 0) {
        select.remove(0);
      }
      if (communes.length !== 1) {
        select.add(new Option(select.getAttribute('data-choose') || '', ''));
      }
      communes.forEach(function (c) {
        var option = new Option(c.nom, c.insee);
        option.selected = communes.length === 1 || c.insee === kept;
        select.add(option);
      });
      select.required = communes.length > 1;
      field.hidden = communes.length === 0;
    };
    var update = function () {
      var code = postcode.value.replace(/\s/g, '');
      if (code === asked) {
        return;
      }
      asked = code;
      if (!/^\d{5}$/.test(code)) {
        fill([]);
        return;
      }
      fetch('/api/v1/communes?codePostal=' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (communes) {
          if (asked === code) {
            fill(communes);
          }
        }, function () { /* offline: the server answers the form with the list */ });
    };
    asked = postcode.value.replace(/\s/g, '');
    postcode.addEventListener('input', update);
    postcode.addEventListener('change', update);
  });
})();
