//! Highlighting: which parts of a title or snippet matched the query, as byte ranges.
//!
//! The text is tokenized again exactly as it was indexed (same normalizer), and every token that
//! is one of the query's expansions is marked with its range in the *original* text, so marks
//! survive NFKC, width folding and accent folding (`ＷＡＬＬＥＴ`, `Café`). A prefix completion marks
//! only the typed part (`wall` → **Wall**et); overlapping CJK bigrams merge into one mark.
//!
//! The snippet is the summary or the window of the body that matches the most distinct query
//! units, about [`SNIPPET_CELLS`] columns wide (CJK characters count two), starting at a
//! sentence start when one is near, cut at word boundaries, whitespace collapsed, with `…` where
//! text was cut. The index stores where each term first occurs in each body, so the window is
//! chosen among those first occurrences and only a few hundred bytes of the body are tokenized
//! again, however long the article (bodies over 64 KB: occurrences past 64 KB are not found).

use core::ops::Range;

use super::hash::FxHashMap;
use super::keys;
use super::normalize::Normalizer;
use super::query::Query;
use super::tokenize::{for_each_token, is_term_char};
use super::{Highlighted, Index};

/// Target width of a snippet, in columns.
pub const SNIPPET_CELLS: usize = 150;

/// At most this many columns of context before the first match in a snippet.
pub const LEAD_CELLS: usize = 30;

/// Bytes of body re-tokenized before and after the first match chosen for the snippet.
const REGION_LEAD_BYTES: usize = 4 * LEAD_CELLS;
const REGION_BYTES: usize = 4 * SNIPPET_CELLS;

/// At most this many matches are considered per text.
const MAX_MARKS: usize = 256;

/// How a term of the text matches the query.
#[derive(Clone, Copy)]
struct TermMatch {
    /// The query unit.
    unit: u8,
    /// Characters to highlight; `None` for all.
    partial: Option<u8>,
    /// See [`super::query::Unit::chained`].
    chained: bool,
}

/// The query's expansions by term.
pub(crate) struct Matcher<'a> {
    terms: FxHashMap<&'a str, TermMatch>,
}

impl<'a> Matcher<'a> {
    /// Collects the expansions of `query`.
    pub(crate) fn new(index: &'a Index, query: &Query) -> Self {
        let mut terms: FxHashMap<&'a str, TermMatch> = FxHashMap::default();
        for (u, unit) in query.units.iter().enumerate() {
            for e in &unit.expansions {
                let entry = terms
                    .entry(&index.terms[e.term as usize])
                    .or_insert(TermMatch {
                        unit: u as u8,
                        partial: e.highlight,
                        chained: unit.chained,
                    });
                // Whole-term highlight wins over a partial one, a free one over a chained one.
                if e.highlight.is_none() {
                    entry.partial = None;
                }
                entry.chained &= unit.chained;
            }
        }
        Self { terms }
    }
}

/// One matched token: its byte range and the query unit it matched.
#[derive(Clone, Debug)]
struct Mark {
    range: Range<usize>,
    unit: u8,
}

fn find_marks(text: &str, norm: &Normalizer, matcher: &Matcher<'_>) -> Vec<Mark> {
    let mut marks = Vec::new();
    if matcher.terms.is_empty() {
        return marks;
    }
    // A chained CJK match waiting for a matching neighbour, and the last chained match's range.
    let mut pending: Option<Mark> = None;
    let mut last_chained: Option<Range<usize>> = None;
    for_each_token(text, norm, |term, range, _| {
        if marks.len() >= MAX_MARKS {
            return;
        }
        let Some(&m) = matcher.terms.get(term) else {
            pending = None;
            last_chained = None;
            return;
        };
        if m.chained {
            let mark = Mark {
                range: range.clone(),
                unit: m.unit,
            };
            if last_chained
                .as_ref()
                .is_some_and(|prev| prev.end > range.start)
            {
                marks.extend(pending.take());
                marks.push(mark);
            } else {
                pending = Some(mark);
            }
            last_chained = Some(range);
            return;
        }
        pending = None;
        last_chained = None;
        let range = match m.partial {
            Some(chars) => partial_range(text, range, chars as usize, norm),
            None => range,
        };
        marks.push(Mark {
            range,
            unit: m.unit,
        });
    });
    marks
}

/// The part of `range` whose normalized form holds the first `chars` term characters.
fn partial_range(text: &str, range: Range<usize>, chars: usize, norm: &Normalizer) -> Range<usize> {
    let mut seen = 0;
    let mut end = range.end;
    let mut done = false;
    norm.for_each_char(&text[range.clone()], |c, _, e| {
        if done || !is_term_char(c) {
            return;
        }
        seen += 1;
        if seen >= chars {
            end = range.start + e;
            done = true;
        }
    });
    range.start..end
}

/// Sorts and merges overlapping or touching ranges.
fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut sorted: Vec<u64> = ranges
        .iter()
        .map(|r| keys::pair(r.start as u32, r.end as u32))
        .collect();
    sorted.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for key in sorted {
        let (start, end) = keys::unpair(key);
        let r = start as usize..end as usize;
        if r.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// `text` with every matched term marked.
pub(crate) fn title(text: &str, norm: &Normalizer, matcher: &Matcher<'_>) -> Highlighted {
    let marks = find_marks(text, norm, matcher);
    Highlighted {
        text: text.to_owned(),
        marks: merge(marks.into_iter().map(|m| m.range).collect()),
    }
}

/// Display width of a character: 2 for East Asian wide characters.
fn cells(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？' | '．')
}

/// Rounds `i` down to a character boundary of `s`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The best excerpt of document `d`'s summary or body (see the module docs).
pub(crate) fn snippet(index: &Index, d: u32, query: &Query, matcher: &Matcher<'_>) -> Highlighted {
    let doc = &index.docs[d as usize];
    let (summary, body) = (doc.summary.as_str(), doc.body.as_str());
    let norm = &index.normalizer;
    let summary_marks = find_marks(summary, norm, matcher);
    let s = best_window(summary, &summary_marks);

    // Where each query unit first occurs in the body, from the index.
    let mut firsts: Vec<u64> = query
        .units
        .iter()
        .filter_map(|u| {
            u.expansions
                .iter()
                .filter_map(|e| index.body_offset(e.term, d))
                .min()
                .map(|p| p as u64)
        })
        .collect();
    firsts.sort_unstable();
    let mut anchor = None;
    let mut most = 0;
    for (i, &p) in firsts.iter().enumerate() {
        let n = firsts[i..]
            .iter()
            .take_while(|&&q| q <= p + SNIPPET_CELLS as u64)
            .count();
        if n > most {
            most = n;
            anchor = Some(p as usize);
        }
    }
    // Only a region around the anchor is tokenized again.
    let region = match anchor {
        Some(p) => {
            floor_boundary(body, p.saturating_sub(REGION_LEAD_BYTES))
                ..floor_boundary(body, p + REGION_BYTES)
        }
        None => 0..floor_boundary(body, REGION_BYTES),
    };
    let mut body_marks = find_marks(&body[region.clone()], norm, matcher);
    let b = best_window(&body[region.clone()], &body_marks);
    for m in &mut body_marks {
        m.range = m.range.start + region.start..m.range.end + region.start;
    }
    if !summary.trim().is_empty() && (s.0 >= b.0 || body.trim().is_empty()) {
        excerpt(summary, &summary_marks, s.1)
    } else {
        excerpt(body, &body_marks, b.1)
    }
}

/// The window of marks (within the snippet width) with the most distinct units, then the most
/// marks: `(distinct units, index of its first mark)`.
fn best_window(text: &str, marks: &[Mark]) -> (u32, usize) {
    if marks.is_empty() {
        return (0, 0);
    }
    // Column of every mark's start and end: walk the text once along the sorted offsets.
    let mut bounds: Vec<u64> = marks
        .iter()
        .flat_map(|m| [m.range.start as u64, m.range.end as u64])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut bound_cols = Vec::with_capacity(bounds.len());
    let mut col = 0;
    for (i, c) in text.char_indices() {
        while bound_cols.len() < bounds.len() && bounds[bound_cols.len()] <= i as u64 {
            bound_cols.push(col);
        }
        col += cells(c);
    }
    bound_cols.resize(bounds.len(), col);
    let col_at = |offset: usize| {
        bounds
            .binary_search(&(offset as u64))
            .map_or(col, |k| bound_cols[k])
    };
    let cols: Vec<(usize, usize)> = marks
        .iter()
        .map(|m| (col_at(m.range.start), col_at(m.range.end)))
        .collect();
    let span = SNIPPET_CELLS - LEAD_CELLS;
    let mut best = (0u32, 0usize, 0usize);
    let mut j = 0;
    for i in 0..marks.len() {
        j = j.max(i);
        while j < marks.len() && cols[j].1.saturating_sub(cols[i].0) <= span {
            j += 1;
        }
        let window = &marks[i..j.max(i + 1)];
        let units = window
            .iter()
            .fold(0u64, |acc, m| acc | 1u64 << (m.unit % 64));
        let key = (units.count_ones(), window.len());
        if key > (best.0, best.1) {
            best = (key.0, key.1, i);
        }
    }
    (best.0, best.2)
}

/// Cuts the excerpt of `text` around mark `first` and maps the marks into it.
fn excerpt(text: &str, marks: &[Mark], first: usize) -> Highlighted {
    let anchor = marks.get(first).map_or(0, |m| m.range.start);
    let anchor_end = marks.get(first).map_or(0, |m| m.range.end);

    // Start: the beginning of the anchor's sentence if near, else a word start near the lead.
    let mut start = anchor;
    let mut col = 0;
    for (i, c) in text[..anchor].char_indices().rev() {
        if ends_sentence(c) {
            start = i + c.len_utf8();
            break;
        }
        col += cells(c);
        if col > LEAD_CELLS {
            start = text[i..anchor]
                .char_indices()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(i, |(k, c)| i + k + c.len_utf8());
            break;
        }
        start = i;
    }
    while let Some(c) = text[start..].chars().next() {
        if !c.is_whitespace() || start >= anchor {
            break;
        }
        start += c.len_utf8();
    }

    // End: SNIPPET_CELLS columns on, backed off to a word boundary.
    let mut end = text.len();
    let mut col = 0;
    for (i, c) in text[start..].char_indices() {
        col += cells(c);
        if col > SNIPPET_CELLS {
            end = start + i;
            break;
        }
    }
    if end < text.len() {
        let in_word = |c: char| is_term_char(c) && cells(c) == 1;
        let cut_mid_word = text[end..].chars().next().is_some_and(in_word)
            && text[..end].chars().next_back().is_some_and(in_word);
        if cut_mid_word
            && let Some(ws) = text[start..end].rfind(char::is_whitespace)
            && start + ws >= anchor_end
        {
            end = start + ws;
        }
    }

    // Collapse whitespace and map original offsets to output offsets.
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(end - start + 1);
    let mut space = false;
    for (i, c) in text[start..end].char_indices() {
        map.push((start + i, out.len()));
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with('…') {
            out.push(' ');
        }
        space = false;
        map.last_mut().expect("pushed above").1 = out.len();
        out.push(c);
    }
    map.push((end, out.len()));
    if end < text.len() {
        out.push('…');
    }
    let lookup = |o: usize| {
        map.binary_search_by_key(&o, |&(orig, _)| orig)
            .ok()
            .map(|k| map[k].1)
    };
    let ranges = marks
        .iter()
        .filter(|m| m.range.start >= start && m.range.end <= end)
        .filter_map(|m| Some(lookup(m.range.start)?..lookup(m.range.end)?))
        .collect();
    Highlighted {
        text: out,
        marks: merge(ranges),
    }
}
