//! The root component: shows the panel when it is open (always, inline).

use leptos::prelude::*;

use crate::components::panel::Panel;
use crate::state::WidgetState;

/// Root of the widget view; expects [`WidgetState`] in context.
#[component]
pub fn App() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    view! {
        <Show when=move || state.open()>
            <Panel/>
        </Show>
    }
}
