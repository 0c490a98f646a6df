//! The host's theme: `Koban('boot', { theme: { ... } })`, checked for WCAG AA contrast and turned
//! into the `--koban-*` custom properties of the widget's shadow root.
//!
//! Keys are the token names in camelCase (`colorAccent` sets `--koban-color-accent`), plus
//! `scheme`: `"light"` (default), `"dark"` or `"auto"` (follows `prefers-color-scheme`). Host
//! colours apply to the palette the scheme names; under `auto` they theme the light palette and
//! dark mode uses Koban's dark palette (a host with its own dark colours sets them in its CSS on
//! `koban-widget` inside a `prefers-color-scheme` query). A colour
//! whose text or focus contrast falls below AA (4.5:1 for text, 3:1 for focus rings) against the
//! colours it is drawn with is rejected with a [`ThemeWarning`] naming the key, and the default is
//! kept for it, so a host cannot make the widget unreadable by accident. The contrast maths
//! (WCAG 2.2's relative luminance) is in `contrast`.
//!
//! ```
//! use koban_core::boot::ConfigValue;
//! use koban_core::theme::{Scheme, Theme};
//! let (theme, warnings) = Theme::from_entries([
//!     ("colorAccent".to_string(), ConfigValue::Str("#0b5d1e".into())),
//!     ("colorText".to_string(), ConfigValue::Str("#cccccc".into())),
//!     ("scheme".to_string(), ConfigValue::Str("auto".into())),
//! ]);
//! assert_eq!(theme.scheme, Scheme::Auto);
//! assert!(theme.css().contains("--koban-color-accent:#0b5d1e"));
//! assert!(!theme.css().contains("#cccccc"));
//! assert!(warnings[0].to_string().contains("`colorText`"));
//! ```

use crate::boot::ConfigValue;

mod contrast;

pub use contrast::{contrast_x10, parse_color};

/// Which palette the widget uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// The light palette (default).
    #[default]
    Light,
    /// The dark palette.
    Dark,
    /// Light or dark following the user's `prefers-color-scheme`.
    Auto,
}

/// What a token accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Color,
    /// A length in px (hosts change `html { font-size }`, so no rem).
    Px,
    Font,
    ZIndex,
}

/// A theme token: its key in `theme`, its CSS custom property, what it takes, and its light and
/// dark defaults (colours only differ).
struct Token {
    key: &'static str,
    var: &'static str,
    kind: Kind,
    light: &'static str,
    dark: &'static str,
}

const fn color(
    key: &'static str,
    var: &'static str,
    light: &'static str,
    dark: &'static str,
) -> Token {
    Token {
        key,
        var,
        kind: Kind::Color,
        light,
        dark,
    }
}

const fn other(key: &'static str, var: &'static str, kind: Kind, value: &'static str) -> Token {
    Token {
        key,
        var,
        kind,
        light: value,
        dark: value,
    }
}

/// Every token with its defaults: the single source of the palettes (style/00-tokens.css holds
/// the same light values for the time before a theme is applied; a test keeps them equal).
const TOKENS: &[Token] = &[
    color("colorAccent", "--koban-color-accent", "#1f5fd6", "#7aa7ff"),
    color(
        "colorOnAccent",
        "--koban-color-on-accent",
        "#ffffff",
        "#0b1220",
    ),
    color("colorBg", "--koban-color-bg", "#ffffff", "#14181f"),
    color(
        "colorSurface",
        "--koban-color-surface",
        "#f4f6fa",
        "#1d232d",
    ),
    color("colorText", "--koban-color-text", "#1a1f2b", "#e6e9ef"),
    color("colorMuted", "--koban-color-muted", "#4d5566", "#aab2c0"),
    color("colorBorder", "--koban-color-border", "#c9d0dc", "#3b4554"),
    color("colorFocus", "--koban-color-focus", "#1f5fd6", "#9cc0ff"),
    color("colorDanger", "--koban-color-danger", "#a61b1b", "#ff9b9b"),
    color("colorMark", "--koban-color-mark", "#fff1a8", "#6b5900"),
    color("colorOnline", "--koban-color-online", "#1d7a3a", "#6fd08f"),
    other("radius", "--koban-radius", Kind::Px, "12px"),
    other("radiusSmall", "--koban-radius-small", Kind::Px, "6px"),
    other(
        "font",
        "--koban-font",
        Kind::Font,
        "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Sans CJK JP\", sans-serif",
    ),
    other("fontSize", "--koban-font-size", Kind::Px, "15px"),
    other("space", "--koban-space", Kind::Px, "12px"),
    other("zIndex", "--koban-z-index", Kind::ZIndex, "2147483647"),
    other("panelWidth", "--koban-panel-width", Kind::Px, "380px"),
    other("panelHeight", "--koban-panel-height", Kind::Px, "600px"),
    other("offsetX", "--koban-offset-x", Kind::Px, "20px"),
    other("offsetY", "--koban-offset-y", Kind::Px, "20px"),
];

/// The contrast pairs the widget draws: (foreground key, background key, minimum ratio × 10).
/// Text 4.5:1, focus ring 3:1 (WCAG 1.4.3 and 1.4.11).
const PAIRS: &[(&str, &str, u32)] = &[
    ("colorText", "colorBg", 45),
    ("colorText", "colorSurface", 45),
    ("colorMuted", "colorBg", 45),
    ("colorOnAccent", "colorAccent", 45),
    ("colorAccent", "colorBg", 45),
    ("colorDanger", "colorBg", 45),
    ("colorOnline", "colorBg", 45),
    ("colorText", "colorMark", 45),
    ("colorFocus", "colorBg", 30),
];

/// A problem with one key of `theme`; the default is kept for that key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeWarning {
    /// `theme` is not an object.
    #[error("boot key `theme` must be an object")]
    NotAnObject,
    /// A key the theme does not know.
    #[error("unknown theme key `{0}`")]
    UnknownKey(String),
    /// A value of the wrong shape.
    #[error("theme key `{key}` must be {expected}")]
    BadValue {
        /// The key as the host wrote it.
        key: String,
        /// What the key accepts.
        expected: &'static str,
    },
    /// A colour too close to the colour it is drawn with or on.
    #[error(
        "theme key `{key}` is rejected: contrast with `{against}` is below {minimum}:1 (WCAG AA); the default is kept"
    )]
    LowContrast {
        /// The rejected key.
        key: String,
        /// The key it was checked against.
        against: &'static str,
        /// The minimum ratio, as text ("4.5" or "3").
        minimum: &'static str,
    },
}

/// A checked theme: the scheme and the host's accepted values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    /// Light, dark or auto.
    pub scheme: Scheme,
    /// Accepted values by token index.
    values: Vec<(usize, String)>,
}

impl Theme {
    /// Reads the entries of the host's `theme` object. Never fails; problems become warnings.
    pub fn from_entries(
        entries: impl IntoIterator<Item = (String, ConfigValue)>,
    ) -> (Self, Vec<ThemeWarning>) {
        let mut theme = Theme::default();
        let mut warnings = Vec::new();
        for (key, value) in entries {
            if key == "scheme" {
                match value {
                    ConfigValue::Str(s) if s == "light" => theme.scheme = Scheme::Light,
                    ConfigValue::Str(s) if s == "dark" => theme.scheme = Scheme::Dark,
                    ConfigValue::Str(s) if s == "auto" => theme.scheme = Scheme::Auto,
                    _ => warnings.push(bad(key, "\"light\", \"dark\" or \"auto\"")),
                }
                continue;
            }
            let Some(index) = TOKENS.iter().position(|t| t.key == key) else {
                warnings.push(ThemeWarning::UnknownKey(key));
                continue;
            };
            match normalize(TOKENS[index].kind, &value) {
                Ok(v) => theme.values.push((index, v)),
                Err(expected) => warnings.push(bad(key, expected)),
            }
        }
        theme.reject_low_contrast(&mut warnings);
        (theme, warnings)
    }

    /// The host's accepted value for `key`, if any.
    pub fn value(&self, key: &str) -> Option<&str> {
        let index = TOKENS.iter().position(|t| t.key == key)?;
        self.values
            .iter()
            .rev()
            .find(|(i, _)| *i == index)
            .map(|(_, v)| v.as_str())
    }

    /// The stylesheet that applies the theme inside the shadow root: `:host` custom properties,
    /// the dark palette for `dark`, and a `prefers-color-scheme: dark` block for `auto`. The host's
    /// own CSS on the `koban-widget` element still wins (outer styles beat `:host`).
    pub fn css(&self) -> String {
        let mut css = String::from(":host{");
        let dark = self.scheme == Scheme::Dark;
        for (i, token) in TOKENS.iter().enumerate() {
            match self.values.iter().rev().find(|(j, _)| *j == i) {
                Some((_, v)) => push_decl(&mut css, token.var, v),
                None if dark && token.kind == Kind::Color => {
                    push_decl(&mut css, token.var, token.dark)
                }
                None => {}
            }
        }
        css.push('}');
        if self.scheme == Scheme::Auto {
            css.push_str("@media (prefers-color-scheme: dark){:host{");
            for token in TOKENS.iter().filter(|t| t.kind == Kind::Color) {
                push_decl(&mut css, token.var, token.dark);
            }
            css.push_str("}}");
        }
        css
    }

    /// Drops host colours that fail a contrast pair in the palette they apply to, one at a time
    /// (the foreground first when the host set both), until every pair passes.
    fn reject_low_contrast(&mut self, warnings: &mut Vec<ThemeWarning>) {
        let dark = self.scheme == Scheme::Dark;
        while let Some(&(fg, bg, min)) = PAIRS.iter().find(|&&(fg, bg, min)| {
            let (Some(a), Some(b)) = (self.color(fg, dark), self.color(bg, dark)) else {
                return false;
            };
            contrast_x10(a, b) < min && (self.value(fg).is_some() || self.value(bg).is_some())
        }) {
            let (key, against) = if self.value(fg).is_some() {
                (fg, bg)
            } else {
                (bg, fg)
            };
            let index = TOKENS.iter().position(|t| t.key == key);
            self.values.retain(|(i, _)| Some(*i) != index);
            warnings.push(ThemeWarning::LowContrast {
                key: key.to_string(),
                against,
                minimum: if min == 45 { "4.5" } else { "3" },
            });
        }
    }

    /// The effective colour of `key` in the light or dark palette.
    fn color(&self, key: &str, dark: bool) -> Option<[u8; 3]> {
        let token = TOKENS.iter().find(|t| t.key == key)?;
        let text = self
            .value(key)
            .unwrap_or(if dark { token.dark } else { token.light });
        parse_color(text)
    }
}

fn bad(key: String, expected: &'static str) -> ThemeWarning {
    ThemeWarning::BadValue { key, expected }
}

fn push_decl(css: &mut String, var: &str, value: &str) {
    css.push_str(var);
    css.push(':');
    css.push_str(value);
    css.push(';');
}

/// The value as it goes into CSS, or what the key expects. Nothing that could close the
/// declaration (`;`, `{`, `}`, `<`, `\`) ever gets through.
fn normalize(kind: Kind, value: &ConfigValue) -> Result<String, &'static str> {
    let ConfigValue::Str(s) = value else {
        return Err(expected(kind));
    };
    let s = s.trim();
    let ok = match kind {
        Kind::Color => parse_color(s).is_some(),
        Kind::Px => s.strip_suffix("px").is_some_and(|n| {
            !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit())
        }),
        Kind::Font => {
            !s.is_empty()
                && s.len() <= 200
                && s.chars()
                    .all(|c| c.is_alphanumeric() || " ,-_\"'".contains(c))
        }
        Kind::ZIndex => !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()),
    };
    match (ok, kind) {
        (false, _) => Err(expected(kind)),
        (true, Kind::Color) => Ok(s.to_ascii_lowercase()),
        (true, _) => Ok(s.to_string()),
    }
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Color => "a colour as \"#rrggbb\", \"#rgb\" or \"rgb(r, g, b)\"",
        Kind::Px => "a length in px, such as \"12px\"",
        Kind::Font => "a font-family list",
        Kind::ZIndex => "a non-negative integer as a string",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(pairs: &[(&str, &str)]) -> (Theme, Vec<ThemeWarning>) {
        Theme::from_entries(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), ConfigValue::Str(v.to_string()))),
        )
    }

    #[test]
    fn every_default_palette_passes_every_pair() {
        for scheme in ["light", "dark", "auto"] {
            let (t, w) = theme(&[("scheme", scheme)]);
            assert!(w.is_empty(), "{scheme}: {w:?}");
            assert_eq!(t.values, vec![]);
        }
        for dark in [false, true] {
            for &(fg, bg, min) in PAIRS {
                let t = Theme::default();
                let ratio = contrast_x10(t.color(fg, dark).unwrap(), t.color(bg, dark).unwrap());
                assert!(ratio >= min, "{fg} on {bg} (dark {dark}): {ratio}");
            }
        }
    }

    #[test]
    fn low_contrast_text_is_rejected_with_its_key_and_default_kept() {
        let (t, w) = theme(&[("colorText", "#999"), ("colorAccent", "#0b5d1e")]);
        assert_eq!(t.value("colorText"), None);
        assert_eq!(t.value("colorAccent"), Some("#0b5d1e"));
        assert_eq!(w.len(), 1);
        let text = w[0].to_string();
        assert!(
            text.contains("`colorText`") && text.contains("4.5"),
            "{text}"
        );
    }

    #[test]
    fn focus_ring_needs_three_to_one() {
        let (t, w) = theme(&[("colorFocus", "#dddddd")]);
        assert_eq!(t.value("colorFocus"), None);
        assert!(w[0].to_string().contains("below 3:1"), "{}", w[0]);
        let (t, w) = theme(&[("colorFocus", "#8a8a8a")]); // 3.4:1 on white
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(t.value("colorFocus"), Some("#8a8a8a"));
    }

    #[test]
    fn colours_are_checked_against_the_palette_they_apply_to() {
        // Dark: the default text is light, so a white background is rejected.
        let (t, w) = theme(&[("colorBg", "#ffffff"), ("scheme", "dark")]);
        assert_eq!(t.value("colorBg"), None);
        assert!(
            w.iter().any(|w| w.to_string().contains("`colorBg`")),
            "{w:?}"
        );
        // Light and auto (host colours theme the light palette): fine.
        for scheme in ["light", "auto"] {
            let (t, w) = theme(&[("colorBg", "#fafafa"), ("scheme", scheme)]);
            assert!(w.is_empty(), "{scheme}: {w:?}");
            assert_eq!(t.value("colorBg"), Some("#fafafa"));
        }
    }

    #[test]
    fn bad_values_and_unknown_keys_warn() {
        let (t, w) = theme(&[
            ("colorAccent", "red; } body { display: none"),
            ("radius", "1rem"),
            ("zIndex", "-1"),
            ("font", "Inter; }"),
            ("scheme", "sepia"),
            ("colour", "#fff"),
        ]);
        assert_eq!(t, Theme::default());
        let text: Vec<String> = w.iter().map(ToString::to_string).collect();
        for key in ["colorAccent", "radius", "zIndex", "font", "scheme"] {
            assert!(
                text.iter()
                    .any(|t| t.contains(&format!("theme key `{key}` must"))),
                "{key}: {text:?}"
            );
        }
        assert!(text.contains(&"unknown theme key `colour`".to_string()));
    }

    #[test]
    fn css_has_host_values_and_the_dark_palette_where_asked() {
        let (light, _) = theme(&[("colorAccent", "#0B5D1E"), ("radius", "4px")]);
        assert_eq!(
            light.css(),
            ":host{--koban-color-accent:#0b5d1e;--koban-radius:4px;}"
        );
        let (dark, _) = theme(&[("scheme", "dark")]);
        assert!(dark.css().contains("--koban-color-bg:#14181f;"));
        assert!(!dark.css().contains("@media"));
        let (auto, _) = theme(&[("scheme", "auto"), ("colorAccent", "#2f6fe6")]);
        let css = auto.css();
        assert!(
            css.starts_with(
                ":host{--koban-color-accent:#2f6fe6;}@media (prefers-color-scheme: dark){:host{"
            ),
            "{css}"
        );
        assert!(
            css.contains("--koban-color-accent:#7aa7ff;"),
            "dark palette under auto: {css}"
        );
    }

    #[test]
    fn light_defaults_match_the_stylesheet() {
        let css = include_str!("../../../style/00-tokens.css");
        for t in TOKENS {
            let decl = format!("{}: {};", t.var, t.light);
            assert!(css.contains(&decl), "style/00-tokens.css lacks `{decl}`");
        }
    }
}
