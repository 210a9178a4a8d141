// Starts the app without an inline script, so the Content-Security-Policy can forbid them.
// Trunk writes the hashed file names into this script tag's data attributes.
// Until the app takes over the prerendered page (src/ui/takeover.rs), a note over it says
// the interactive parts are loading (#boot-status): on a slow connection the wasm takes a
// while, and the app mounts in the same task as it starts.
const tag = document.querySelector('script[data-js][data-wasm]');
const bootStatus = document.getElementById('boot-status');
if (bootStatus) bootStatus.hidden = false;

// An embedded page (`embed=1`, read as crates/core/src/reader/embed.rs reads it: the last
// value counts) shows the controls and one section, so the prerendered article stays out
// of sight until the app replaces it (src/ui/takeover.rs shows the root again).
const embed = new URLSearchParams(location.search).getAll('embed').at(-1)?.trim().toLowerCase();
if (['1', 'true', 'yes', 'on'].includes(embed)) document.getElementById('app')?.setAttribute('hidden', '');

// The workshop module (src/bin/workshop.rs, a wasm of its own) is not part of the first
// load: the page asks for it when the reader reaches #workshop (ui::sections::workshop),
// and it is imported from the hashed names the build wrote on this tag. The answer is an
// event: ready once it has mounted, or failed with the browser's words (asking again
// retries).
let workshop = null;
window.addEventListener('study-explorer:workshop-load', () => {
  if (workshop) return;
  workshop = (async () => {
    const { workshopJs, workshopWasm } = tag.dataset;
    if (!workshopJs || !workshopWasm) throw new Error('this build names no workshop module');
    const { default: initWorkshop } = await import(workshopJs);
    await initWorkshop({ module_or_path: workshopWasm });
  })().then(
    () => window.dispatchEvent(new Event('study-explorer:workshop-ready')),
    (error) => {
      workshop = null;
      window.dispatchEvent(new CustomEvent('study-explorer:workshop-failed', { detail: String(error?.message ?? error) }));
    },
  );
});

try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  if (bootStatus) {
    bootStatus.textContent = 'Study Explorer could not start in this browser (it needs WebAssembly). ';
    const zh = document.createElement('span');
    zh.lang = 'zh-Hans';
    zh.textContent = '研究浏览器无法在此浏览器中启动（需要 WebAssembly）。';
    bootStatus.append(zh);
  }
  throw error;
}
bootStatus?.remove();

// Offline support: register the service worker (sw.js, next to this file), show whether the
// explorer is available offline, and offer a reload when a new version has been deployed.
// The words come from the page (data-* attributes the app keeps in the reader's language).
const status = document.getElementById('offline-status');
let shown = null; // 'ready' | 'update' | 'unavailable'
let waitingWorker = null;
let wantReload = false;

function render() {
  if (!status || !shown) return;
  const words = status.dataset;
  if (shown === 'ready') status.textContent = `\u2713 ${words.ready}`;
  if (shown === 'unavailable') status.textContent = words.unavailable;
  if (shown === 'update') {
    status.textContent = `${words.update} `;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = words.reload;
    button.addEventListener('click', () => { wantReload = true; waitingWorker?.postMessage('skip-waiting'); });
    status.append(button);
  }
}
const say = (what) => { shown = what; render(); };
if (status) new MutationObserver(render).observe(status, { attributes: true, attributeFilter: ['data-ready', 'data-update', 'data-reload', 'data-unavailable'] });

function offerReload(worker) {
  waitingWorker = worker;
  say('update');
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
        else say('ready');
      });
    });
    await navigator.serviceWorker.ready;
    if (!registration.waiting) say('ready');
  } catch (error) {
    say('unavailable');
  }
}
