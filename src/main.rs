//! Binary entry point: mounts the Leptos app in the browser (`wasm32`), and does nothing natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    study_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Study Explorer is a browser app: run `make serve` and open http://127.0.0.1:8080");
}
