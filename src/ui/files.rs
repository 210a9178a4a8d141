//! Files read in the page: the bytes of a file the reader picks (`Blob.arrayBuffer()`) or
//! of one this site serves (`fetch`), and a browser error in words. The workshop's imports,
//! `#your-data` and the language switch (`ui::lang`) read through here.

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

/// The bytes of a file this site serves (a same-origin `fetch`); the error says what the
/// browser or the server answered.
pub async fn fetch_bytes(url: &str, t: &'static Strings) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or_else(|| t.c_no_window.to_string())?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| js_text(&e, t))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| t.c_not_http.to_string())?;
    if !response.ok() {
        return Err(fill(
            t.c_server_answered,
            &[("status", &response.status().to_string()), ("text", &response.status_text())],
        ));
    }
    let promise = response.array_buffer().map_err(|e| js_text(&e, t))?;
    let buf = JsFuture::from(promise).await.map_err(|e| js_text(&e, t))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
