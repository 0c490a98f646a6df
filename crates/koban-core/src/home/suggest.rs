//! What to suggest without a query: the "Suggested for this page" list and the proactive nudge.

use super::page_context::error_code;
use crate::search::{Index, context_matches};

/// Documents for "Suggested for this page": the host's own picks (`Koban('suggest', ids)`) that
/// exist, then documents matching the active contexts, best first, without repeats.
///
/// ```
/// use koban_core::home::suggest::suggestions;
/// use koban_core::search::{DocKind, Index, SearchDoc};
/// let doc = |id: &str, ctx: &str| SearchDoc { id: id.into(), kind: DocKind::Article, title: id.into(), tags: vec![], summary: String::new(), body: String::new(), contexts: vec![ctx.into()] };
/// let index = Index::build(vec![doc("a", "route:/nodes"), doc("b", "route:/billing")]);
/// assert_eq!(suggestions(&index, &["b".into(), "zz".into()], &["route:/nodes".into()], 5), vec![1, 0]);
/// ```
pub fn suggestions(index: &Index, host: &[String], active: &[String], limit: usize) -> Vec<usize> {
    let mut out: Vec<usize> = host
        .iter()
        .filter_map(|id| index.docs().iter().position(|d| &d.id == id))
        .collect();
    for doc in index.for_contexts(active, limit) {
        if !out.contains(&doc) {
            out.push(doc);
        }
    }
    out.dedup();
    out.truncate(limit);
    out
}

/// The nudge for a page context: the first `error:` context not `already` nudged, and the
/// document that best fits the whole page context among those listing that error.
///
/// ```
/// use koban_core::home::suggest::nudge;
/// use koban_core::search::{DocKind, Index, SearchDoc};
/// let doc = |id: &str, ctx: Vec<&str>| SearchDoc { id: id.into(), kind: DocKind::Article, title: id.into(), tags: vec![], summary: String::new(), body: String::new(), contexts: ctx.into_iter().map(String::from).collect() };
/// let index = Index::build(vec![doc("ports", vec!["error:E_OFF"]), doc("offline", vec!["error:E_OFF", "route:/nodes"])]);
/// let active = vec!["error:E_OFF".to_string(), "route:/nodes".to_string()];
/// assert_eq!(nudge(&index, &active, |_| false), Some(("E_OFF".to_string(), 1)));
/// assert_eq!(nudge(&index, &active, |code| code == "E_OFF"), None);
/// ```
pub fn nudge(
    index: &Index,
    active: &[String],
    already: impl Fn(&str) -> bool,
) -> Option<(String, usize)> {
    let ranked = index.for_contexts(active, 20);
    active.iter().find_map(|ctx| {
        let code = error_code(ctx)?;
        if already(code) {
            return None;
        }
        let doc = ranked.iter().copied().find(|&d| {
            index
                .doc(d)
                .contexts
                .iter()
                .any(|p| context_matches(p, ctx))
        })?;
        Some((code.to_string(), doc))
    })
}
