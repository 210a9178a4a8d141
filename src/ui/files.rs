//! Files the reader picks, read in the page: their bytes (`Blob.arrayBuffer()`) and a
//! browser error in words. The workshop's imports and `#your-data` read through here.

use study_core::text::i18n::{fill, Strings};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A JS error as text.
pub fn js_text(e: &wasm_bindgen::JsValue, t: &Strings) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| t.c_unknown_error.into())
}

/// The bytes of a picked file.
pub async fn read_file(file: &web_sys::File, t: &'static Strings) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        fill(t.c_err_browser_read, &[("file", &file.name()), ("error", &js_text(&e, t))])
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
