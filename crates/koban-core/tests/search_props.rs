//! Property tests: indexing and searching arbitrary Unicode never panics, and every highlight is
//! a sorted, non-overlapping, non-empty byte range on character boundaries of its text.
#![cfg(not(target_arch = "wasm32"))]

use koban_core::search::{
    DocKind, Highlighted, Index, Normalizer, SearchDoc, SearchOptions, context_matches, tokenize,
};
use proptest::prelude::*;

/// Text mixing the scripts and tricky characters search cares about.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
        2 => Just(' '),
        1 => prop::sample::select(vec!['.', '-', '_', '\'', '’', '\n', '、', '。', '\u{3000}']),
        2 => prop::char::range('\u{3041}', '\u{30FF}'),
        1 => prop::char::range('\u{4E00}', '\u{4E80}'),
        1 => prop::char::range('\u{AC00}', '\u{AC80}'),
        1 => prop::char::range('\u{FF01}', '\u{FF9F}'),
        1 => prop::char::range('\u{0300}', '\u{036F}'),
        1 => prop::char::range('\u{00C0}', '\u{024F}'),
        1 => prop::sample::select(vec!['ﬁ', '㍿', 'Ⅳ', '①', 'ǅ', 'İ', 'ß', 'ς', '\u{1160}', '\u{FE0F}', '😀']),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..60).prop_map(String::from_iter)
}

fn doc() -> impl Strategy<Value = SearchDoc> {
    (
        text(),
        prop::collection::vec(text(), 0..3),
        text(),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(
            prop_oneof![
                text(),
                Just("route:/nodes/*".to_string()),
                Just("route:/**".to_string()),
                Just("error:E_X".to_string()),
            ],
            0..3,
        ),
    )
        .prop_map(|(title, tags, summary, body, contexts)| SearchDoc {
            id: title.clone(),
            kind: DocKind::Article,
            title,
            tags,
            summary,
            body: body.join("\n"),
            contexts,
        })
}

fn assert_valid(h: &Highlighted) {
    let mut prev_end = 0;
    for (i, m) in h.marks.iter().enumerate() {
        assert!(m.start < m.end, "empty mark {m:?} in {:?}", h.text);
        assert!(m.end <= h.text.len(), "mark {m:?} outside {:?}", h.text);
        assert!(h.text.is_char_boundary(m.start) && h.text.is_char_boundary(m.end));
        assert!(
            i == 0 || m.start > prev_end,
            "overlapping or touching marks in {h:?}"
        );
        prev_end = m.end;
    }
}

/// A hook that makes text longer or drops it, to stress the offset mapping.
fn odd_hook(s: &str) -> String {
    if s.len().is_multiple_of(2) {
        format!("{s}Ｘ\u{301}{s}")
    } else {
        String::new()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn build_and_search_never_panic(
        docs in prop::collection::vec(doc(), 0..12),
        queries in prop::collection::vec(text(), 1..6),
        contexts in prop::collection::vec(prop_oneof![text(), Just("route:/nodes/abc".to_string())], 0..3),
    ) {
        for normalizer in [Normalizer::default(), Normalizer::basic(), Normalizer::with_hook(odd_hook)] {
            let index = Index::build_with(docs.clone(), normalizer);
            for q in &queries {
                let opts = SearchOptions { limit: 20, context_boost: contexts.clone() };
                let hits = index.search(q, &opts);
                prop_assert!(hits.len() <= 20);
                for h in &hits {
                    prop_assert!(h.doc < index.len());
                    prop_assert!(h.score.is_finite() && h.score > 0.0);
                    prop_assert_eq!(&h.title.text, &index.doc(h.doc).title);
                    assert_valid(&h.title);
                    assert_valid(&h.snippet);
                }
                // Scores are sorted.
                prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
            }
            let _ = index.for_contexts(&contexts, 5);
        }
    }

    #[test]
    fn token_ranges_are_char_boundaries(s in text(), t in any::<String>()) {
        for text in [&s, &t] {
            for tok in tokenize(text, &Normalizer::default()) {
                prop_assert!(tok.range.start < tok.range.end && tok.range.end <= text.len());
                prop_assert!(text.is_char_boundary(tok.range.start));
                prop_assert!(text.is_char_boundary(tok.range.end));
                prop_assert!(!tok.term.is_empty());
            }
        }
    }

    #[test]
    fn every_title_word_finds_its_document(words in prop::collection::vec("[a-z]{1,10}", 1..8), pick in any::<prop::sample::Index>()) {
        let docs: Vec<SearchDoc> = words.iter().enumerate().map(|(i, w)| SearchDoc {
            id: i.to_string(),
            kind: DocKind::Flow,
            title: format!("{w} guide"),
            tags: vec![],
            summary: String::new(),
            body: String::new(),
            contexts: vec![],
        }).collect();
        let index = Index::build(docs);
        let i = pick.index(words.len());
        let hits = index.search(&format!("{} ", words[i]), &SearchOptions { limit: 100, context_boost: vec![] });
        prop_assert!(hits.iter().any(|h| h.doc == i), "{:?} not found", words[i]);
    }

    #[test]
    fn context_matching_never_panics(p in any::<String>(), a in any::<String>(), segs in prop::collection::vec(prop_oneof![Just("*"), Just("**"), Just("x")], 0..40)) {
        let _ = context_matches(&p, &a);
        let pattern = format!("route:/{}", segs.join("/"));
        let route = format!("route:/{}", vec!["x"; segs.len()].join("/"));
        let _ = context_matches(&pattern, &route);
    }
}
