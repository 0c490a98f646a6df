//! Matching a document's `contexts` patterns against the host page's active contexts.
//!
//! A context is `kind:value`. Patterns of kind `route` are globs over `/`-separated segments:
//! `*` matches exactly one segment and `**` any number (zero or more), so `route:/nodes/*`
//! matches `route:/nodes/abc` but not `route:/nodes` nor `route:/nodes/abc/logs`. A query string
//! or fragment on the active route (`?tab=1`, `#top`) and a trailing `/` are ignored. Every other
//! kind (`error`, `page`, …) matches on equal values, ASCII case-insensitively for the kind and
//! for `error` codes.

/// Whether the document context `pattern` (e.g. `route:/nodes/*`) matches the active context
/// `active` (e.g. `route:/nodes/abc`).
pub fn context_matches(pattern: &str, active: &str) -> bool {
    let (Some((p_kind, p_value)), Some((a_kind, a_value))) =
        (pattern.split_once(':'), active.split_once(':'))
    else {
        return false;
    };
    if !p_kind.trim().eq_ignore_ascii_case(a_kind.trim()) {
        return false;
    }
    let (p_value, a_value) = (p_value.trim(), a_value.trim());
    if p_kind.trim().eq_ignore_ascii_case("route") {
        let a_value = a_value.split(['?', '#']).next().unwrap_or("");
        let pattern: Vec<&str> = segments(p_value).collect();
        let route: Vec<&str> = segments(a_value).collect();
        glob(&pattern, &route)
    } else if p_kind.trim().eq_ignore_ascii_case("error") {
        p_value.eq_ignore_ascii_case(a_value)
    } else {
        p_value == a_value
    }
}

/// How much a match on a context of this kind boosts a search hit (see [`super::rank`]).
pub(crate) fn kind_weight(active: &str) -> f32 {
    match active.split_once(':').map(|(k, _)| k.trim()) {
        Some(k) if k.eq_ignore_ascii_case("error") => 1.0,
        _ => 0.5,
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// Segment glob: `*` is one segment, `**` any number. The classic linear wildcard algorithm
/// (backtracking only to the last `**`), so hostile input cannot make it exponential.
fn glob(pattern: &[&str], route: &[&str]) -> bool {
    let (mut p, mut r) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while r < route.len() {
        if p < pattern.len() && pattern[p] == "**" {
            star = Some((p, r));
            p += 1;
        } else if p < pattern.len() && (pattern[p] == "*" || pattern[p] == route[r]) {
            p += 1;
            r += 1;
        } else if let Some((star_p, star_r)) = star {
            p = star_p + 1;
            r = star_r + 1;
            star = Some((star_p, star_r + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|s| *s == "**")
}

#[cfg(test)]
mod tests {
    use super::context_matches as m;

    #[test]
    fn routes_glob_by_segment() {
        assert!(m("route:/nodes/*", "route:/nodes/abc"));
        assert!(m("route:/nodes/*", "route:/nodes/abc/?tab=logs"));
        assert!(!m("route:/nodes/*", "route:/nodes"));
        assert!(!m("route:/nodes/*", "route:/nodes/abc/logs"));
        assert!(m("route:/nodes", "route:/nodes/"));
        assert!(m("route:/jobs/**", "route:/jobs/1/logs"));
        assert!(m("route:/jobs/**", "route:/jobs"));
        assert!(!m("route:/jobs/*", "route:/billing/x"));
    }

    #[test]
    fn other_kinds_compare_values() {
        assert!(m("error:E_NODE_OFFLINE", "error:E_NODE_OFFLINE"));
        assert!(m("error:E_NODE_OFFLINE", "ERROR:e_node_offline"));
        assert!(!m("error:E_NODE_OFFLINE", "error:E_NODE"));
        assert!(m("page:billing", "page:billing"));
        assert!(!m("page:billing", "route:billing"));
        assert!(!m("nonsense", "page:billing"));
    }
}
