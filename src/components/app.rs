//! The root component: provides the content resource and shows the panel when it is open
//! (always, inline).

use leptos::prelude::*;

use crate::components::nudge::Nudge;
use crate::components::panel::Panel;
use crate::content::provide_content;
use crate::state::WidgetState;

/// Root of the widget view; expects [`WidgetState`] in context.
#[component]
pub fn App() -> impl IntoView {
    let state = WidgetState::expect();
    provide_content(state);
    let floating = state.mode == koban_core::boot::Mode::Floating;
    view! {
        // Re-rendered when the UI strings change (another locale's messages arrived); everything
        // the user was doing lives in signals and storage, so it comes back as it was.
        {move || {
            state.strings.track();
            state.open().then(|| view! { <Panel/> })
        }}
        {floating.then(|| view! { <Nudge/> })}
    }
}
