//! The host page's context, as set with `Koban('setContext', { route, page, errors })`, turned
//! into the context strings that articles and flows list in their `contexts`.
//!
//! ```
//! use koban_core::home::page_context::active_contexts;
//! let ctx = serde_json::json!({ "route": "/nodes/rig-01", "page": "nodes", "errors": ["E_NODE_OFFLINE"] });
//! assert_eq!(
//!     active_contexts(&ctx),
//!     vec!["error:E_NODE_OFFLINE", "route:/nodes/rig-01", "page:nodes"]
//! );
//! ```

use serde_json::Value;

/// Active contexts of a page context object: errors first (they matter most), then the route,
/// then the page name. Unknown keys and values of the wrong type are ignored.
pub fn active_contexts(context: &Value) -> Vec<String> {
    let errors: Vec<&str> = match context.get("errors") {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    };
    active_contexts_from(
        context.get("route").and_then(Value::as_str),
        context.get("page").and_then(Value::as_str),
        &errors,
    )
}

/// [`active_contexts`] from the fields already read out of the context object (the widget reads
/// them from the JS object directly).
///
/// ```
/// use koban_core::home::page_context::active_contexts_from;
/// assert_eq!(
///     active_contexts_from(Some("/billing"), None, &["E_CARD_DECLINED"]),
///     vec!["error:E_CARD_DECLINED", "route:/billing"]
/// );
/// ```
pub fn active_contexts_from(
    route: Option<&str>,
    page: Option<&str>,
    errors: &[&str],
) -> Vec<String> {
    let mut out: Vec<String> = errors
        .iter()
        .filter(|e| !e.is_empty())
        .map(|e| format!("{ERROR_PREFIX}{e}"))
        .collect();
    if let Some(route) = route.filter(|r| !r.is_empty()) {
        out.push(format!("route:{route}"));
    }
    if let Some(page) = page.filter(|p| !p.is_empty()) {
        out.push(format!("page:{page}"));
    }
    out
}

/// What an error code's context starts with (`error:E_NODE_OFFLINE`).
const ERROR_PREFIX: &str = "error:";

/// The error code of an active context, if it is one: the one place that reads the prefix
/// [`active_contexts_from`] writes.
///
/// ```
/// use koban_core::home::page_context::error_code;
/// assert_eq!(error_code("error:E_NODE_OFFLINE"), Some("E_NODE_OFFLINE"));
/// assert_eq!(error_code("route:/nodes"), None);
/// ```
pub fn error_code(context: &str) -> Option<&str> {
    context.strip_prefix(ERROR_PREFIX)
}

/// The error codes in a page context (for proactive nudges).
pub fn error_codes(context: &Value) -> Vec<String> {
    active_contexts(context)
        .iter()
        .filter_map(|c| error_code(c).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_and_odd_contexts() {
        assert!(active_contexts(&json!({})).is_empty());
        assert!(active_contexts(&json!({"route": 3, "errors": {"a": 1}})).is_empty());
        assert_eq!(
            active_contexts(&json!({"errors": "E_X"})),
            vec!["error:E_X"]
        );
        assert_eq!(
            error_codes(&json!({"errors": ["E_A", "", "E_B"], "route": "/x"})),
            vec!["E_A", "E_B"]
        );
    }
}
