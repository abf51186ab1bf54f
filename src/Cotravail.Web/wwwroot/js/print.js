// The receipt's « Imprimer » button: shown only when JavaScript can print; without it, the browser's own Print prints the page.
(function () {
    var button = document.getElementById('imprimer');
    if (!button || !window.print) { return; }
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
})();
