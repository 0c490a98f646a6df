//! Which hrefs the widget may render as links. The server's compiler already drops unsafe
//! links; the widget checks again before rendering, so content from any source stays inert.

/// Whether `href` is safe to render: `http:`, `https:`, `mailto:`, or an in-widget article link
/// (`#article:<id>`). Everything else (`javascript:`, `data:`, relative paths that would resolve
/// against the host page) is rendered as plain text.
///
/// ```
/// use koban_core::home::links::is_safe_href;
/// assert!(is_safe_href("https://forum.gridshare.example/t/1"));
/// assert!(is_safe_href("#article:node-offline"));
/// assert!(!is_safe_href("JavaScript:alert(1)"));
/// assert!(!is_safe_href(" javascript:alert(1)"));
/// ```
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    if href != href.trim_start() || lower.chars().any(char::is_control) {
        return false;
    }
    ["http://", "https://", "mailto:", "#article:"]
        .iter()
        .any(|p| lower.starts_with(p))
}
