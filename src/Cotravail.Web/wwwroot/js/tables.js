// Tables on a phone become cards, one per row, each value under its column's name (« Produit : Carnet 10 jours »),
// so that no word is cut to fit a narrow column. Each cell gets its column header as data-label; ARIA roles keep the
// table's meaning for screen readers when the style shows rows as blocks. Without JavaScript the table stays a table.
(function () {
  'use strict';
  var spans = function (table) {
    return Array.prototype.some.call(table.querySelectorAll('th, td'), function (c) { return c.colSpan > 1 || c.rowSpan > 1; });
  };
  var role = function (el, name) { el.setAttribute('role', name); };
  Array.prototype.forEach.call(document.querySelectorAll('main table:not(.keep-table)'), function (table) {
    var head = table.tHead;
    if (!head || head.rows.length !== 1 || spans(table)) {
      return;
    }
    var labels = Array.prototype.map.call(head.rows[0].cells, function (c) { return c.textContent.replace(/\s+/g, ' ').trim(); });
    role(table, 'table');
    Array.prototype.forEach.call(table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot'), function (group) {
      role(group, 'rowgroup');
      Array.prototype.forEach.call(group.rows, function (row) {
        role(row, 'row');
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (group === head) {
            role(cell, 'columnheader');
            return;
          }
          role(cell, cell.tagName === 'TH' ? 'rowheader' : 'cell');
          if (labels[i] && !(cell.tagName === 'TH' && i === 0)) {
            cell.setAttribute('data-label', labels[i]);
          }
        });
      });
    });
    table.classList.add('as-cards');
  });
})();
