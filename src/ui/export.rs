//! Downloads made in the page: text (CSV, JSON, BibTeX) through a Blob URL, and data URLs
//! (chart PNGs). Nothing is uploaded anywhere.

use wasm_bindgen::JsCast;

/// Starts a download of `url` as `filename` (a temporary, invisible link).
pub fn download_url(url: &str, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// A file's name without its extension, safe in a download's name: `my data.csv` gives
/// `my-data`.
pub fn file_stem(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let safe: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    safe.chars().take(60).collect()
}

/// Downloads `text` as a file of type `mime`.
pub fn download_text(text: &str, mime: &str, filename: &str) {
    let parts = js_sys_array(text);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    download_url(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let arr = js_sys::Array::new();
    arr.push(&wasm_bindgen::JsValue::from_str(text));
    arr.into()
}
