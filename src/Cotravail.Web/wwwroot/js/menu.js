// The header's menu works without this file (<details>, ADR 0046). With it: Escape closes the innermost open part (a
// group, then the menu) and puts the focus back on its button; a click or the focus elsewhere closes what is open; a
// browser without exclusive <details name> still keeps one group open at a time.
(() => {
  const header = document.querySelector('.site-header');
  if (!header) return;
  const menu = header.querySelector('details.menu');
  const groups = () => [...header.querySelectorAll('.nav-group details')];
  const isRow = () => !!menu && getComputedStyle(menu.querySelector(':scope > summary')).display === 'none';

  const close = (details, focus) => {
    details.open = false;
    if (focus) details.querySelector(':scope > summary').focus();
  };

  document.addEventListener('keydown', e => {
    if (e.key !== 'Escape') return;
    const open = [...header.querySelectorAll('details[open]')];
    if (open.length === 0) return;
    const holding = open.filter(d => d.contains(document.activeElement));
    if (holding.length > 0) {
      close(holding[holding.length - 1], true);
    } else {
      open.forEach(d => close(d, false));
    }
    e.preventDefault();
  });

  document.addEventListener('click', e => {
    for (const d of header.querySelectorAll('details[open]')) {
      if (!d.contains(e.target)) d.open = false;
    }
  });

  // Focus moving on elsewhere closes what would hide it: on a wide screen a group's list, on a phone the whole menu.
  header.addEventListener('focusout', e => {
    const to = e.relatedTarget;
    if (!to || !menu) return;
    if (!isRow()) {
      if (menu.open && !menu.contains(to)) menu.open = false;
      return;
    }
    for (const d of groups()) {
      if (d.open && !d.contains(to)) d.open = false;
    }
  });

  header.addEventListener('toggle', e => {
    const opened = e.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.closest('.nav-group')) return;
    for (const d of groups()) {
      if (d !== opened && d.open) d.open = false;
    }
  }, true);
})();
