//! Mounting the widget into the loader's shadow root.
//!
//! Styles go in as a constructable stylesheet (`adoptedStyleSheets`), which a strict host CSP
//! allows without `'unsafe-inline'` and which never leaks into the host page. The render root
//! carries its own `lang` and `dir`, whatever the host's `<html>` says.

use koban_core::boot::BootConfig;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::app::App;
#[cfg(feature = "desk")]
use crate::conversation::Conversations;
#[cfg(feature = "desk")]
use crate::flow::FlowDesk;
use crate::host::{Host, warn};
use crate::mounted::Mounted;
use crate::state::WidgetState;
#[cfg(feature = "desk")]
use crate::ticket::TicketDesk;

/// The widget's CSS: every file of `style/`, concatenated and minified by `build.rs`.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/koban.css"));

/// What booting needs beyond the host and config: in the desk build, the panel handed over by
/// the first build (`None` when booted directly).
#[cfg(feature = "desk")]
pub type Extra = Option<crate::state::Handover>;
/// What booting needs beyond the host and config: in the first build, the stage that hands the
/// panel over to the desk build (held weakly: the stage holds the mounted view).
#[cfg(not(feature = "desk"))]
pub type Extra = std::rc::Weak<crate::stage::Stage>;

/// Mounts the widget view into `host.root()` and returns the handle.
pub fn mount(host: Host, config: BootConfig, extra: Extra) -> Mounted {
    let root = host.root();
    let host_launcher = host.launcher();
    adopt_styles(&root, &config.theme.css());
    let state = WidgetState::new(
        host,
        &config,
        crate::locale::negotiated(None, config.locale.as_deref()),
    );
    let api_base = state.api.with_value(|a| a.base().to_string());
    #[cfg(feature = "desk")]
    let (desk, flows, talks, listeners, quiet) = {
        let quiet = extra.is_some();
        if let Some(handover) = extra {
            state.restore(handover);
        }
        let talks = Conversations::new(state, &api_base);
        let desk = TicketDesk::new(state, &api_base, talks);
        let flows = FlowDesk::new(state, &api_base);
        let listeners = vec![
            // Back online: send what waits in the outbox (the ticket, follow-ups). Leaving the
            // page: save the draft now.
            window_event_listener(leptos::ev::online, move |_| {
                crate::ticket::send::deliver(desk);
                talks.deliver_waiting();
            }),
            window_event_listener(leptos::ev::pagehide, move |_| desk.save_now()),
        ];
        (desk, flows, talks, listeners, quiet)
    };
    // The first build sends nothing itself: a ticket waiting in the outbox (now, or when the
    // browser is back online) is the desk build's to send, so it takes over.
    #[cfg(not(feature = "desk"))]
    let (deliver, listeners, quiet) = {
        let stage = extra.clone();
        let deliver = move || {
            if let Some(stage) = stage
                .upgrade()
                .filter(|_| crate::storage::has_outbox(&api_base))
            {
                stage.load(None);
            }
        };
        let again = deliver.clone();
        let listeners = vec![window_event_listener(leptos::ev::online, move |_| again())];
        (deliver, listeners, false)
    };
    let launcher = host_launcher.clone();
    let follow_root = root.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        crate::locale::follow(state, follow_root.clone(), launcher.clone());
        provide_context(state);
        #[cfg(feature = "desk")]
        {
            provide_context(desk);
            provide_context(flows);
            provide_context(talks);
        }
        #[cfg(not(feature = "desk"))]
        crate::components::upgrading::provide(state, extra);
        view! { <App/> }
    });
    #[cfg(feature = "desk")]
    {
        crate::ticket::send::deliver(desk);
        talks.deliver_waiting();
    }
    #[cfg(not(feature = "desk"))]
    deliver();
    if !quiet {
        state.emit("ready", JsValue::UNDEFINED);
    }
    Mounted {
        state,
        #[cfg(feature = "desk")]
        desk,
        #[cfg(feature = "desk")]
        flows,
        #[cfg(feature = "desk")]
        talks,
        root,
        handle: Box::new(handle),
        listeners,
    }
}

/// Adds the widget stylesheet to the shadow root that contains `root` (once), then the host's
/// theme (`theme_css`, from koban-core `Theme::css`) after it, replaced on every boot.
pub fn adopt_styles(root: &web_sys::HtmlElement, theme_css: &str) {
    let Some(shadow) = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok() else {
        warn("the render root is not inside a shadow root; styles not applied");
        return;
    };
    adopt_once(&shadow, "kobanSheet", CSS);
    adopt_once(&shadow, "kobanTheme", theme_css);
}

/// Appends a constructable stylesheet with `css` to the shadow root's adopted sheets, remembered
/// under `key`; a later call with the same key replaces that sheet's rules in place.
fn adopt_once(shadow: &web_sys::ShadowRoot, key: &str, css: &str) {
    let key = JsValue::from_str(key);
    if let Some(sheet) = js_sys::Reflect::get(shadow, &key)
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::CssStyleSheet>().ok())
    {
        sheet.replace_sync(css).ok();
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    sheet.replace_sync(css).ok();
    let adopted = js_sys::Reflect::get(shadow, &JsValue::from_str("adoptedStyleSheets"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default();
    let sheets = adopted.slice(0, adopted.length());
    sheets.push(&sheet);
    let _ = js_sys::Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets);
    let _ = js_sys::Reflect::set(shadow, &key, &sheet);
}
