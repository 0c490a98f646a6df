//! Query parsing: the words of a query become *units*, each a set of weighted index terms.
//!
//! - A word of a space-separated script matches itself, and, when it has 4 or more characters,
//!   the terms within 1 edit (2 edits from 8 characters; a transposition is one edit), weighted
//!   by [`TYPO_WEIGHT`]. A typo on the first letter counts as two (as in Meilisearch): people
//!   rarely get the first letter wrong, and it keeps the typo walk to one branch of the term
//!   trie. Numbers get no typo tolerance.
//! - The last word, unless the query ends with a space or punctuation, also matches as a prefix:
//!   every term that starts with it, and with its typo budget every term that starts with a word
//!   within that many edits of it. A completion weighs [`completion_weight`]: shorter
//!   completions weigh more.
//! - A CJK bigram matches itself; a lone CJK character matches its unigram and, with a lower
//!   weight, the bigrams that start or end with it.
//!
//! Each unit keeps at most a few dozen expansions (the heaviest, then the most frequent), which
//! bounds the work of a one-letter prefix on a large index.

use super::Index;
use super::fuzzy::{Found, prefix_range, walk};
use super::keys;
use super::tokenize::{MAX_WORD_CHARS, TokenKind, for_each_token};

/// Queries are cut to this many bytes (on a character boundary).
pub const MAX_QUERY_BYTES: usize = 256;

/// Queries use at most this many units (further words are ignored).
pub const MAX_UNITS: usize = 32;

/// At most this many completions of a prefix without typos are considered (then the best
/// [`keep_best`] of them are kept).
const MAX_COMPLETIONS: usize = 1 << 16;

/// Weight of a match at edit distance 0, 1 and 2.
pub const TYPO_WEIGHT: [f32; 3] = [1.0, 0.55, 0.3];

/// Weight of a CJK bigram that starts / ends with a one-character CJK query.
const CJK_STARTS: f32 = 0.8;
const CJK_ENDS: f32 = 0.6;

/// How many edits a query word of `chars` characters may contain.
pub fn typo_budget(word: &str) -> u8 {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Weight of a term of `len` characters that a query word covers `covered` characters of.
pub fn completion_weight(covered: u8, len: u8) -> f32 {
    if covered >= len {
        1.0
    } else {
        0.45 + 0.45 * f32::from(covered) / f32::from(len.max(1))
    }
}

/// One index term a unit matches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Expansion {
    /// Term id.
    pub term: u32,
    /// Multiplies the term's BM25 score.
    pub weight: f32,
    /// Characters of the term to highlight; `None` for all of it.
    pub highlight: Option<u8>,
}

/// The expansions of one query word or CJK bigram.
#[derive(Clone, Debug, Default)]
pub(crate) struct Unit {
    pub expansions: Vec<Expansion>,
    /// A CJK bigram from a longer run of the query (`オフライン` → `オフ`, `フラ`, …): highlighted
    /// only where a neighbouring bigram of the text matches too, so that `イン` is not marked
    /// inside `インストール`.
    pub chained: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default)]
pub(crate) struct Query {
    pub units: Vec<Unit>,
}

/// Parses `query` against the terms of `index`.
pub(crate) fn parse(index: &Index, query: &str) -> Query {
    let mut cut = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(cut) {
        cut -= 1;
    }
    let query = &query[..cut];
    let mut all: Vec<(String, TokenKind, core::ops::Range<usize>)> = Vec::new();
    for_each_token(query, &index.normalizer, |term, range, kind| {
        all.push((term.to_owned(), kind, range));
    });
    // CJK bigrams overlap their neighbours within a run.
    let overlaps = |a: usize, b: usize| {
        all[a].1 == TokenKind::Cjk && all[b].1 == TokenKind::Cjk && all[a].2.end > all[b].2.start
    };
    let mut tokens: Vec<(&str, TokenKind, bool, bool)> = Vec::new();
    for (i, (term, kind, range)) in all.iter().enumerate() {
        let chained = (i > 0 && overlaps(i - 1, i)) || (i + 1 < all.len() && overlaps(i, i + 1));
        if let Some(seen) = tokens.iter_mut().find(|t| t.0 == term) {
            seen.3 &= chained;
        } else if tokens.len() < MAX_UNITS {
            tokens.push((term, *kind, range.end == query.len(), chained));
        }
    }
    let last = tokens.len().saturating_sub(1);
    let units = tokens
        .iter()
        .enumerate()
        .map(|(i, &(term, kind, at_end, chained))| match kind {
            TokenKind::Word => word_unit(index, term, i == last && at_end),
            TokenKind::Cjk => Unit {
                chained,
                ..cjk_unit(index, term)
            },
        })
        .collect();
    Query { units }
}

fn word_unit(index: &Index, word: &str, open: bool) -> Unit {
    let terms = &index.terms;
    let q: Vec<char> = word.chars().take(MAX_WORD_CHARS).collect();
    let max = typo_budget(word);
    let mut found: Vec<Found> = Vec::new();
    let mut first = [0u8; 4];
    let same_first = prefix_range(terms, 0..terms.len(), q[0].encode_utf8(&mut first));
    if max > 0 {
        walk(terms, same_first.clone(), &q, max, open, &mut found);
    } else if open {
        for t in prefix_range(terms, same_first.clone(), word).take(MAX_COMPLETIONS) {
            let len = terms[t].chars().count().min(255) as u8;
            found.push(Found {
                term: t as u32,
                dist: 0,
                covered: q.len() as u8,
                len,
            });
        }
    } else if let Some(t) = index.term_id(word) {
        found.push(Found {
            term: t,
            dist: 0,
            covered: q.len() as u8,
            len: q.len() as u8,
        });
    }
    if max >= 2 {
        // A typo on the first letter counts as two.
        let from = found.len();
        walk(terms, 0..same_first.start, &q, max - 1, false, &mut found);
        walk(
            terms,
            same_first.end..terms.len(),
            &q,
            max - 1,
            false,
            &mut found,
        );
        for f in &mut found[from..] {
            f.dist += 1;
        }
    }
    let expansions = found
        .iter()
        .map(|f| Expansion {
            term: f.term,
            weight: TYPO_WEIGHT[f.dist.min(2) as usize] * completion_weight(f.covered, f.len),
            highlight: (f.covered < f.len).then_some(f.covered),
        })
        .collect();
    Unit {
        expansions: keep_best(index, expansions, q.len()),
        chained: false,
    }
}

fn cjk_unit(index: &Index, term: &str) -> Unit {
    let mut expansions = Vec::new();
    let mut chars = term.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        if let Some(t) = index.term_id(term) {
            expansions.push(Expansion {
                term: t,
                weight: 1.0,
                highlight: None,
            });
        }
        return Unit {
            expansions,
            chained: false,
        };
    };
    for t in prefix_range(&index.terms, 0..index.terms.len(), term) {
        let exact = &*index.terms[t] == term;
        expansions.push(Expansion {
            term: t as u32,
            weight: if exact { 1.0 } else { CJK_STARTS },
            highlight: if exact { None } else { Some(1) },
        });
    }
    let lo = index
        .cjk_second
        .partition_point(|&k| keys::unpair(k).0 < c as u32);
    for t in index.cjk_second[lo..]
        .iter()
        .map(|&k| keys::unpair(k))
        .take_while(|&(s, _)| s == c as u32)
        .map(|(_, t)| t)
    {
        if !index.terms[t as usize].starts_with(c) {
            expansions.push(Expansion {
                term: t,
                weight: CJK_ENDS,
                highlight: None,
            });
        }
    }
    Unit {
        expansions: keep_best(index, expansions, 1),
        chained: false,
    }
}

/// Keeps the heaviest expansions (then the most frequent terms), fewer for short words, in term
/// order.
fn keep_best(index: &Index, expansions: Vec<Expansion>, chars: usize) -> Vec<Expansion> {
    let cap = match chars {
        1 => 8,
        2 => 16,
        _ => 32,
    };
    // Weight (16-bit fixed point, descending), document frequency (24 bits, descending),
    // position in `expansions` (24 bits; there are at most 65,536).
    let mut order: Vec<u64> = expansions
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let w = 0xFFFF - (e.weight.clamp(0.0, 1.0) * 65535.0) as u64;
            let df = 0xFF_FFFF - u64::from(index.df(e.term).min(0xFF_FFFF));
            (w << 48) | (df << 24) | (i as u64 & 0xFF_FFFF)
        })
        .collect();
    keys::smallest(&mut order, cap);
    let mut by_term: Vec<u64> = order
        .iter()
        .map(|&k| {
            let i = (k & 0xFF_FFFF) as u32;
            keys::pair(expansions[i as usize].term, i)
        })
        .collect();
    by_term.sort_unstable();
    by_term
        .into_iter()
        .map(|k| expansions[keys::unpair(k).1 as usize])
        .collect()
}
