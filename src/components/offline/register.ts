/**
 * Registers the service worker that keeps the whole site usable offline (see astro.config.mjs),
 * and announces a new version without ever reloading by itself: a questionnaire in progress is
 * never interrupted. This is the only script content pages carry (budget: 1 KB gzip).
 */
const notice = document.getElementById('update-notice');

/** Shows the "new version" notice; its button lets the waiting worker take over, then reloads. */
function announce(worker: ServiceWorker): void {
  if (notice === null) return;
  notice.hidden = false;
  notice.querySelector('button')?.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      location.reload();
    });
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      // Only an update needs announcing: the first install has no older version to replace.
      const waiting = registration.waiting;
      if (waiting !== null && navigator.serviceWorker.controller !== null) announce(waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller !== null) {
            announce(worker);
          }
        });
      });
    })
    .catch(() => {
      // Offline use is a bonus: the site works the same without it (private mode, old browser).
    });
}
