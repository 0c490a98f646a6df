//! When the widget needs the help content at all.
//!
//! The content bundle is the largest thing the widget downloads, and parsing and indexing it is
//! most of its CPU time, so a widget booted early (`preload: "idle"`) on a page that never opens
//! it should do none of that. The bundle is needed when the panel is open (an inline panel always
//! is), or when a proactive nudge may show: nudges are on and the page reports an error code
//! (an `error:` context), which an article or flow may answer.
//!
//! ```
//! use koban_core::home::needed::content_needed;
//! let page = vec!["route:/nodes".to_string()];
//! assert!(!content_needed(false, true, &page));
//! assert!(content_needed(true, false, &page));
//! let failing = vec!["error:E_NODE_OFFLINE".to_string()];
//! assert!(content_needed(false, true, &failing));
//! assert!(!content_needed(false, false, &failing));
//! ```

use super::page_context::error_code;

/// Whether the content must be loaded: the panel is open, or `nudges` are on and `contexts` (the
/// page's active contexts) hold an error code.
pub fn content_needed(panel_open: bool, nudges: bool, contexts: &[String]) -> bool {
    panel_open || (nudges && contexts.iter().any(|c| error_code(c).is_some()))
}

#[cfg(test)]
mod tests {
    use super::content_needed;

    fn ctx(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_open_panel_always_needs_content() {
        assert!(content_needed(true, false, &[]));
        assert!(content_needed(true, true, &ctx(&["page:billing"])));
    }

    #[test]
    fn a_closed_panel_needs_it_only_for_a_nudge() {
        assert!(!content_needed(false, true, &[]));
        assert!(!content_needed(
            false,
            true,
            &ctx(&["route:/x", "page:errors"])
        ));
        assert!(content_needed(
            false,
            true,
            &ctx(&["route:/x", "error:E_A"])
        ));
        // Nudges off: an error code alone does not load anything.
        assert!(!content_needed(false, false, &ctx(&["error:E_A"])));
        // `error` must be the kind, not part of a route.
        assert!(!content_needed(false, true, &ctx(&["route:/error:x"])));
    }
}
