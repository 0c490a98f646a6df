//! Typo-tolerant and prefix lookup in the index's sorted term list.
//!
//! The terms are kept sorted, which makes the list an implicit trie: terms sharing a prefix are
//! neighbours. `walk` visits them in order and keeps one row of the (Damerau, optimal string
//! alignment) edit-distance table per character of the current prefix, so consecutive terms reuse
//! the rows of their common prefix. As soon as every cell of a row exceeds the allowed distance,
//! no term below that prefix can match, and a binary search skips all of them at once. That is
//! a Levenshtein automaton walked over a trie, without building either: no extra memory, and a
//! query word touches a few hundred to a few thousand prefixes instead of every term (measured in
//! `benches/search.rs`). Crates that do this (`fst` with `levenshtein_automata`) would add tens
//! of kilobytes of wasm and a build step for the automaton; the walk below is about 100 lines.

use core::ops::Range;

/// A term found by [`walk`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Index in the sorted term list.
    pub term: u32,
    /// Edit distance: to the whole term, or in prefix mode to the best-matching prefix of it.
    pub dist: u8,
    /// How many characters of the term the query covers (the whole term unless prefix mode).
    pub covered: u8,
    /// Length of the term in characters.
    pub len: u8,
}

/// Stop enumerating after this many matches (a short prefix of a huge vocabulary).
pub(crate) const MAX_FOUND: usize = 4096;

/// Index range of the terms in `terms[range]` that start with `prefix`.
pub(crate) fn prefix_range(terms: &[Box<str>], range: Range<usize>, prefix: &str) -> Range<usize> {
    let slice = &terms[range.clone()];
    let lo = slice.partition_point(|t| &**t < prefix);
    let hi = lo + slice[lo..].partition_point(|t| t.starts_with(prefix));
    range.start + lo..range.start + hi
}

/// The first index from `i` (whose term starts with `prefix`) up to `end` whose term does not
/// start with `prefix`: galloping, as most subtrees skipped are tiny.
fn subtree_end(terms: &[Box<str>], i: usize, end: usize, prefix: &str) -> usize {
    // terms[known] starts with `prefix`; probe at doubling distances until one does not.
    let mut known = i;
    let mut step = 1;
    let out = loop {
        let probe = known + step;
        if probe >= end {
            break end;
        }
        if !terms[probe].starts_with(prefix) {
            break probe;
        }
        known = probe;
        step *= 2;
    };
    known + 1 + terms[known + 1..out].partition_point(|t| t.starts_with(prefix))
}

/// Finds the terms of `terms[range]` within `max` edits of `query` (transpositions count as one
/// edit). With `prefix`, a term matches when some prefix of it is within `max` edits, and `dist`
/// is the best such distance (the deepest prefix wins ties).
pub(crate) fn walk(
    terms: &[Box<str>],
    range: Range<usize>,
    query: &[char],
    max: u8,
    prefix: bool,
    out: &mut Vec<Found>,
) {
    let m = query.len();
    let width = m + 1;
    // rows[d * width ..][..width]: distances after the first d characters of `path`.
    let mut rows: Vec<u8> = (0..=m).map(|j| j.min(255) as u8).collect();
    let mut path: Vec<char> = Vec::new();
    // best[d]: (distance, depth) of the best prefix match among the first d characters.
    let mut best: Vec<(u8, u8)> = vec![(rows[m], 0)];
    let mut chars: Vec<char> = Vec::new();
    let mut i = range.start;
    let start_len = out.len();
    'terms: while i < range.end {
        if out.len() - start_len >= MAX_FOUND {
            return;
        }
        let term = &*terms[i];
        chars.clear();
        chars.extend(term.chars());
        let common = chars.iter().zip(&path).take_while(|(a, b)| a == b).count();
        path.truncate(common);
        rows.truncate((common + 1) * width);
        best.truncate(common + 1);
        let mut bytes: usize = chars[..common].iter().map(|c| c.len_utf8()).sum();
        for d in common..chars.len() {
            let c = chars[d];
            bytes += c.len_utf8();
            let base = d * width;
            let mut row_min = u8::MAX;
            let first = (d + 1).min(255) as u8;
            rows.push(first);
            row_min = row_min.min(first);
            for j in 1..=m {
                let cost = u8::from(query[j - 1] != c);
                let mut v = (rows[base + j] + 1)
                    .min(rows[base + width + j - 1] + 1)
                    .min(rows[base + j - 1] + cost);
                if d >= 1 && j >= 2 && query[j - 1] == path[d - 1] && query[j - 2] == c {
                    v = v.min(rows[base - width + j - 2] + 1);
                }
                rows.push(v);
                row_min = row_min.min(v);
            }
            path.push(c);
            let last = rows[base + width + m];
            let prev = best[d];
            best.push(if last <= prev.0 {
                (last, (d + 1) as u8)
            } else {
                prev
            });
            let matched_prefix = prefix && best[d + 1].0 <= max;
            if row_min > max && !matched_prefix {
                // Nothing below this prefix can match: skip every term that starts with it.
                i = subtree_end(terms, i, range.end, &term[..bytes]);
                continue 'terms;
            }
            if prefix && best[d + 1].0 == 0 {
                // The query is an exact prefix here: every term below matches at distance 0.
                let end = subtree_end(terms, i, range.end, &term[..bytes]);
                for (t, term) in terms.iter().enumerate().take(end).skip(i).take(MAX_FOUND) {
                    let len = term.chars().count().min(255) as u8;
                    out.push(Found {
                        term: t as u32,
                        dist: 0,
                        covered: (d + 1) as u8,
                        len,
                    });
                }
                i = end;
                continue 'terms;
            }
        }
        let len = chars.len().min(255) as u8;
        let (dist, covered) = if prefix {
            best[chars.len()]
        } else {
            (rows[chars.len() * width + m], len)
        };
        if dist <= max {
            out.push(Found {
                term: i as u32,
                dist,
                covered,
                len,
            });
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> Vec<Box<str>> {
        let mut v: Vec<Box<str>> = words.iter().map(|w| Box::from(*w)).collect();
        v.sort();
        v
    }

    fn find(list: &[Box<str>], q: &str, max: u8, prefix: bool) -> Vec<(String, u8)> {
        let q: Vec<char> = q.chars().collect();
        let mut out = Vec::new();
        walk(list, 0..list.len(), &q, max, prefix, &mut out);
        out.iter()
            .map(|f| (list[f.term as usize].to_string(), f.dist))
            .collect()
    }

    #[test]
    fn edit_distance_with_transpositions() {
        let list = terms(&[
            "withdrawal",
            "withdraw",
            "window",
            "wallet",
            "walelt",
            "node",
            "nodes",
        ]);
        assert_eq!(
            find(&list, "withdrawl", 1, false),
            [("withdraw".into(), 1), ("withdrawal".into(), 1)]
        );
        assert_eq!(
            find(&list, "wallet", 1, false),
            [("walelt".into(), 1), ("wallet".into(), 0)]
        );
        assert_eq!(find(&list, "ndoe", 1, false), [("node".into(), 1)]);
        assert!(find(&list, "xyz", 1, false).is_empty());
    }

    #[test]
    fn prefix_mode_matches_completions() {
        let list = terms(&["wall", "wallet", "wallets", "walk", "war"]);
        let got = find(&list, "wall", 0, true);
        assert_eq!(
            got,
            [
                ("wall".into(), 0),
                ("wallet".into(), 0),
                ("wallets".into(), 0)
            ]
        );
        let got = find(&list, "walet", 1, true);
        assert!(got.contains(&("wallet".into(), 1)));
        assert!(got.contains(&("wallets".into(), 1)));
    }

    /// The walk must agree with a brute-force scan.
    #[test]
    fn agrees_with_brute_force() {
        fn osa(a: &[char], b: &[char]) -> usize {
            let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    d[i][j] = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                    }
                }
            }
            d[a.len()][b.len()]
        }
        let words = [
            "node",
            "nodes",
            "noodle",
            "mode",
            "code",
            "done",
            "note",
            "notes",
            "network",
            "networks",
            "ネットワーク",
            "nöde",
            "kode",
            "ndoe",
            "no",
            "n",
            "",
        ];
        let list = terms(&words);
        for q in [
            "node",
            "ndoe",
            "nodse",
            "netwrok",
            "ネトワーク",
            "x",
            "noed",
        ] {
            let qc: Vec<char> = q.chars().collect();
            for max in 0..=2u8 {
                let mut want: Vec<(String, u8)> = list
                    .iter()
                    .filter_map(|t| {
                        let tc: Vec<char> = t.chars().collect();
                        let d = osa(&qc, &tc);
                        (d <= max as usize).then(|| (t.to_string(), d as u8))
                    })
                    .collect();
                want.sort();
                let mut got = find(&list, q, max, false);
                got.sort();
                assert_eq!(got, want, "query {q} max {max}");
            }
        }
    }
}
