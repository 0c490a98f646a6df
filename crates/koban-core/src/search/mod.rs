//! Client-side full-text search over help articles and flows: instant, typo tolerant,
//! CJK-aware, with context boosts and highlighted titles and snippets.
//!
//! The widget builds an [`Index`] from the content bundle once and queries it on every
//! keystroke; the host tests and benchmarks the same code. The API knows nothing about the
//! content model: callers hand over [`SearchDoc`]s (plain text).
//!
//! ```
//! use koban_core::search::{DocKind, Index, SearchDoc, SearchOptions};
//! let doc = SearchDoc {
//!     id: "node-offline".into(),
//!     kind: DocKind::Article,
//!     title: "My node shows as offline".into(),
//!     tags: vec!["agent".into()],
//!     summary: "Why a node goes offline.".into(),
//!     body: "The agent sends a heartbeat every 30 seconds.".into(),
//!     contexts: vec!["error:E_NODE_OFFLINE".into()],
//! };
//! let index = Index::build(vec![doc]);
//! // A typo, and a prefix as the last word.
//! let hits = index.search("ofline nod", &SearchOptions::default());
//! assert_eq!(index.doc(hits[0].doc).id, "node-offline");
//! let title = &hits[0].title;
//! let marked: Vec<&str> = title.marks.iter().map(|m| &title.text[m.clone()]).collect();
//! assert_eq!(marked, ["nod", "offline"]);
//! ```
//!
//! # Design
//!
//! - [`normalize`]: NFKC (a hook: `unicode-normalization` on the host behind the `nfkc` feature,
//!   the browser's `String.prototype.normalize` in the widget), then built-in case, width and
//!   accent folding.
//! - [`mod@tokenize`]: words for space-separated scripts, overlapping bigrams for CJK runs.
//! - [`index`]: a sorted term list (an implicit trie) with flat posting lists that store a
//!   precomputed per-document BM25 weight.
//! - [`fuzzy`]: typo and prefix expansion by walking the sorted term list with an edit-distance
//!   row per prefix, skipping whole subtrees by binary search.
//! - [`query`]: query words to weighted term expansions (exact, typos, prefix completions).
//! - [`rank`]: field-weighted BM25, a coverage factor and the context boost.
//! - [`highlight`]: marks in titles and the best snippet window, as byte ranges.
//! - [`context`]: `route:` globs and `error:`/`page:` equality.
//!
//! Size matters as much as speed (the widget's budget is 150 KB gzip): the hot loops are
//! non-generic (`dyn` callbacks), every sort goes through one `u64` key sort, and NFKC tables
//! stay in the browser. Measured with a tiny `cdylib` (opt-level "z", LTO, `wasm-opt -Oz`), the
//! whole engine adds about 57 KB of wasm, 28 KB gzip, over an empty one that allocates; the
//! `nfkc` feature alone would add another 138 KB (70 KB gzip).
//!
//! # Why hand-written
//!
//! Checked on crates.io before writing this: `tantivy` and `lindera` (dictionary segmentation)
//! are far too big for a 150 KB (gzip) widget; `bm25` (2.3) and `probly-search` (2.0) score BM25
//! over a tokenizer you supply, but offer none of the hard parts here (typo-tolerant term
//! lookup, CJK-aware tokens, highlight offsets through normalization), and `bm25`'s default
//! tokenizer pulls stemmers, stop-word lists and `deunicode` tables; `elasticlunr-rs` only writes
//! indexes for the JS lunr library; `tinysearch` uses Bloom filters (no ranking, no typos);
//! `unicode-segmentation` does not split CJK text into searchable units; `fst` +
//! `levenshtein_automata` would do typo lookup but need an FST build and an automaton per query,
//! for what a 100-line walk over a sorted list does within the latency goal. The one crate used
//! is `unicode-normalization`, for NFKC on the host only. Everything here needs only `Vec`, `String` and
//! one `HashMap`, so it compiles to compact wasm.

pub mod context;
pub mod fuzzy;
mod hash;
pub mod highlight;
pub mod index;
mod keys;
pub mod normalize;
pub mod query;
pub mod rank;
pub mod tokenize;

use core::ops::Range;

pub use context::context_matches;
pub use index::Index;
pub use normalize::{NormalizeHook, Normalizer};
pub use tokenize::{Token, TokenKind, tokenize};

/// What a searchable document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// A help article.
    Article,
    /// A guided troubleshooting flow.
    Flow,
}

/// One searchable document, in plain text (no Markdown syntax: the snippet shows `body` as is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchDoc {
    /// Stable id of the article or flow.
    pub id: String,
    /// Article or flow.
    pub kind: DocKind,
    /// Title: weighs most.
    pub title: String,
    /// Tags: weigh almost as much as the title.
    pub tags: Vec<String>,
    /// One-sentence summary: weighs more than the body, and is the default snippet.
    pub summary: String,
    /// Body text.
    pub body: String,
    /// Context patterns such as `route:/nodes/*` or `error:E_NODE_OFFLINE` (see [`context`]).
    pub contexts: Vec<String>,
}

/// Options of [`Index::search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// At most this many hits.
    pub limit: usize,
    /// Active contexts of the host page, e.g. `route:/nodes/abc`, `error:E_NODE_OFFLINE`.
    /// Documents whose `contexts` match one of them rank higher.
    pub context_boost: Vec<String>,
}

impl Default for SearchOptions {
    /// Ten hits, no context.
    fn default() -> Self {
        Self {
            limit: 10,
            context_boost: Vec::new(),
        }
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the document ([`Index::doc`]), in the order given to [`Index::build`].
    pub doc: usize,
    /// Relevance: larger is better; only meaningful within one result list.
    pub score: f32,
    /// The document's title with the matched terms marked.
    pub title: Highlighted,
    /// A short excerpt (the summary, or the body window with most matches) with marks.
    pub snippet: Highlighted,
}

/// Text with parts to highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text to show.
    pub text: String,
    /// Sorted, non-overlapping byte ranges of `text` to highlight, on character boundaries.
    pub marks: Vec<Range<usize>>,
}
