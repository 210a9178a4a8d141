//! The workshop module's entry point: a second wasm that the page loads when the reader
//! reaches `#workshop` (`public/boot.js`); it mounts the workshop into the page's section.
//! Natively it does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    study_explorer::workshop::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The workshop is a module of the Study Explorer page: run `make serve`");
}
