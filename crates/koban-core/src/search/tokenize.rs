//! Tokenizer: normalized text to search terms, with byte ranges into the original text.
//!
//! Hand-written on purpose. `unicode-segmentation`'s word rules (UAX #29) do not split Japanese
//! or Chinese into searchable units anyway (a run of kana or ideographs is one "word"), and a
//! dictionary segmenter such as `lindera` embeds megabytes of dictionary. Search engines without a
//! dictionary index CJK as overlapping character bigrams (Lucene's `CJKBigramFilter`), which needs
//! only a table of script ranges, kept here in one small function.
//!
//! - **Words**: runs of letters and digits of any script written with spaces (Latin, Greek,
//!   Cyrillic, …), at most [`MAX_WORD_CHARS`] characters (longer words are cut, the same way in
//!   documents and queries). Apostrophes inside words are dropped (`node's` → `nodes`);
//!   everything else that is not a letter or digit separates words, including `_`, `-` and `.`,
//!   so `E_NODE_OFFLINE` gives `e`, `node`, `offline`.
//! - **CJK runs** (kana, ideographs, Hangul, and the scripts written without spaces: Thai, Lao,
//!   Khmer, Myanmar): overlapping bigrams, `ノードがオフライン` → `ノー ード ドが がオ オフ フラ ライ イン`,
//!   and a unigram for a run of one character. A query `オフライン` then finds that text through
//!   its bigrams whatever particles surround it.

use core::ops::Range;

use super::normalize::Normalizer;

/// Words longer than this many characters are cut to this length.
pub const MAX_WORD_CHARS: usize = 32;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word of a script written with spaces (letters and digits).
    Word,
    /// A CJK bigram, or a unigram when the CJK run is one character long.
    Cjk,
}

/// One search term found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The normalized term, as stored in the index.
    pub term: String,
    /// Byte range of the token in the original text (on character boundaries).
    pub range: Range<usize>,
    /// Word or CJK.
    pub kind: TokenKind,
}

/// Splits `text` into search terms (see the module docs).
pub fn tokenize(text: &str, normalizer: &Normalizer) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, normalizer, |term, range, kind| {
        out.push(Token {
            term: term.to_owned(),
            range,
            kind,
        });
    });
    out
}

/// Character classes of normalized text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Joiner,
    Sep,
}

fn class(c: char) -> Class {
    let cp = c as u32;
    if cp < 0x80 {
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c == '\'' {
            Class::Joiner
        } else {
            Class::Sep
        };
    }
    match cp {
        0xAA | 0xB5 | 0xBA => Class::Word,
        0x80..=0xBF | 0xD7 | 0xF7 => Class::Sep,
        0x2019 | 0x02BC => Class::Joiner,
        0x30FB | 0x30A0 => Class::Sep,
        0x0E00..=0x0EFF
        | 0x1000..=0x109F
        | 0x1100..=0x11FF
        | 0x1780..=0x17FF
        | 0x2E80..=0x2FDF
        | 0x3005..=0x3007
        | 0x3021..=0x3029
        | 0x3031..=0x3035
        | 0x303B..=0x303C
        | 0x3040..=0x30FF
        | 0x3130..=0x318F
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF => Class::Cjk,
        0x0300..=0x036F
        | 0x2000..=0x2BFF
        | 0x2E00..=0x2E7F
        | 0x3000..=0x303F
        | 0xFE00..=0xFE6F
        | 0xFF00..=0xFF65
        | 0xFFA0..=0xFFFF
        | 0x1F000..=0x1FAFF
        | 0xE0000..=0xE01EF
        | 0xD800..=0xDFFF => Class::Sep,
        _ => Class::Word,
    }
}

/// Whether `c` (normalized) belongs to a script indexed as bigrams.
pub(crate) fn is_cjk(c: char) -> bool {
    class(c) == Class::Cjk
}

/// Whether `c` (normalized) is part of a term: a letter, digit or CJK character.
pub(crate) fn is_term_char(c: char) -> bool {
    matches!(class(c), Class::Word | Class::Cjk)
}

/// Streams the tokens of `text` to `f(term, byte_range, kind)` without allocating per token.
pub(crate) fn for_each_token(
    text: &str,
    normalizer: &Normalizer,
    mut f: impl FnMut(&str, Range<usize>, TokenKind),
) {
    each_token(text, normalizer, &mut f);
}

/// [`for_each_token`] without generics: one copy in the wasm binary.
fn each_token(
    text: &str,
    normalizer: &Normalizer,
    f: &mut dyn FnMut(&str, Range<usize>, TokenKind),
) {
    let mut state = State {
        f,
        word: String::new(),
        word_chars: 0,
        word_range: 0..0,
        cjk_prev: None,
        cjk_len: 0,
        pair: String::new(),
    };
    normalizer.for_each_char(text, |c, start, end| state.push(c, start, end));
    state.end_word();
    state.end_cjk();
}

/// The tokenizer's state machine.
struct State<F> {
    f: F,
    word: String,
    word_chars: usize,
    word_range: Range<usize>,
    /// The previous character of the current CJK run with its unit's byte range.
    cjk_prev: Option<(char, usize, usize)>,
    cjk_len: usize,
    pair: String,
}

impl<F: FnMut(&str, Range<usize>, TokenKind)> State<F> {
    fn push(&mut self, c: char, start: usize, end: usize) {
        match class(c) {
            Class::Word => {
                self.end_cjk();
                if self.word.is_empty() {
                    self.word_range = start..end;
                }
                self.word_range.end = end;
                if self.word_chars < MAX_WORD_CHARS {
                    self.word.push(c);
                    self.word_chars += 1;
                }
            }
            Class::Joiner => {
                if !self.word.is_empty() {
                    self.word_range.end = end;
                }
            }
            Class::Cjk => {
                self.end_word();
                if let Some((p, p_start, _)) = self.cjk_prev {
                    self.pair.clear();
                    self.pair.push(p);
                    self.pair.push(c);
                    (self.f)(&self.pair, p_start..end, TokenKind::Cjk);
                }
                self.cjk_prev = Some((c, start, end));
                self.cjk_len += 1;
            }
            Class::Sep => {
                self.end_word();
                self.end_cjk();
            }
        }
    }

    fn end_word(&mut self) {
        if !self.word.is_empty() {
            (self.f)(&self.word, self.word_range.clone(), TokenKind::Word);
            self.word.clear();
            self.word_chars = 0;
        }
    }

    fn end_cjk(&mut self) {
        if self.cjk_len == 1
            && let Some((c, start, end)) = self.cjk_prev
        {
            self.pair.clear();
            self.pair.push(c);
            (self.f)(&self.pair, start..end, TokenKind::Cjk);
        }
        self.cjk_prev = None;
        self.cjk_len = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text, &Normalizer::basic())
            .into_iter()
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn words_and_bigrams() {
        assert_eq!(
            terms("E_NODE_OFFLINE: node's"),
            ["e", "node", "offline", "nodes"]
        );
        assert_eq!(
            terms("ノードがオフライン"),
            [
                "ノー", "ード", "ドが", "がオ", "オフ", "フラ", "ライ", "イン"
            ]
        );
        assert_eq!(terms("100円 です"), ["100", "円", "です"]);
    }

    #[test]
    fn ranges_cover_original_text() {
        let text = "Café ノード";
        let toks = tokenize(text, &Normalizer::basic());
        assert_eq!(&text[toks[0].range.clone()], "Café");
        assert_eq!(&text[toks[1].range.clone()], "ノー");
        assert_eq!(&text[toks[2].range.clone()], "ード");
    }
}
