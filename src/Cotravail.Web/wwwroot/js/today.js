// « Aujourd'hui » refreshes its live part every ~30 s without a full reload; without JavaScript, the « Actualiser » link does it.
(function () {
    var live = document.getElementById('aujourdhui-live');
    if (!live || !window.fetch || !window.DOMParser) { return; }
    var seconds = parseInt(live.getAttribute('data-refresh'), 10) || 30;
    window.setInterval(function () {
        // Never pull the content from under someone using it.
        if (live.contains(document.activeElement) || document.hidden) { return; }
        fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
                if (!html || live.contains(document.activeElement)) { return; }
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('aujourdhui-live');
                if (fresh) { live.innerHTML = fresh.innerHTML; }
            })
            .catch(function () { });
    }, seconds * 1000);
})();
