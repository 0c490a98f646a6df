//! Browser unit tests (wasm-bindgen-test in headless Chromium): mounting into a shadow root,
//! the dialog's open/close/Escape behaviour and the events the widget emits.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use koban_widget::{Host, Widget, boot};
use leptos::task::tick;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{
    HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

struct Fixture {
    shadow: ShadowRoot,
    launcher: HtmlElement,
    root: HtmlElement,
    events: Array,
    widget: Widget,
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A host object as the loader makes it (shadow root, launcher, render root, event log), and
/// the widget booted on it by `boot`.
fn mount(config: &str) -> Fixture {
    mount_with(config, boot)
}

fn mount_with(config: &str, boot: impl FnOnce(Host) -> Widget) -> Fixture {
    let doc = document();
    let host_el = doc.create_element("koban-widget").unwrap();
    doc.body().unwrap().append_child(&host_el).unwrap();
    let shadow = host_el
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let launcher: HtmlElement = doc.create_element("button").unwrap().unchecked_into();
    launcher.set_text_content(Some("Help"));
    shadow.append_child(&launcher).unwrap();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    shadow.append_child(&root).unwrap();

    let events = Array::new();
    let sink = events.clone();
    let emit = Closure::<dyn Fn(String)>::new(move |name: String| {
        sink.push(&name.into());
    })
    .into_js_value();
    let host = Object::new();
    Reflect::set(&host, &"root".into(), &root).unwrap();
    Reflect::set(&host, &"launcher".into(), &launcher).unwrap();
    Reflect::set(
        &host,
        &"config".into(),
        &js_sys::JSON::parse(config).unwrap(),
    )
    .unwrap();
    Reflect::set(&host, &"emit".into(), &emit).unwrap();
    let widget = boot(host.unchecked_into::<Host>());
    let root = root.clone();
    Fixture {
        shadow,
        launcher,
        root,
        events,
        widget,
    }
}

fn events(f: &Fixture) -> Vec<String> {
    f.events.iter().filter_map(|v| v.as_string()).collect()
}

fn query(f: &Fixture, selector: &str) -> Option<web_sys::Element> {
    f.shadow.query_selector(selector).unwrap()
}

#[wasm_bindgen_test]
async fn boot_adopts_styles_into_the_shadow_root_and_emits_ready() {
    let host_sheets = document().style_sheets().length();
    let f = mount("{}");
    tick().await;
    let sheets = Reflect::get(&f.shadow, &"adoptedStyleSheets".into()).unwrap();
    // The widget's stylesheet, then the theme's (empty without `theme`).
    assert_eq!(sheets.unchecked_into::<Array>().length(), 2);
    assert_eq!(events(&f), vec!["ready"]);
    assert!(
        query(&f, "[role=dialog]").is_none(),
        "floating panel starts closed"
    );
    // Nothing was added to the host document's own stylesheets.
    assert_eq!(document().style_sheets().length(), host_sheets);
}

#[wasm_bindgen_test]
async fn open_renders_a_labelled_dialog_and_escape_closes_it() {
    let f = mount("{}");
    f.widget.open(wasm_bindgen::JsValue::UNDEFINED);
    tick().await;
    let dialog = query(&f, "[role=dialog]").expect("dialog rendered");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let title = query(&f, &format!("#{title_id}")).unwrap();
    assert_eq!(title.text_content().unwrap(), "Help");
    assert!(f.widget.is_open());

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    dialog.dispatch_event(&esc).unwrap();
    tick().await;
    assert!(
        query(&f, "[role=dialog]").is_none(),
        "Escape closes the dialog"
    );
    let active = f
        .shadow
        .active_element()
        .expect("focus inside the shadow root");
    assert!(
        active.is_same_node(Some(&f.launcher)),
        "focus returns to the launcher"
    );
    assert_eq!(events(&f), vec!["ready", "open", "close"]);
}

#[wasm_bindgen_test]
async fn toggle_and_shutdown() {
    let mut f = mount("{}");
    f.widget.toggle();
    tick().await;
    assert!(query(&f, "[role=dialog]").is_some());
    f.widget.toggle();
    tick().await;
    assert!(query(&f, "[role=dialog]").is_none());
    f.widget.open(wasm_bindgen::JsValue::UNDEFINED);
    tick().await;
    assert!(query(&f, ".kb-panel").is_some());
    f.widget.shutdown();
    tick().await;
    assert_eq!(
        f.root.child_nodes().length(),
        0,
        "shutdown leaves nothing in the render root"
    );
    // The handle outlives the view: what the host calls on it now shows nothing and emits nothing.
    f.widget.open(wasm_bindgen::JsValue::UNDEFINED);
    f.widget.toggle();
    tick().await;
    assert!(
        query(&f, ".kb-panel").is_none(),
        "nothing comes back after shutdown"
    );
    assert_eq!(events(&f), vec!["ready", "open", "close", "open"]);
}

#[wasm_bindgen_test]
async fn inline_mode_renders_a_region_without_close_button() {
    let f = mount(r##"{"mode":"inline","mount":"#help"}"##);
    tick().await;
    let region = query(&f, "[role=region]").expect("inline region rendered at once");
    assert!(region.get_attribute("aria-labelledby").is_some());
    assert!(query(&f, ".kb-close").is_none());
    f.widget.close();
    tick().await;
    assert!(
        query(&f, "[role=region]").is_some(),
        "inline panels cannot be closed"
    );
}

#[wasm_bindgen_test]
async fn root_carries_its_own_lang_and_dir() {
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "de")
        .unwrap();
    let f = mount(r#"{"locale":"en"}"#);
    tick().await;
    let root = f.shadow.query_selector("div").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("de"),
        "host <html> untouched"
    );
}

/// Markdown with a script, an event-handler attribute and a `javascript:` link, forced through the
/// compiler (which `koban content check` would refuse) and rendered by the widget: inert.
#[wasm_bindgen_test]
async fn hostile_markdown_forced_through_the_compiler_renders_inert() {
    use koban_core::content::{Block, Inline, compile_markdown};
    use koban_widget::components::blocks::Blocks;
    use leptos::prelude::*;

    let source =
        include_str!("../crates/koban-core/tests/fixtures/bad-xss/en/articles/node-offline.md");
    let body = source.splitn(3, "+++").nth(2).unwrap();
    let mut blocks = compile_markdown(body).blocks;
    // A hostile server could also send such a tree directly: the widget must not trust it.
    blocks.push(Block::Paragraph(vec![
        Inline::Text("<img src=x onerror=alert(2)>".into()),
        Inline::Link {
            href: "javascript:alert(3)".into(),
            content: vec![Inline::Text("y".into())],
        },
        Inline::Link {
            href: " JAVASCRIPT:alert(4)".into(),
            content: vec![Inline::Text("z".into())],
        },
    ]));
    blocks.push(Block::Image {
        src: "javascript:alert(5)".into(),
        alt: "pic".into(),
    });
    // A link to another article stays inside the widget (opened by the panel, not the browser).
    blocks.push(Block::Paragraph(vec![Inline::Link {
        href: "#article:node-offline".into(),
        content: vec![Inline::Text("see also".into())],
    }]));

    let window = web_sys::window().unwrap();
    let trap = js_sys::Function::new_with_args("", "window.__xss = true");
    Reflect::set(&window, &"alert".into(), &trap).unwrap();
    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(
        container.clone(),
        move || view! { <Blocks blocks=blocks.clone()/> },
    );
    tick().await;

    assert!(
        container.query_selector("script").unwrap().is_none(),
        "no script element"
    );
    assert!(
        container.query_selector("img").unwrap().is_none(),
        "no img element"
    );
    assert!(
        container.query_selector("[onerror]").unwrap().is_none(),
        "no onerror attribute"
    );
    let links = container.query_selector_all("a").unwrap();
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        let href = a
            .get_attribute("href")
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(
            !href.trim().starts_with("javascript:"),
            "inert link, got {href}"
        );
    }
    let inside = container
        .query_selector("a[data-kb-article='node-offline']")
        .unwrap()
        .expect("a link to another article");
    assert_eq!(inside.get_attribute("href").as_deref(), Some("#"));
    assert_eq!(inside.get_attribute("target"), None);
    let text = container.text_content().unwrap();
    assert!(text.contains("Before."), "{text}");
    assert!(
        text.contains("<img src=x onerror=alert(2)>"),
        "hostile text shown as text: {text}"
    );
    assert!(
        Reflect::get(&window, &"__xss".into())
            .unwrap()
            .is_undefined(),
        "no script ran"
    );
    drop(handle);
}

/// The view stack travels to the desk build as the text `crate::stage` writes with koban-core's
/// `encode_stack` and `boot_stage2` reads: every route comes back as it was, ids with a line
/// break, a backslash or any other character included, with the query and the open panel, and
/// without a second `ready`.
#[wasm_bindgen_test]
async fn routes_survive_the_hand_over() {
    use koban_core::nav::{Route, encode_stack};
    use leptos::prelude::GetUntracked;
    let routes = vec![
        Route::Home,
        Route::Article("two\nlines".into()),
        Route::Flow("gpu:not found/ü\\n".into()),
        Route::Ticket,
    ];
    let text = encode_stack(&routes);
    let f = mount_with("{}", |host| {
        koban_widget::bridge::boot_stage2(host, &text, "gpu list".into(), true, None)
    });
    tick().await;
    let state = f.widget.state().expect("mounted");
    assert_eq!(state.handover().nav, routes);
    assert_eq!(state.query.get_untracked(), "gpu list");
    assert!(f.widget.is_open());
    assert!(query(&f, ".kb-back").is_some(), "Back leads down the stack");
    assert!(events(&f).is_empty(), "no second `ready`: {:?}", events(&f));
}
