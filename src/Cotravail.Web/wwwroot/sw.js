// Cotravail's service worker: the member card, « Mes réservations » and « Mon espace » stay readable offline.
// - These three pages: network first; each 200 answer for a signed-in person is kept (one copy each) and shown
//   offline with a notice « Hors ligne — copie du … ».
// - Every page answer tells whose it is (header X-Cotravail-Account): none (signed out) or another account empties
//   the kept pages, so the next person on this device never sees them.
// - Styles, scripts and icons: cache first when the address is versioned (?v=…), otherwise the copy at once and a
//   fresh one fetched for next time. Nothing else is kept; nothing is asked of any other site.
'use strict';

const VERSION = '1';
const PAGES = 'cotravail-pages-' + VERSION;
const ASSETS = 'cotravail-assets-' + VERSION;
const KEPT_PAGES = ['/ma-carte', '/mes-reservations', '/mon-espace'];
const ASSET_PATHS = ['/css/', '/js/', '/icons/', '/lib/'];
const ACCOUNT = 'x-cotravail-account';
const SAVED_AT = 'x-cotravail-saved-at';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('cotravail-') && name !== PAGES && name !== ASSETS) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'forget') {
    event.waitUntil(caches.delete(PAGES));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, request, url));
  } else if (url.pathname === '/favicon.ico' || ASSET_PATHS.some((p) => url.pathname.startsWith(p))) {
    event.respondWith(asset(event, request, url));
  }
});

async function navigate(event, request, url) {
  const kept = KEPT_PAGES.includes(url.pathname) && url.search === '';
  try {
    const response = await fetch(request);
    if (response.type !== 'opaqueredirect') {
      event.waitUntil(remember(response.clone(), kept ? url.pathname : null));
    }
    return response;
  } catch (offline) {
    const copy = kept ? await (await caches.open(PAGES)).match(url.pathname) : undefined;
    return copy ? withNotice(copy) : offlinePage();
  }
}

/** Forgets the pages of anyone but this answer's account, then keeps this one if it is a kept page. */
async function remember(response, keepAs) {
  const account = response.headers.get(ACCOUNT) || '';
  const cache = await caches.open(PAGES);
  for (const key of await cache.keys()) {
    const old = await cache.match(key);
    if (!account || !old || old.headers.get(ACCOUNT) !== account) {
      await cache.delete(key);
    }
  }
  if (keepAs && account && response.status === 200 && !response.redirected) {
    const headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    headers.set(SAVED_AT, new Date().toISOString());
    await cache.put(keepAs, new Response(await response.arrayBuffer(), { status: 200, headers }));
  }
}

async function withNotice(copy) {
  const html = await copy.text();
  const english = /<html[^>]*\blang="en"/.test(html);
  const saved = new Date(copy.headers.get(SAVED_AT) || Date.now());
  const when = new Intl.DateTimeFormat(english ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(saved);
  const text = english
    ? 'Offline — copy of ' + when + ': what changed since is not shown.'
    : 'Hors ligne — copie du ' + when + ' : ce qui a changé depuis n\u2019y figure pas.';
  const notice = '<p class="offline-notice" role="status" id="hors-ligne">' + text + '</p>';
  const marked = html.replace(/<main\b[^>]*>/, (main) => main + notice);
  const headers = new Headers(copy.headers);
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(marked, { status: 200, headers });
}

async function offlinePage() {
  const english = (self.navigator.language || '').startsWith('en');
  const kept = (await (await caches.open(PAGES)).keys()).map((r) => new URL(r.url).pathname);
  const names = english
    ? { '/ma-carte': 'My card', '/mes-reservations': 'My bookings', '/mon-espace': 'My space' }
    : { '/ma-carte': 'Ma carte', '/mes-reservations': 'Mes réservations', '/mon-espace': 'Mon espace' };
  const links = KEPT_PAGES.filter((p) => kept.includes(p)).map((p) => '<li><a href="' + p + '">' + names[p] + '</a></li>').join('');
  const body = english
    ? '<h1>Offline</h1><p>This page has no copy on this device. Try again once connected.</p>' + (links ? '<p>Readable offline:</p><ul>' + links + '</ul>' : '')
    : '<h1>Hors ligne</h1><p>Cette page n\u2019a pas de copie sur cet appareil. Réessayez une fois connecté·e.</p>' + (links ? '<p>Lisibles hors ligne :</p><ul>' + links + '</ul>' : '');
  const html = '<!DOCTYPE html><html lang="' + (english ? 'en' : 'fr') + '"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>' + (english ? 'Offline' : 'Hors ligne') + ' – Cotravail</title>'
    + '<link rel="stylesheet" href="/css/site.css"></head><body><main id="contenu" class="wrap">' + body + '</main></body></html>';
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
  });
}

async function asset(event, request, url) {
  const cache = await caches.open(ASSETS);
  const versioned = url.searchParams.has('v');
  const copy = await cache.match(request);
  if (copy && versioned) {
    return copy;
  }
  const fresh = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') {
      for (const key of await cache.keys()) {
        if (new URL(key.url).pathname === url.pathname) {
          await cache.delete(key); // one version of each file
        }
      }
      await cache.put(request, response.clone());
    }
    return response;
  });
  if (copy) {
    event.waitUntil(fresh.catch(() => undefined));
    return copy;
  }
  try {
    return await fresh;
  } catch (offline) {
    const any = await cache.match(request, { ignoreSearch: true });
    if (any) {
      return any;
    }
    throw offline;
  }
}
