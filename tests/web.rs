//! Browser test (wasm-bindgen-test in headless Chromium): the app mounts, builds its later
//! sections in the following tasks (`#main` stops being aria-busy), and the
//! Reproducibility section shows the ledger with the known discrepancies flagged.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// Resolves after a 10 ms browser timer (the page's own tasks run meanwhile).
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

#[wasm_bindgen_test]
async fn reproducibility_section_mounts_and_flags_discrepancies() {
    let doc = document();
    let host = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&host).expect("append");
    let host: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(host).expect("html element");
    leptos::mount::mount_to(host, study_explorer::ui::app::App).forget();

    // The page holds the header and the controls; the sections come in later tasks.
    assert!(doc.get_element_by_id("controls").is_some(), "the controls are built with the page");
    assert!(doc.get_element_by_id("about").is_none(), "#about is built after the page");
    assert!(doc.get_element_by_id("apa-primary").is_none(), "#test is built after the page");
    assert_eq!(
        doc.query_selector("#main")
            .expect("query")
            .and_then(|m| m.get_attribute("aria-busy"))
            .as_deref(),
        Some("true")
    );
    let mut waited = 0;
    while doc.query_selector("#main[aria-busy=false]").expect("query").is_none() {
        assert!(waited < 1000, "every section is built within 10 s");
        pause().await;
        waited += 1;
    }

    let section = doc.get_element_by_id("reproducibility").expect("#reproducibility is rendered");
    let rows = section.query_selector_all("tr[data-id]").expect("query");
    // 24 table statistics, 4 test rows, 5 demographic p, 2 ratios, 4 sizes, 2 counts, 44 rows.
    assert_eq!(rows.length(), 85);
    let flagged = section.query_selector_all("tr.status-discrepancy").expect("query");
    assert_eq!(flagged.length(), 3);
    let sd = section
        .query_selector("tr[data-id='monthly-development-diff-sd']")
        .expect("query")
        .expect("the monthly Development SD row");
    let text = sd.text_content().unwrap_or_default();
    assert!(text.contains("1602.52") && text.contains("1602.42"), "{text}");
    let t = section.query_selector("tr[data-id='quarterly-t']").expect("query").expect("t row");
    assert!(t.class_list().contains("status-match"));
    assert!(t.text_content().unwrap_or_default().contains("3.99"));
}
