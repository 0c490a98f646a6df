//! Ranking: field-weighted BM25 over the query's units, a coverage factor, the context boost.
//!
//! For document `d` and query units `u` (see [`super::query`]):
//!
//! ```text
//! unit(u, d)  = max over expansions e of u:  weight(e) · idf(e) · Σ_f w_f · tf_f·(k1+1) / (tf_f + k1·(1 − b_f + b_f·len_f/avglen_f))
//! score(d)    = Σ_u unit(u, d) · (matched(d) / units)² · (1 + min(1.5, Σ context weights))
//! ```
//!
//! - BM25 per field (title 4, tags 3, summary 1.5, body 1; see [`super::index::FIELDS`]),
//!   `idf = ln(1 + (N − df + 0.5)/(df + 0.5))`, `k1 = 1.2`.
//! - Taking the best expansion of a unit (not the sum) keeps a short prefix with many
//!   completions from outweighing a whole word.
//! - The squared share of matched units ranks documents that contain every query word above
//!   those that repeat one of them, without dropping partial matches (useful for long questions
//!   and for CJK queries, whose bigrams rarely all match).
//! - Context boost: each distinct active context that one of the document's `contexts` matches
//!   adds 1.0 (`error:`) or 0.5 (`route:`, `page:`, …), capped at 1.5, so a hit's score grows by
//!   up to 2.5×. It reorders relevant hits (the widget's premise is that the page the user is on
//!   says a lot about the question); it never brings in documents that match no query term.
//!
//! Ties are broken by document order, so results are deterministic.

use super::highlight::{Matcher, snippet, title};
use super::keys;
use super::query::parse;
use super::{Hit, Index, SearchOptions};

/// Upper bound of the summed context weights.
pub const MAX_CONTEXT_BOOST: f32 = 1.5;

/// Ranked hits for `query`; see the module docs.
pub(crate) fn search(index: &Index, query: &str, opts: &SearchOptions) -> Vec<Hit> {
    if opts.limit == 0 || index.is_empty() {
        return Vec::new();
    }
    let query = parse(index, query);
    if query.units.is_empty() {
        return Vec::new();
    }
    let n = index.len();
    let mut acc = vec![0f32; n];
    let mut matched = vec![0u8; n];
    let mut best = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut in_unit: Vec<u32> = Vec::new();
    for unit in &query.units {
        for e in &unit.expansions {
            let w = e.weight * index.idf[e.term as usize];
            for p in index.postings(e.term) {
                let d = index.post_doc[p] as usize;
                let s = w * index.post_weight[p];
                if best[d] == 0.0 {
                    in_unit.push(d as u32);
                }
                if s > best[d] {
                    best[d] = s;
                }
            }
        }
        for d in in_unit.drain(..) {
            let d = d as usize;
            if matched[d] == 0 {
                touched.push(d as u32);
            }
            acc[d] += best[d];
            matched[d] += 1;
            best[d] = 0.0;
        }
    }
    let units = query.units.len() as f32;
    let boosts = index.context_weights(&opts.context_boost);
    let mut scored: Vec<u64> = touched
        .iter()
        .map(|&d| {
            let coverage = f32::from(matched[d as usize]) / units;
            let mut s = acc[d as usize] * coverage * coverage;
            if let Some(b) = &boosts {
                s *= 1.0 + b[d as usize].min(MAX_CONTEXT_BOOST);
            }
            keys::by_score_desc(s, d)
        })
        .collect();
    keys::smallest(&mut scored, opts.limit);

    let matcher = Matcher::new(index, &query);
    scored
        .into_iter()
        .map(keys::score_of)
        .map(|(score, d)| {
            let doc = &index.docs[d as usize];
            Hit {
                doc: d as usize,
                score,
                title: title(&doc.title, &index.normalizer, &matcher),
                snippet: snippet(index, d, &query, &matcher),
            }
        })
        .collect()
}
