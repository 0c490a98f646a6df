//! Text normalization for search: NFKC through a hook, then case, width and accent folding.
//!
//! Search has to treat `ＷＡＬＬＥＴ`, `Wallet` and `wallet` as the same word, `ｵﾌﾗｲﾝ` as `オフライン`,
//! and `café` as `cafe`. Full Unicode NFKC needs large tables (the `unicode-normalization` crate
//! adds roughly 100 KB of wasm), which the widget cannot afford when the browser already ships
//! them as `String.prototype.normalize`. So NFKC is a *hook*, a plain function pointer:
//!
//! - host (feature `nfkc`, on by default): [`Normalizer::nfkc`] uses `unicode-normalization`;
//! - widget: [`Normalizer::with_hook`] with a function that calls JS
//!   `s.normalize('NFKC').toLowerCase()`;
//! - neither: [`Normalizer::basic`], the built-in folding alone.
//!
//! A function pointer (not a boxed closure) keeps [`Normalizer`], and so the search index, `Copy`,
//! `Send` and `Sync`; calling JS needs no captured state.
//!
//! Text is normalized one *unit* at a time: a character plus the combining marks that follow it.
//! Every output character carries the byte range of the unit it came from, which is how
//! highlights map back onto the original text. Units made of one character that NFKC leaves
//! unchanged (ASCII, Latin letters, Greek, Cyrillic, kana, CJK ideographs, Hangul syllables, the
//! common CJK punctuation) skip the hook, so Japanese or English text almost never calls it:
//! that matters in the widget, where each call crosses into JS.
//!
//! After the hook, the built-in folding always runs (it is hand-written and tiny):
//! ASCII lowercase; fullwidth ASCII and the ideographic space to ASCII; Latin letters with
//! diacritics to their base letters (`é` → `e`, `ß` → `ss`, `Ł` → `l`, from two 2-byte-per-entry
//! tables generated from the Unicode names); combining diacritics (U+0300..U+036F) dropped;
//! Greek, Cyrillic and Armenian lowercased (Greek accents and `ё` folded). Other scripts are
//! lowercased by the hook (the host hook and the recommended widget hook both lowercase).

/// A normalization function applied to units that need full NFKC, for example one that calls JS
/// `String.prototype.normalize('NFKC')`. It receives a short slice (one character plus its
/// combining marks) and returns its normalized form; it may also lowercase.
pub type NormalizeHook = fn(&str) -> String;

/// How search folds text before tokenizing: an optional NFKC [`NormalizeHook`] followed by the
/// built-in case, width and accent folding (see the module docs).
///
/// The same normalizer must be used to build an index and to query it; [`crate::search::Index`]
/// stores the one it was built with.
#[derive(Clone, Copy)]
pub struct Normalizer {
    hook: Option<NormalizeHook>,
}

impl core::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Normalizer")
            .field("hook", &self.hook.is_some())
            .finish()
    }
}

impl Default for Normalizer {
    /// [`Normalizer::nfkc`] when the `nfkc` feature is on, else [`Normalizer::basic`].
    fn default() -> Self {
        #[cfg(feature = "nfkc")]
        {
            Self::nfkc()
        }
        #[cfg(not(feature = "nfkc"))]
        {
            Self::basic()
        }
    }
}

impl Normalizer {
    /// Built-in folding only: lowercase, fullwidth ASCII folding, Latin accent folding. No NFKC.
    pub const fn basic() -> Self {
        Self { hook: None }
    }

    /// Built-in folding after `hook`, which should apply NFKC (and may lowercase).
    pub const fn with_hook(hook: NormalizeHook) -> Self {
        Self { hook: Some(hook) }
    }

    /// NFKC from the `unicode-normalization` crate, then full Unicode lowercase, then the
    /// built-in folding. For the host (server, tests, benches).
    #[cfg(feature = "nfkc")]
    pub fn nfkc() -> Self {
        fn hook(s: &str) -> String {
            use unicode_normalization::UnicodeNormalization;
            s.nfkc().collect::<String>().to_lowercase()
        }
        Self::with_hook(hook)
    }

    /// Whether an NFKC hook is set.
    pub fn has_hook(&self) -> bool {
        self.hook.is_some()
    }

    /// The normalized form of `text` (what the tokenizer sees).
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.for_each_char(text, |c, _, _| out.push(c));
        out
    }

    /// Calls `f(c, start, end)` for every normalized character `c`, where `start..end` is the byte
    /// range in `text` of the unit it came from (always on character boundaries). A unit may
    /// yield several characters (`㍿` → `株式会社`) or none (a lone combining accent).
    pub fn for_each_char(&self, text: &str, mut f: impl FnMut(char, usize, usize)) {
        self.each_char(text, &mut f);
    }

    /// [`Self::for_each_char`] without generics: one copy in the wasm binary.
    fn each_char(&self, text: &str, f: &mut dyn FnMut(char, usize, usize)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII fast path: an ASCII byte not followed by a combining mark (all of which are
            // at U+0300 or above, so their UTF-8 lead byte is at least 0xCC) is its own unit.
            let b = bytes[i];
            if b < 0x80 && bytes.get(i + 1).is_none_or(|&next| next < 0xCC) {
                f(char::from(b.to_ascii_lowercase()), i, i + 1);
                i += 1;
                continue;
            }
            let start = i;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let mut end = i + c.len_utf8();
            let mut single = true;
            while let Some(n) = text[end..].chars().next() {
                if !is_combining(n) {
                    break;
                }
                end += n.len_utf8();
                single = false;
            }
            i = end;
            let mut emit = |o: char| match fold(o) {
                Folded::Drop => {}
                Folded::One(a) => f(a, start, end),
                Folded::Two(a, b) => {
                    f(a, start, end);
                    f(b, start, end);
                }
            };
            if single && is_fast(c) {
                emit(c);
            } else if let Some(hook) = self.hook {
                hook(&text[start..end]).chars().for_each(&mut emit);
            } else {
                text[start..end].chars().for_each(&mut emit);
            }
        }
    }
}

/// Marks that attach to the preceding character (so NFKC may compose them with it).
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0xFE00..=0xFE0F | 0x3099..=0x309A | 0xFF9E..=0xFF9F | 0x1160..=0x11FF | 0xE0100..=0xE01EF)
}

/// Characters that NFKC leaves unchanged or that [`fold`] already maps exactly as NFKC would
/// (fullwidth ASCII, the ideographic space). Checked against `unicode-normalization` in the tests.
pub(crate) fn is_fast(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x9F | 0xC0..=0x131 | 0x134..=0x13E | 0x141..=0x148 | 0x14A..=0x17E
        | 0x180..=0x1C3 | 0x1CD..=0x1F0 | 0x1F4..=0x24F | 0x386 | 0x388..=0x3CE | 0x400..=0x45F
        | 0x1E00..=0x1E99 | 0x1E9C..=0x1EFF
        | 0x3000..=0x3002 | 0x3005..=0x3007 | 0x300C..=0x300F | 0x3041..=0x3096 | 0x309D..=0x309E
        | 0x30A1..=0x30FE | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xFF01..=0xFF5E)
}

/// Base letters for U+00C0..=U+024F, two bytes per code point, `_` = no folding.
const LATIN: &[u8] = concat!(
    "a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thss",
    "a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thy_",
    "a_a_a_a_a_a_c_c_c_c_c_c_c_c_d_d_d_d_e_e_e_e_e_e_e_e_e_e_g_g_g_g_",
    "g_g_g_g_h_h_h_h_i_i_i_i_i_i_i_i_i_i_ijijj_j_k_k_k_l_l_l_l_l_l_l_",
    "l_l_l_n_n_n_n_n_n___n_n_o_o_o_o_o_o_oeoer_r_r_r_r_r_s_s_s_s_s_s_",
    "s_s_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_u_u_w_w_y_y_y_z_z_z_z_z_z_s_",
    "b_b_b_b_____o_c_c_d_d_d_d___e_e_e_f_f_g___hv__i_k_k_l___m_n_n_o_",
    "o_o_oioip_p___________t_t_t_t_u_u___v_y_y_z_z_z_____z___________",
    "________dzd_dzljl_ljnjn_nja_a_i_i_o_o_u_u_u_u_u_u_u_u_u_u_e_a_a_",
    "a_a_aeaeg_g_g_g_k_k_o_o_o_o_z_z_j_dzd_dzg_g_____n_n_a_a_aeaeo_o_",
    "a_a_a_a_e_e_e_e_i_i_i_i_o_o_o_o_r_r_r_r_u_u_u_u_s_s_t_t_____h_h_",
    "n_d_ououz_z_a_a_e_e_o_o_o_o_o_o_o_o_y_y_l_n_t_j_____a_c_c_l_t_s_",
    "z_____b___v_e_e_j_j_q_q_r_r_y_y_",
)
.as_bytes();

/// Base letters for U+1E00..=U+1EFF (Latin Extended Additional), as [`LATIN`].
const LATIN_ADDITIONAL: &[u8] = concat!(
    "a_a_b_b_b_b_b_b_c_c_d_d_d_d_d_d_d_d_d_d_e_e_e_e_e_e_e_e_e_e_f_f_",
    "g_g_h_h_h_h_h_h_h_h_h_h_i_i_i_i_k_k_k_k_k_k_l_l_l_l_l_l_l_l_m_m_",
    "m_m_m_m_n_n_n_n_n_n_n_n_o_o_o_o_o_o_o_o_p_p_p_p_r_r_r_r_r_r_r_r_",
    "s_s_s_s_s_s_s_s_s_s_t_t_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_v_v_v_v_",
    "w_w_w_w_w_w_w_w_w_w_x_x_x_x_y_y_z_z_z_z_z_z_h_t_w_y_a_s_s_s_ss__",
    "a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_e_e_e_e_e_e_e_e_",
    "e_e_e_e_e_e_e_e_i_i_i_i_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_",
    "o_o_o_o_u_u_u_u_u_u_u_u_u_u_u_u_u_u_y_y_y_y_y_y_y_y_____v_v_y_y_",
)
.as_bytes();

/// What [`fold`] makes of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Folded {
    /// Nothing (a combining diacritic).
    Drop,
    /// One character.
    One(char),
    /// Two characters (`ß` → `ss`, `æ` → `ae`).
    Two(char, char),
}

/// Looks `c` up in a two-bytes-per-entry table; `c` itself when it has no entry.
fn from_table(table: &[u8], index: usize, c: char) -> Folded {
    match table[index * 2..index * 2 + 2] {
        [b'_', _] => Folded::One(c),
        [a, b'_'] => Folded::One(char::from(a)),
        [a, b] => Folded::Two(char::from(a), char::from(b)),
        _ => Folded::One(c),
    }
}

/// Built-in case, width and accent folding of one character.
pub(crate) fn fold(c: char) -> Folded {
    use Folded::{Drop, One};
    let cp = c as u32;
    if cp < 0x80 {
        return One(c.to_ascii_lowercase());
    }
    let shifted = |delta: i32| One(char::from_u32((cp as i32 + delta) as u32).unwrap_or(c));
    match cp {
        0xC0..=0x24F => from_table(LATIN, (cp - 0xC0) as usize, c),
        0x1E00..=0x1EFF => from_table(LATIN_ADDITIONAL, (cp - 0x1E00) as usize, c),
        0x0300..=0x036F => Drop,
        0xFF01..=0xFF5E => One(char::from((cp - 0xFEE0) as u8).to_ascii_lowercase()),
        0x3000 => One(' '),
        // Greek: accents and final sigma folded, then lowercase.
        0x386 | 0x3AC => One('α'),
        0x388 | 0x3AD => One('ε'),
        0x389 | 0x3AE => One('η'),
        0x38A | 0x3AF | 0x390 | 0x3AA | 0x3CA => One('ι'),
        0x38C | 0x3CC => One('ο'),
        0x38E | 0x3CD | 0x3B0 | 0x3AB | 0x3CB => One('υ'),
        0x38F | 0x3CE => One('ω'),
        0x3C2 => One('σ'),
        0x391..=0x3A9 => shifted(0x20),
        // Cyrillic: ё and its kin folded to the base letter, then lowercase.
        0x400 | 0x401 | 0x450 | 0x451 => One('е'),
        0x40D | 0x45D => One('и'),
        0x402..=0x40C | 0x40E..=0x40F => shifted(0x50),
        0x410..=0x42F => shifted(0x20),
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => One(char::from_u32(cp | 1).unwrap_or(c)),
        0x4C1..=0x4CE if cp % 2 == 1 => shifted(1),
        0x4C0 => One('\u{4CF}'),
        // Armenian
        0x531..=0x556 => shifted(0x30),
        _ => One(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_folds_case_width_and_accents() {
        let n = Normalizer::basic();
        assert_eq!(n.normalize("ＷＡＬＬＥＴ Wallet"), "wallet wallet");
        assert_eq!(
            n.normalize("Café Ñandú Straße Łódź"),
            "cafe nandu strasse lodz"
        );
        assert_eq!(n.normalize("e\u{301}"), "e");
        assert_eq!(n.normalize("ΆΘΗΝΑ ς Ёлка"), "αθηνα σ елка");
        assert_eq!(n.normalize("ノード\u{3000}１２３"), "ノード 123");
    }

    #[test]
    fn ranges_point_at_units() {
        let mut seen = Vec::new();
        Normalizer::basic().for_each_char("aé\u{301}b", |c, s, e| seen.push((c, s, e)));
        assert_eq!(seen, vec![('a', 0, 1), ('e', 1, 5), ('b', 5, 6)]);
    }

    #[cfg(feature = "nfkc")]
    #[test]
    fn nfkc_hook_handles_compatibility_forms() {
        let n = Normalizer::nfkc();
        assert_eq!(n.normalize("ｵﾌﾗｲﾝ ｶﾞ"), "オフライン ガ");
        assert_eq!(n.normalize("㍿ ﬁle Ⅳ"), "株式会社 file iv");
        assert_eq!(n.normalize("ΣΊΣΥΦΟΣ"), "σισυφοσ");
    }

    /// Every character on the fast path must be one NFKC leaves alone (or one that `fold` maps
    /// exactly as NFKC + lowercase + folding would), or host and widget would index differently.
    #[cfg(feature = "nfkc")]
    #[test]
    fn fast_path_agrees_with_nfkc() {
        use unicode_normalization::UnicodeNormalization;
        for cp in 0..0x11000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if !is_fast(c) {
                continue;
            }
            let direct = Normalizer::basic().normalize(&c.to_string());
            let via: String = c.to_string().nfkc().collect();
            let via = Normalizer::basic().normalize(&via);
            assert_eq!(direct, via, "U+{cp:04X}");
        }
    }
}
