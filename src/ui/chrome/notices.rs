//! The notice under the header listing what the page's URL asked for that was ignored.

use crate::ui::state::{tr, use_app_state};
use leptos::prelude::*;

/// Shows what the URL asked for that was ignored.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.notices.with(|n| !n.is_empty()) fallback=|| ()>
            <div class="notice" role="status" id="url-notices">
                <p><strong>{tr(state, |t| t.notices_title)}</strong></p>
                <ul>{move || state.notices.get().into_iter().map(|n| view! { <li>{n.text(state.t())}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| state.notices.set(Vec::new())>{tr(state, |t| t.dismiss)}</button>
            </div>
        </Show>
    }
}
