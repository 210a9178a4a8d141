// Starts the app without an inline script, so the Content-Security-Policy can forbid them.
// Trunk writes the hashed file names into this script tag's data attributes.
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
