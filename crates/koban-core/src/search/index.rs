//! The inverted index: a sorted term list with flat posting lists and precomputed BM25 weights.
//!
//! Layout (all flat vectors, few allocations, cheap to walk in wasm):
//! - `terms`: every distinct term, sorted, so prefix ranges are a binary search and typo lookup
//!   can walk it as a trie ([`super::fuzzy`]);
//! - `post_start[t]..post_start[t + 1]`: the postings of term `t` in `post_doc` (document
//!   numbers, ascending) and `post_weight`;
//! - `post_pos`: where the term first occurs in the document's body, so the snippet only has to
//!   re-tokenize a small window of the body;
//! - `post_weight`: the term's field-weighted BM25 term-frequency part for that document (see
//!   [`FIELDS`]), so a query only multiplies by the term's IDF and sums;
//! - `cjk_second`: CJK bigrams by their second character, so a one-character CJK query finds the
//!   bigrams that end with it (those that start with it are a prefix range);
//! - `contexts`: each distinct context pattern with the documents that list it, so the context
//!   boost costs one glob per distinct pattern, not per document.

use core::ops::Range;

use super::hash::FxHashMap;
use super::keys;
use super::normalize::Normalizer;
use super::tokenize::{for_each_token, is_cjk};
use super::{Hit, SearchDoc, SearchOptions};

/// A BM25 field: weight, length normalization `b`.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Field name, for docs and debugging.
    pub name: &'static str,
    /// Multiplies the field's BM25 term score.
    pub weight: f32,
    /// BM25 length normalization (0 = none, 1 = full).
    pub b: f32,
}

/// The indexed fields, in the order of the per-document term counts. Each field has its own
/// saturation (BM25 per field, summed with weights) rather than one shared saturation (BM25F):
/// with BM25F, a body that repeats a word many times saturates as high as a title match, while a
/// help center wants a word in the title or tags to win.
pub const FIELDS: [Field; 4] = [
    Field {
        name: "title",
        weight: 4.0,
        b: 0.5,
    },
    Field {
        name: "tags",
        weight: 3.0,
        b: 0.3,
    },
    Field {
        name: "summary",
        weight: 1.5,
        b: 0.5,
    },
    Field {
        name: "body",
        weight: 1.0,
        b: 0.75,
    },
];

/// Byte offsets kept in a packed occurrence key (30 bits).
const OFFSET_MASK: u32 = (1 << 30) - 1;

/// `post_pos` value of a term that is not in the document's body.
const NOT_IN_BODY: u16 = u16::MAX;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;

/// A search index over [`SearchDoc`]s; it keeps the documents for titles and snippets.
///
/// Build it with [`Index::build`] (default [`Normalizer`]) or [`Index::build_with`] (e.g. the
/// widget's JS NFKC hook). It is `Send + Sync` and immutable: rebuild it when content changes.
#[derive(Debug)]
pub struct Index {
    pub(crate) normalizer: Normalizer,
    pub(crate) docs: Vec<SearchDoc>,
    pub(crate) terms: Vec<Box<str>>,
    pub(crate) idf: Vec<f32>,
    pub(crate) post_start: Vec<u32>,
    pub(crate) post_doc: Vec<u32>,
    pub(crate) post_weight: Vec<f32>,
    pub(crate) post_pos: Vec<u16>,
    /// `keys::pair(second character, term)` of every CJK bigram, sorted.
    pub(crate) cjk_second: Vec<u64>,
    pub(crate) contexts: Vec<(Box<str>, Vec<u32>)>,
}

impl Index {
    /// Indexes `docs` with [`Normalizer::default`] (NFKC when the `nfkc` feature is on).
    pub fn build(docs: Vec<SearchDoc>) -> Index {
        Self::build_with(docs, Normalizer::default())
    }

    /// Indexes `docs` with `normalizer`, which is kept and applied to queries too.
    pub fn build_with(docs: Vec<SearchDoc>, normalizer: Normalizer) -> Index {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut names: Vec<Box<str>> = Vec::new();
        // Per term: (document, term frequency per field, first byte offset in the body).
        let mut postings: Vec<Vec<(u32, [u16; 4], u16)>> = Vec::new();
        let mut lengths: Vec<[u32; 4]> = Vec::with_capacity(docs.len());
        // Every token of the current document: term, field (2 bits), byte offset (30 bits).
        let mut occurrences: Vec<u64> = Vec::new();

        for (d, doc) in docs.iter().enumerate() {
            occurrences.clear();
            let mut len = [0u32; 4];
            let mut add = |text: &str, field: u8, len: &mut [u32; 4]| {
                for_each_token(text, &normalizer, |term, range, _| {
                    let id = match ids.get(term) {
                        Some(&id) => id,
                        None => {
                            let id = names.len() as u32;
                            names.push(term.into());
                            ids.insert(term.into(), id);
                            postings.push(Vec::new());
                            id
                        }
                    };
                    let at = (range.start as u32).min(OFFSET_MASK);
                    occurrences.push(keys::pair(id, (u32::from(field) << 30) | at));
                    len[field as usize] += 1;
                });
            };
            add(&doc.title, 0, &mut len);
            for tag in &doc.tags {
                add(tag, 1, &mut len);
            }
            add(&doc.summary, 2, &mut len);
            add(&doc.body, 3, &mut len);
            lengths.push(len);
            occurrences.sort_unstable();
            let mut k = 0;
            while k < occurrences.len() {
                let id = keys::unpair(occurrences[k]).0;
                let mut tf = [0u16; 4];
                let mut pos = NOT_IN_BODY;
                while k < occurrences.len() && keys::unpair(occurrences[k]).0 == id {
                    let low = keys::unpair(occurrences[k]).1;
                    let (f, offset) = ((low >> 30) as u8, low & OFFSET_MASK);
                    if f == 3 && tf[3] == 0 {
                        pos = offset.min(u32::from(NOT_IN_BODY - 1)) as u16;
                    }
                    tf[f as usize] = tf[f as usize].saturating_add(1);
                    k += 1;
                }
                postings[id as usize].push((d as u32, tf, pos));
            }
        }
        drop(ids);

        let n = docs.len().max(1) as f32;
        let mut avg = [0f32; 4];
        for len in &lengths {
            for f in 0..4 {
                avg[f] += len[f] as f32;
            }
        }
        for a in &mut avg {
            *a = (*a / n).max(1.0);
        }
        // norm[d][f] = k1 * (1 - b + b * len / avg): the BM25 denominator's length part.
        let norms: Vec<[f32; 4]> = lengths
            .iter()
            .map(|len| {
                core::array::from_fn(|f| {
                    let b = FIELDS[f].b;
                    K1 * (1.0 - b + b * len[f] as f32 / avg[f])
                })
            })
            .collect();

        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        keys::sort_by_str(&mut order, &|t| &names[t as usize]);
        let total: usize = postings.iter().map(Vec::len).sum();
        let mut terms = Vec::with_capacity(order.len());
        let mut idf = Vec::with_capacity(order.len());
        let mut post_start = Vec::with_capacity(order.len() + 1);
        let mut post_doc = Vec::with_capacity(total);
        let mut post_weight = Vec::with_capacity(total);
        let mut post_pos = Vec::with_capacity(total);
        let mut cjk_second = Vec::new();
        let mut names: Vec<Option<Box<str>>> = names.into_iter().map(Some).collect();
        for (t, &old) in order.iter().enumerate() {
            let name = names[old as usize].take().unwrap_or_default();
            let list = core::mem::take(&mut postings[old as usize]);
            post_start.push(post_doc.len() as u32);
            let df = list.len() as f32;
            idf.push((1.0 + (n - df + 0.5) / (df + 0.5)).ln());
            for (d, tf, pos) in list {
                let norm = &norms[d as usize];
                let mut w = 0.0;
                for f in 0..4 {
                    if tf[f] > 0 {
                        let tf = f32::from(tf[f]);
                        w += FIELDS[f].weight * tf * (K1 + 1.0) / (tf + norm[f]);
                    }
                }
                post_doc.push(d);
                post_weight.push(w);
                post_pos.push(pos);
            }
            let mut chars = name.chars();
            if let (Some(first), Some(second), None) = (chars.next(), chars.next(), chars.next())
                && is_cjk(first)
                && is_cjk(second)
            {
                cjk_second.push(keys::pair(second as u32, t as u32));
            }
            terms.push(name);
        }
        post_start.push(post_doc.len() as u32);
        cjk_second.sort_unstable();

        // (pattern, document) pairs, grouped by pattern, documents ascending.
        let pairs: Vec<(&str, u32)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| doc.contexts.iter().map(move |c| (c.as_str(), d as u32)))
            .collect();
        let mut by_pattern: Vec<u32> = (0..pairs.len() as u32).collect();
        keys::sort_by_str(&mut by_pattern, &|i| pairs[i as usize].0);
        let mut contexts: Vec<(Box<str>, Vec<u32>)> = Vec::new();
        for i in by_pattern {
            let (pattern, d) = pairs[i as usize];
            match contexts.last_mut() {
                Some((p, list)) if &**p == pattern => {
                    if list.last() != Some(&d) {
                        list.push(d);
                    }
                }
                _ => contexts.push((pattern.into(), vec![d])),
            }
        }

        Index {
            normalizer,
            docs,
            terms,
            idf,
            post_start,
            post_doc,
            post_weight,
            post_pos,
            cjk_second,
            contexts,
        }
    }

    /// Ranked hits for `query` (see [`super::rank`]); empty for a query without terms.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Vec<Hit> {
        super::rank::search(self, query, opts)
    }

    /// Document number `i` (as in [`Hit::doc`]). Panics if `i >= self.len()`.
    pub fn doc(&self, i: usize) -> &SearchDoc {
        &self.docs[i]
    }

    /// All documents, in the order given to [`Index::build`].
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index has no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The normalizer the index was built with (also applied to queries).
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Documents whose `contexts` match the active contexts, best first: by summed context
    /// weight (an `error:` match counts double a `route:` or `page:` one), then in document
    /// order. For "suggested for this page" lists.
    pub fn for_contexts(&self, active: &[String], limit: usize) -> Vec<usize> {
        let Some(boosts) = self.context_weights(active) else {
            return Vec::new();
        };
        let mut docs: Vec<u64> = boosts
            .into_iter()
            .enumerate()
            .filter(|&(_, w)| w > 0.0)
            .map(|(d, w)| keys::by_score_desc(w, d as u32))
            .collect();
        keys::smallest(&mut docs, limit);
        docs.into_iter()
            .map(|k| keys::score_of(k).1 as usize)
            .collect()
    }

    /// Per document, the summed weight of the distinct active contexts it matches; `None` when
    /// no document matches any. Costs one glob per distinct pattern and active context, plus the
    /// matching documents.
    pub(crate) fn context_weights(&self, active: &[String]) -> Option<Vec<f32>> {
        let mut boosts: Option<(Vec<f32>, Vec<u8>)> = None;
        let mut seen: Vec<&str> = Vec::new();
        for a in active {
            if seen.contains(&a.as_str()) || seen.len() >= usize::from(u8::MAX) {
                continue;
            }
            seen.push(a);
            let stamp = seen.len() as u8;
            let w = super::context::kind_weight(a);
            for (pattern, list) in &self.contexts {
                if !super::context::context_matches(pattern, a) {
                    continue;
                }
                let (weights, stamps) = boosts
                    .get_or_insert_with(|| (vec![0.0; self.docs.len()], vec![0; self.docs.len()]));
                for &d in list {
                    // A document counts once per active context, whichever patterns match it.
                    if stamps[d as usize] != stamp {
                        stamps[d as usize] = stamp;
                        weights[d as usize] += w;
                    }
                }
            }
        }
        boosts.map(|(weights, _)| weights)
    }

    /// Postings range of term `t`.
    pub(crate) fn postings(&self, t: u32) -> Range<usize> {
        self.post_start[t as usize] as usize..self.post_start[t as usize + 1] as usize
    }

    /// Term id of `term`, if indexed.
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| (**t).cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// Byte offset of the first occurrence of term `t` in the body of document `d` (offsets
    /// from 65534 on are stored as 65534).
    pub(crate) fn body_offset(&self, t: u32, d: u32) -> Option<usize> {
        let range = self.postings(t);
        let k = self.post_doc[range.clone()].binary_search(&d).ok()?;
        let pos = self.post_pos[range.start + k];
        (pos != NOT_IN_BODY).then_some(usize::from(pos))
    }

    /// Number of documents containing term `t`.
    pub(crate) fn df(&self, t: u32) -> u32 {
        self.post_start[t as usize + 1] - self.post_start[t as usize]
    }
}
