//! Tokenizer tests: English, Japanese, Chinese, Korean and accented Latin, with and without the
//! NFKC hook, and byte ranges that point back into the original text.

use koban_core::search::{Normalizer, TokenKind, tokenize};

fn terms_with(text: &str, n: &Normalizer) -> Vec<String> {
    tokenize(text, n).into_iter().map(|t| t.term).collect()
}

fn terms(text: &str) -> Vec<String> {
    terms_with(text, &Normalizer::default())
}

#[test]
fn english_words_are_lowercased_and_split_on_punctuation() {
    assert_eq!(
        terms("Restart the gridshare-node agent (E_NODE_OFFLINE), then reload."),
        [
            "restart",
            "the",
            "gridshare",
            "node",
            "agent",
            "e",
            "node",
            "offline",
            "then",
            "reload"
        ]
    );
    assert_eq!(
        terms("Don’t use v2.5 on port 443!"),
        ["dont", "use", "v2", "5", "on", "port", "443"]
    );
    assert!(terms("  ... --- !!! ").is_empty());
    let toks = tokenize("Node's agent", &Normalizer::default());
    assert_eq!(toks[0].term, "nodes");
    assert_eq!(toks[0].range, 0..6);
    assert_eq!(toks[0].kind, TokenKind::Word);
}

#[test]
fn japanese_runs_become_bigrams() {
    assert_eq!(
        terms("ノードがオフラインと表示される"),
        [
            "ノー", "ード", "ドが", "がオ", "オフ", "フラ", "ライ", "イン", "ンと", "と表", "表示",
            "示さ", "され", "れる"
        ]
    );
    // Latin inside Japanese text is a word of its own.
    assert_eq!(
        terms("GPU が検出されない"),
        ["gpu", "が検", "検出", "出さ", "され", "れな", "ない"]
    );
    assert_eq!(
        terms("ノード、オフライン。"),
        ["ノー", "ード", "オフ", "フラ", "ライ", "イン"]
    );
    // A one-character run is a unigram.
    assert_eq!(terms("100円 を"), ["100", "円", "を"]);
    let toks = tokenize("ノードがオフライン", &Normalizer::default());
    assert!(toks.iter().all(|t| t.kind == TokenKind::Cjk));
}

#[cfg(feature = "nfkc")]
#[test]
fn japanese_width_forms_fold_with_nfkc() {
    // Halfwidth katakana (with a voiced mark) and fullwidth Latin.
    assert_eq!(terms("ｵﾌﾗｲﾝ"), terms("オフライン"));
    assert_eq!(terms("ｶﾞｲﾄﾞ"), terms("ガイド"));
    assert_eq!(terms("ＡＰＩキー"), ["api", "キー"]);
    assert_eq!(terms("１２３\u{3000}ＧＢ"), ["123", "gb"]);
}

#[test]
fn chinese_runs_become_bigrams() {
    assert_eq!(terms("节点离线"), ["节点", "点离", "离线"]);
    assert_eq!(terms("如何提现？钱包"), ["如何", "何提", "提现", "钱包"]);
    assert_eq!(terms("币"), ["币"]);
}

#[test]
fn korean_words_become_bigrams() {
    assert_eq!(
        terms("노드가 오프라인"),
        ["노드", "드가", "오프", "프라", "라인"]
    );
}

#[cfg(feature = "nfkc")]
#[test]
fn decomposed_hangul_composes_under_nfkc() {
    assert_eq!(terms("\u{1102}\u{1169}\u{1103}\u{1173}"), ["노드"]);
}

#[test]
fn accented_latin_folds_to_base_letters() {
    assert_eq!(terms("Café Crème Brûlée"), ["cafe", "creme", "brulee"]);
    assert_eq!(
        terms("Straße Łódź Ærøskøbing"),
        ["strasse", "lodz", "aeroskobing"]
    );
    assert_eq!(terms("Tiếng Việt"), ["tieng", "viet"]);
    // Decomposed accents fold the same, with or without the NFKC hook.
    assert_eq!(terms("Cafe\u{301}"), ["cafe"]);
    assert_eq!(
        terms_with("Cafe\u{301} CAFÉ", &Normalizer::basic()),
        ["cafe", "cafe"]
    );
    let toks = tokenize("à la café", &Normalizer::default());
    assert_eq!(toks[2].range, 6..11);
}

#[test]
fn greek_and_cyrillic_are_case_folded() {
    assert_eq!(terms("ΚΌΜΒΟΣ Ёлка"), ["κομβοσ", "елка"]);
}

#[test]
fn a_custom_hook_is_applied() {
    fn upper_to_x(s: &str) -> String {
        s.chars().map(|c| if c == 'Ω' { 'x' } else { c }).collect()
    }
    // Ω (U+2126 OHM SIGN) is not on the fast path, so the hook sees it.
    let n = Normalizer::with_hook(upper_to_x);
    assert_eq!(terms_with("5\u{2126}", &n), ["5"]);
    assert_eq!(terms_with("a\u{2126}", &n), ["a"]);
    assert!(n.has_hook());
    assert!(!Normalizer::basic().has_hook());
}

#[test]
fn very_long_words_are_cut() {
    let long = "a".repeat(100);
    let toks = tokenize(&long, &Normalizer::default());
    assert_eq!(toks.len(), 1);
    assert_eq!(
        toks[0].term.len(),
        koban_core::search::tokenize::MAX_WORD_CHARS
    );
    assert_eq!(toks[0].range, 0..100);
}
