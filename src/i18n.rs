//! User-visible strings of the widget, by Fluent message id, in the active locale.
//!
//! The messages come from `locales/<locale>/*.ftl`, compiled by koban-core's Fluent compiler
//! (`koban_core::locales::ftl`, whose module doc explains why not `fluent-bundle` in the wasm):
//! English is compiled in by `build.rs`; the active locale's table is fetched from the server
//! (`GET /api/v1/locales/<locale>`) when the user or host switches to it. This resolver walks
//! the table as the browser parsed it (`JSON.parse`), picks plural variants with
//! `Intl.PluralRules` and formats numbers with `Intl.NumberFormat`, so no Unicode or plural data
//! is shipped in the wasm. A message missing in the active table falls back to English, then to
//! its id.
//!
//! ```ignore
//! view! { <h2>{t("panel-title")}</h2> }
//! let n = tf("search-results", &[("count", hits.len().to_string())]);
//! i18n::set_table("de", table_json_from_server);
//! ```

use std::cell::RefCell;

use wasm_bindgen::JsValue;

const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/messages_en.json"));

struct Active {
    locale: String,
    table: JsValue,
    en: JsValue,
}

thread_local! {
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
}

fn with_active<R>(f: impl FnOnce(&Active) -> R) -> R {
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        let active = a.get_or_insert_with(|| {
            let en = js_sys::JSON::parse(EN).unwrap_or(JsValue::NULL);
            Active {
                locale: "en".into(),
                table: en.clone(),
                en,
            }
        });
        f(active)
    })
}

/// Makes `locale` active with its compiled table (JSON text); `None` keeps English.
pub fn set_table(locale: &str, json: Option<&str>) {
    let table = json.and_then(|j| js_sys::JSON::parse(j).ok());
    with_active(|_| ());
    ACTIVE.with(|a| {
        if let Some(a) = a.borrow_mut().as_mut() {
            a.locale = locale.to_string();
            a.table = table.unwrap_or_else(|| a.en.clone());
        }
    });
}

/// The text of message `id`.
pub fn t(id: &str) -> String {
    tf(id, &[])
}

/// The text of message `id` with its variables from `args`.
pub fn tf(id: &str, args: &[(&str, String)]) -> String {
    with_active(|a| {
        let key = JsValue::from_str(id);
        let pattern = [&a.table, &a.en]
            .into_iter()
            .map(|t| js_sys::Reflect::get(t, &key).unwrap_or_default())
            .find(js_sys::Array::is_array);
        let mut out = String::new();
        match pattern {
            Some(p) => render(&p, args, &a.locale, &mut out),
            None => out.push_str(id),
        }
        out
    })
}

fn member(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or_default()
}

fn arg<'a>(args: &'a [(&str, String)], name: &str) -> &'a str {
    args.iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, v)| v.as_str())
}

fn render(pattern: &JsValue, args: &[(&str, String)], locale: &str, out: &mut String) {
    for element in js_sys::Array::from(pattern).iter() {
        if let Some(text) = element.as_string() {
            out.push_str(&text);
        } else if let Some(name) = member(&element, "v").as_string() {
            out.push_str(&format_value(arg(args, &name), locale));
        } else if let Some(name) = member(&element, "s").as_string() {
            let options = member(&element, "o");
            let value = arg(args, &name);
            let chosen = [value.to_string(), plural_category(value, locale)]
                .into_iter()
                .map(|k| member(&options, &k))
                .find(js_sys::Array::is_array)
                .unwrap_or_else(|| {
                    member(
                        &options,
                        &member(&element, "d").as_string().unwrap_or_default(),
                    )
                });
            if js_sys::Array::is_array(&chosen) {
                render(&chosen, args, locale, out);
            }
        }
    }
}

/// The CLDR plural category of `value` in `locale` (`other` for anything not a number).
fn plural_category(value: &str, locale: &str) -> String {
    // Rust's float syntax, read by the browser's parseFloat (which agrees on every such string):
    // `str::parse::<f64>` would bring core's float parser and its tables (~14 KB gzip). The
    // values it refuses (not numbers, or infinite) are all "other", as before.
    if !koban_core::ticket::validate::is_finite_number(value) {
        return "other".into();
    }
    let n = js_sys::Number::parse_float(value);
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())
        .select(n)
        .as_string()
        .unwrap_or_else(|| "other".into())
}

/// Whole numbers formatted for `locale` (`12345` → `12,345` / `12.345`); anything else as is.
fn format_value(value: &str, locale: &str) -> String {
    if value.is_empty() || value.len() > 15 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    // At most 15 digits: exact as an f64.
    let Ok(n) = value.parse::<u64>() else {
        return value.to_string();
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new())
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| value.to_string())
}
