//! The JS API bridge between the loader (`public/koban.js`) and the wasm widget.
//!
//! The loader owns the public `Koban(verb, ...)` function, its command queue and event listeners,
//! because they must work before the wasm arrives. Once loaded, it calls [`boot`] once per
//! `boot` verb and forwards verbs to the returned [`Widget`]. Nothing here throws into the host
//! page: bad input becomes a `console.warn` naming the problem.
//!
//! ```js
//! const widget = wasm.boot({ root, launcher, config: JSON.stringify(cfg), emit: (n, d) => {} });
//! widget.open(); widget.set_context(JSON.stringify({ route: "/nodes" })); widget.shutdown();
//! ```

use koban_core::boot::{BootConfig, ConfigValue, ConfigWarning};
use koban_core::home::page_context::active_contexts_from;
use leptos::prelude::Set;
use wasm_bindgen::prelude::*;

use crate::host::{Host, warn};
use crate::mount;
use crate::mounted::Mounted;
use crate::state::Route;
#[cfg(feature = "desk")]
use crate::ticket::Identity;

/// Reads the host's boot object into [`BootConfig`] (validated in koban-core).
fn read_config(config: &JsValue) -> (BootConfig, Vec<ConfigWarning>) {
    if !is_plain_object(config) {
        return (
            BootConfig::default_config(),
            vec![ConfigWarning::NotAnObject],
        );
    }
    BootConfig::from_entries(config_entries(config, true))
}

/// The own entries of a plain object as [`ConfigValue`]s; objects one level down (`theme`) as
/// [`ConfigValue::Map`] when `nested`.
fn config_entries(object: &JsValue, nested: bool) -> Vec<(String, ConfigValue)> {
    let pairs = js_sys::Object::entries(object.unchecked_ref());
    pairs
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let key = pair.get(0).as_string()?;
            let value = pair.get(1);
            let value = match (value.as_string(), value.as_bool()) {
                (Some(s), _) => ConfigValue::Str(s),
                (_, Some(b)) => ConfigValue::Bool(b),
                _ if nested && is_plain_object(&value) && !value.is_function() => {
                    ConfigValue::Map(config_entries(&value, false))
                }
                _ => ConfigValue::Other,
            };
            Some((key, value))
        })
        .collect()
}

/// A plain JS object as JSON text (through the browser's `JSON.stringify`), or `None` for
/// anything else (arrays, functions, cyclic objects).
fn json_text(value: &JsValue) -> Option<String> {
    if !is_plain_object(value) {
        return None;
    }
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// Whether `value` is an object and not an array.
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// A plain JS object as a JSON object.
/// Parsed as a `Value` (whose deserializer the widget has anyway), not as a `Map`, whose own
/// deserializer would bring serde's type-error messages (and float formatting) into the wasm.
fn json_object(value: &JsValue) -> Option<serde_json::Map<String, serde_json::Value>> {
    match serde_json::from_str(&json_text(value)?) {
        Ok(serde_json::Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// A mounted widget, driven by the loader.
#[wasm_bindgen]
pub struct Widget {
    #[cfg(feature = "desk")]
    mounted: Option<Mounted>,
    /// The first build's view and, once the desk build has taken over, its widget.
    #[cfg(not(feature = "desk"))]
    stage: std::rc::Rc<crate::stage::Stage>,
}

/// Mounts the widget for `host` and returns its handle. Config problems are warned about, never
/// thrown.
#[wasm_bindgen]
pub fn boot(host: Host) -> Widget {
    let (config, warnings) = read_config(&host.config());
    for w in &warnings {
        warn(&w.to_string());
    }
    #[cfg(feature = "desk")]
    {
        Widget {
            mounted: Some(mount::mount(host, config, None)),
        }
    }
    #[cfg(not(feature = "desk"))]
    {
        let stage = crate::stage::Stage::new(host.clone().unchecked_into());
        let mounted = mount::mount(host, config, std::rc::Rc::downgrade(&stage));
        *stage.mounted.borrow_mut() = Some(mounted);
        Widget { stage }
    }
}

/// The desk build taking over from the first build (`crate::stage`): mounts on the same `host`
/// showing `nav` (the view stack as [`koban_core::nav::encode_stack`] wrote it), `query` and
/// `open`, with the focus on the element with id `focus`, without a second `ready` event (the
/// first build's config warnings were shown already).
#[cfg(feature = "desk")]
#[wasm_bindgen]
pub fn boot_stage2(
    host: Host,
    nav: &str,
    query: String,
    open: bool,
    focus: Option<String>,
) -> Widget {
    let (config, _) = read_config(&host.config());
    let handover = crate::state::Handover {
        nav: koban_core::nav::decode_stack(nav),
        query,
        open,
        focus,
    };
    Widget {
        mounted: Some(mount::mount(host, config, Some(handover))),
    }
}

impl Widget {
    /// The mounted widget's state, for Rust callers (the browser tests); not part of the JS
    /// API.
    #[cfg(feature = "desk")]
    pub fn state(&self) -> Option<crate::state::WidgetState> {
        self.mounted().map(|m| m.state)
    }

    /// The mounted view, if this build still shows it.
    #[cfg(feature = "desk")]
    fn mounted(&self) -> Option<&Mounted> {
        self.mounted.as_ref()
    }

    /// The mounted view, if this build still shows it.
    #[cfg(not(feature = "desk"))]
    fn mounted(&self) -> Option<std::cell::Ref<'_, Mounted>> {
        std::cell::Ref::filter_map(self.stage.mounted.borrow(), Option::as_ref).ok()
    }

    /// In the first build, once the desk build has taken over: the call goes to it.
    #[cfg(not(feature = "desk"))]
    fn forward(&self, method: &str, args: &[JsValue]) -> Option<JsValue> {
        self.stage.forward(method, args)
    }

    /// In the desk build every call is its own.
    #[cfg(feature = "desk")]
    fn forward(&self, _method: &str, _args: &[JsValue]) -> Option<JsValue> {
        None
    }

    /// In the first build: remembers a `command` call (a copy of its arguments) to replay to the
    /// desk build when it takes over.
    fn record_command(&self, verb: &str, args: &js_sys::Array) {
        self.record(
            "command",
            JsValue::from_str(verb),
            Some(args.slice(0, args.length()).into()),
        );
    }

    /// In the first build: remembers a call of `method` with `first` (and `second`) to replay to
    /// the desk build when it takes over.
    #[allow(unused_variables)]
    fn record(&self, method: &'static str, first: JsValue, second: Option<JsValue>) {
        #[cfg(not(feature = "desk"))]
        self.stage
            .record(method, std::iter::once(first).chain(second).collect());
    }
}

#[wasm_bindgen]
impl Widget {
    /// Opens the panel (floating mode; inline panels are always open), on the ticket form when
    /// `view` is `"ticket"`.
    pub fn open(&self, view: JsValue) {
        if self.forward("open", std::slice::from_ref(&view)).is_some() {
            return;
        }
        let Some(m) = self.mounted() else { return };
        match view.as_string().as_deref() {
            None => {}
            Some("ticket") => m.state.navigate(Route::Ticket, 0),
            Some("requests") => m.state.navigate(Route::Requests, 0),
            Some(other) => warn(&format!(
                "open: unknown view `{other}` (expected \"ticket\" or \"requests\")"
            )),
        }
        m.state.set_open(true);
    }

    /// Closes the floating panel and returns focus to the launcher.
    pub fn close(&self) {
        if self.forward("close", &[]).is_some() {
            return;
        }
        if let Some(m) = self.mounted() {
            m.state.set_open(false);
        }
    }

    /// Opens a closed panel, closes an open one.
    pub fn toggle(&self) {
        if self.forward("toggle", &[]).is_some() {
            return;
        }
        if let Some(m) = self.mounted() {
            m.state.set_open(!m.state.is_open());
        }
    }

    /// Whether the panel is open.
    pub fn is_open(&self) -> bool {
        if let Some(open) = self.forward("is_open", &[]) {
            return open.is_truthy();
        }
        self.mounted().is_some_and(|m| m.state.is_open())
    }

    /// Replaces the page context (a plain object such as `{ route: "/nodes", errors: [...] }`).
    pub fn set_context(&self, context: JsValue) {
        if self
            .forward("set_context", std::slice::from_ref(&context))
            .is_some()
        {
            return;
        }
        if !is_plain_object(&context) {
            return warn("setContext expects a plain object");
        }
        self.record("set_context", context.clone(), None);
        let text = |key: &str| {
            js_sys::Reflect::get(&context, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
        };
        let errors_value =
            js_sys::Reflect::get(&context, &JsValue::from_str("errors")).unwrap_or_default();
        let errors: Vec<String> = if js_sys::Array::is_array(&errors_value) {
            js_sys::Array::from(&errors_value)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        } else {
            errors_value.as_string().into_iter().collect()
        };
        let errors: Vec<&str> = errors.iter().map(String::as_str).collect();
        if let Some(m) = self.mounted() {
            #[cfg(feature = "desk")]
            m.desk
                .set_host_context(json_object(&context).unwrap_or_default());
            m.state.context.set(active_contexts_from(
                text("route").as_deref(),
                text("page").as_deref(),
                &errors,
            ));
        }
    }

    /// Switches the widget's locale.
    pub fn set_locale(&self, tag: &str) {
        if self
            .forward("set_locale", &[JsValue::from_str(tag)])
            .is_some()
        {
            return;
        }
        if !koban_core::boot::is_language_tag(tag) {
            warn(&format!("setLocale: `{tag}` is not a language tag"));
            return;
        }
        self.record("set_locale", JsValue::from_str(tag), None);
        if let Some(m) = self.mounted() {
            crate::locale::set_host_choice(m.state, tag);
        }
    }

    /// Runs a verb the loader forwards as is (`showArticle`, `search`, `suggest`, ...), with its
    /// arguments. Bad arguments are warned about, never thrown.
    pub fn command(&self, verb: &str, args: js_sys::Array) {
        if self
            .forward("command", &[JsValue::from_str(verb), args.clone().into()])
            .is_some()
        {
            return;
        }
        let Some(m) = self.mounted() else { return };
        let state = m.state;
        let first = args.get(0);
        match verb {
            "showArticle" => match first.as_string().filter(|s| !s.is_empty()) {
                Some(id) => {
                    state.navigate(Route::Article(id), 0);
                    state.set_open(true);
                }
                None => warn("showArticle expects an article id"),
            },
            "search" => match first.as_string() {
                Some(q) => {
                    state.query.set(q);
                    state.go_home();
                    state.set_open(true);
                }
                None => warn("search expects a query string"),
            },
            "suggest" => match js_sys::Array::is_array(&first).then(|| js_sys::Array::from(&first))
            {
                Some(list) => {
                    self.record_command(verb, &args);
                    state
                        .host_suggestions
                        .set(list.iter().filter_map(|v| v.as_string()).collect())
                }
                None => warn("suggest expects an array of article ids"),
            },
            // Internal, from the loader's `koban-follow.js` (not a verb of `Koban(...)`): a
            // followed request changed on the server, so the open conversation views read it
            // again. Before the desk build takes over there is none to tell.
            "changed" => {
                #[cfg(feature = "desk")]
                m.talks.changed();
            }
            "startFlow" => match first.as_string().filter(|s| !s.is_empty()) {
                Some(id) => {
                    state.navigate(Route::Flow(id), 0);
                    state.set_open(true);
                }
                None => warn("startFlow expects a flow id"),
            },
            "registerCheck" => match (
                first.as_string(),
                crate::flow::check::as_function(&args.get(1)),
            ) {
                (Some(name), Some(f)) if !name.is_empty() => {
                    self.record_command(verb, &args);
                    #[cfg(feature = "desk")]
                    m.flows.register_check(name, f);
                    #[cfg(not(feature = "desk"))]
                    let _ = (name, f);
                }
                _ => warn("registerCheck expects (name, async function)"),
            },
            // The first build only checks the shape; the desk build checks each field when the
            // call is replayed to it.
            #[cfg(not(feature = "desk"))]
            "prefill" | "identify" if is_plain_object(&first) => {
                self.stage
                    .identified
                    .set(self.stage.identified.get() || verb == "identify");
                self.record_command(verb, &args)
            }
            #[cfg(feature = "desk")]
            "prefill" => match json_text(&first).map(|t| {
                serde_json::from_str(&t)
                    .ok()
                    .and_then(|v| koban_core::decode::draft(&v))
            }) {
                Some(Some(draft)) => m.desk.prefill(&draft),
                Some(None) => {
                    warn("prefill: a field has the wrong type (text, number or true/false)")
                }
                None => warn("prefill expects a plain object"),
            },
            #[cfg(not(feature = "desk"))]
            "prefill" => warn("prefill expects a plain object"),
            #[cfg(feature = "desk")]
            "identify" if is_plain_object(&first) => {
                let text = |key: &str| {
                    js_sys::Reflect::get(&first, &JsValue::from_str(key))
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let identity = Identity {
                    user_id: text("userId"),
                    token: text("token"),
                };
                m.desk.identify(text("name"), text("email"), identity);
            }
            "identify" => warn("identify expects { userId, email, name, token }"),
            _ => warn(&format!("`{verb}` is not available in this version")),
        }
    }

    /// Unmounts the widget and removes what it added to the shadow root.
    pub fn shutdown(&mut self) {
        #[cfg(feature = "desk")]
        if let Some(m) = self.mounted.take() {
            m.unmount();
        }
        #[cfg(not(feature = "desk"))]
        self.stage.shutdown();
    }
}
