// Starts the app without an inline script, so the Content-Security-Policy can forbid them.
// Trunk writes the hashed file names into this script tag's data attributes.
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// Offline support: register the service worker (sw.js, next to this file), show whether the
// explorer is available offline, and offer a reload when a new version has been deployed.
const status = document.getElementById('offline-status');
const say = (text) => { if (status) status.textContent = text; };

let wantReload = false;

function offerReload(worker) {
  if (!status) return;
  status.textContent = 'A new version of Study Explorer is available. ';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload for the new version';
  button.addEventListener('click', () => { wantReload = true; worker.postMessage('skip-waiting'); });
  status.append(button);
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  // Reload only when the reader asked for the new version (the first install also
  // changes the controller, and must not reload the page).
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!wantReload) return;
    wantReload = false;
    window.location.reload();
  });
  try {
    const registration = await navigator.serviceWorker.register(new URL('sw.js', import.meta.url));
    if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state !== 'installed') return;
        if (navigator.serviceWorker.controller) offerReload(worker);
        else say('\u2713 Available offline');
      });
    });
    await navigator.serviceWorker.ready;
    if (!registration.waiting) say('\u2713 Available offline');
  } catch (error) {
    say('Offline use is not available in this browser.');
  }
}
