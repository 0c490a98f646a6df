//! The host's boot configuration: `Koban('boot', { ... })` merged over the script tag's
//! `data-*` attributes.
//!
//! Parsing never fails: every unknown key or bad value becomes a [`ConfigWarning`] that names the
//! key (the widget prints it with `console.warn`), and the default is kept for that key. A host
//! page can therefore never break the widget, or itself, with a typo.
//!
//! ```
//! use koban_core::boot::{BootConfig, Mode};
//! let (cfg, warnings) = BootConfig::parse(r##"{"mode":"inline","mount":"#help","colour":"red"}"##);
//! assert_eq!(cfg.mode, Mode::Inline);
//! assert_eq!(warnings[0].to_string(), "unknown boot key `colour`");
//! ```

use serde::Serialize;
use serde_json::Value;

use crate::theme::{Theme, ThemeWarning};

/// Where the panel lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A launcher button in a page corner opens a floating dialog.
    #[default]
    Floating,
    /// The panel is rendered inside a host element (`mount`), without launcher or modal.
    Inline,
}

/// When the loader fetches the wasm bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Preload {
    /// When the browser is idle after the host page loaded (default).
    #[default]
    Idle,
    /// On first intent: hover, focus or click on the launcher.
    Intent,
    /// Right away.
    Eager,
}

/// Corner of the floating launcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// Bottom, inline-end corner (right in left-to-right languages).
    #[default]
    BottomRight,
    /// Bottom, inline-start corner.
    BottomLeft,
}

/// A boot configuration after validation.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BootConfig {
    /// The host's theme (`theme: { colorAccent, scheme, ... }`), contrast-checked.
    #[serde(skip)]
    pub theme: Theme,
    /// The launcher's text instead of the localized "Help".
    pub launcher_label: Option<String>,
    /// An image shown before the launcher's text (`https:`, `http:`, `/path` or `data:image/`).
    pub launcher_icon: Option<String>,
    /// Base URL of the Koban API; `None` means the origin the loader came from.
    pub api_base: Option<String>,
    /// Floating or inline.
    pub mode: Mode,
    /// CSS selector of the host element for inline mode.
    pub mount: Option<String>,
    /// `None` for `auto` (negotiate), or the host's explicit locale tag.
    pub locale: Option<String>,
    /// Preload strategy.
    pub preload: Preload,
    /// Launcher corner.
    pub position: Position,
    /// Whether proactive nudges may show on the launcher.
    pub nudges: bool,
}

/// A problem with one key of the boot configuration; the default is used instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigWarning {
    /// The configuration is not a JSON object at all.
    #[error("boot config must be an object")]
    NotAnObject,
    /// A key Koban does not know (often a typo).
    #[error("unknown boot key `{0}`")]
    UnknownKey(String),
    /// A known key with a value of the wrong type or outside its allowed values.
    #[error("boot key `{key}` must be {expected}")]
    BadValue {
        /// The key as the host wrote it.
        key: String,
        /// What the key accepts, for the warning text.
        expected: &'static str,
    },
    /// A problem inside `theme`.
    #[error(transparent)]
    Theme(#[from] ThemeWarning),
}

/// One value of the host's boot object, as far as the configuration cares: the widget reads the
/// JS object itself (no JSON round trip) and hands the entries over in this form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigValue {
    /// A string.
    Str(String),
    /// A boolean.
    Bool(bool),
    /// A plain object, one level deep (the `theme` object).
    Map(Vec<(String, ConfigValue)>),
    /// Anything else (number, array, null, function, nested objects).
    Other,
}

impl From<&Value> for ConfigValue {
    fn from(v: &Value) -> Self {
        match v {
            Value::String(s) => ConfigValue::Str(s.clone()),
            Value::Bool(b) => ConfigValue::Bool(*b),
            Value::Object(map) => ConfigValue::Map(
                map.iter()
                    .map(|(k, v)| {
                        let v = match v {
                            Value::Object(_) => ConfigValue::Other,
                            v => v.into(),
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            _ => ConfigValue::Other,
        }
    }
}

impl ConfigValue {
    fn as_str(&self) -> Option<&str> {
        match self {
            ConfigValue::Str(s) => Some(s),
            _ => None,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        match self {
            ConfigValue::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl BootConfig {
    /// Parses a JSON object as given by the host. Never fails; see the module docs.
    pub fn parse(json: &str) -> (Self, Vec<ConfigWarning>) {
        match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => {
                Self::from_entries(map.iter().map(|(k, v)| (k.clone(), v.into())))
            }
            _ => (Self::default_config(), vec![ConfigWarning::NotAnObject]),
        }
    }

    /// The configuration used when the host says nothing.
    pub fn default_config() -> Self {
        Self {
            nudges: true,
            ..Self::default()
        }
    }

    /// Validates the entries of the host's boot object. Never fails; see the module docs.
    pub fn from_entries(
        entries: impl IntoIterator<Item = (String, ConfigValue)>,
    ) -> (Self, Vec<ConfigWarning>) {
        let mut cfg = Self::default_config();
        let mut warnings = Vec::new();
        for (key, value) in entries {
            let key = &key;
            let mut bad = |expected| {
                warnings.push(ConfigWarning::BadValue {
                    key: key.clone(),
                    expected,
                })
            };
            match key.as_str() {
                "apiBase" => match value.as_str() {
                    Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                        cfg.api_base = Some(s.trim_end_matches('/').to_string())
                    }
                    _ => bad("an absolute http(s) URL"),
                },
                "mode" => match value.as_str() {
                    Some("floating") => cfg.mode = Mode::Floating,
                    Some("inline") => cfg.mode = Mode::Inline,
                    _ => bad("\"floating\" or \"inline\""),
                },
                "mount" => match value.as_str() {
                    Some(s) if !s.trim().is_empty() => cfg.mount = Some(s.to_string()),
                    _ => bad("a CSS selector"),
                },
                "locale" => match value.as_str() {
                    Some("auto") => cfg.locale = None,
                    Some(s) if is_language_tag(s) => cfg.locale = Some(s.to_string()),
                    _ => bad("\"auto\" or a BCP 47 language tag"),
                },
                "preload" => match value.as_str() {
                    Some("idle") => cfg.preload = Preload::Idle,
                    Some("intent") => cfg.preload = Preload::Intent,
                    Some("eager") => cfg.preload = Preload::Eager,
                    _ => bad("\"idle\", \"intent\" or \"eager\""),
                },
                "position" => match value.as_str() {
                    Some("bottom-right") => cfg.position = Position::BottomRight,
                    Some("bottom-left") => cfg.position = Position::BottomLeft,
                    _ => bad("\"bottom-right\" or \"bottom-left\""),
                },
                "nudges" => match value.as_bool() {
                    Some(b) => cfg.nudges = b,
                    None => bad("true or false"),
                },
                "theme" => match value {
                    ConfigValue::Map(entries) => {
                        let (theme, theme_warnings) = Theme::from_entries(entries);
                        cfg.theme = theme;
                        warnings.extend(theme_warnings.into_iter().map(ConfigWarning::from));
                    }
                    _ => warnings.push(ThemeWarning::NotAnObject.into()),
                },
                "launcherLabel" => match value.as_str().map(str::trim) {
                    Some(s) if !s.is_empty() && s.chars().count() <= 40 => {
                        cfg.launcher_label = Some(s.to_string())
                    }
                    _ => bad("a text of 1 to 40 characters"),
                },
                "launcherIcon" => match value.as_str() {
                    Some(s)
                        if ["https://", "http://", "/", "data:image/"]
                            .iter()
                            .any(|p| s.starts_with(p)) =>
                    {
                        cfg.launcher_icon = Some(s.to_string())
                    }
                    _ => bad("an image URL (https:, http:, /path or data:image/)"),
                },
                // `data-manual-boot` on the script tag, read by the loader itself.
                "manualBoot" => {}
                _ => warnings.push(ConfigWarning::UnknownKey(key.clone())),
            }
        }
        if cfg.mode == Mode::Inline && cfg.mount.is_none() {
            warnings.push(ConfigWarning::BadValue {
                key: "mount".into(),
                expected: "set when mode is \"inline\"",
            });
            cfg.mode = Mode::Floating;
        }
        (cfg, warnings)
    }
}

/// A loose BCP 47 shape check (`ja`, `pt-BR`, `zh-Hant-TW`): alphanumeric subtags of 1–8
/// characters, the first one alphabetic. Full negotiation happens in the locale module.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_gives_defaults() {
        let (cfg, w) = BootConfig::parse("{}");
        assert_eq!(cfg, BootConfig::default_config());
        assert!(cfg.nudges);
        assert!(w.is_empty());
    }

    #[test]
    fn every_known_key_is_read() {
        let (cfg, w) = BootConfig::parse(
            r##"{"apiBase":"https://help.example.com/","mode":"inline","mount":"#help",
               "locale":"pt-BR","preload":"eager","position":"bottom-left","nudges":false}"##,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.api_base.as_deref(), Some("https://help.example.com"));
        assert_eq!(cfg.mode, Mode::Inline);
        assert_eq!(cfg.mount.as_deref(), Some("#help"));
        assert_eq!(cfg.locale.as_deref(), Some("pt-BR"));
        assert_eq!(cfg.preload, Preload::Eager);
        assert_eq!(cfg.position, Position::BottomLeft);
        assert!(!cfg.nudges);
    }

    #[test]
    fn bad_values_warn_with_the_key_and_keep_defaults() {
        let (cfg, w) =
            BootConfig::parse(r#"{"preload":"soon","nudges":"yes","apiBase":"ftp://x"}"#);
        assert_eq!(cfg.preload, Preload::Idle);
        assert!(cfg.nudges);
        assert_eq!(cfg.api_base, None);
        let text: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|t| t.contains("`preload`")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("`nudges`")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("`apiBase`")), "{text:?}");
    }

    #[test]
    fn theme_and_launcher_keys() {
        let (cfg, w) = BootConfig::parse(
            r##"{"theme":{"colorAccent":"#0b5d1e","colorText":"#eee","scheme":"dark"},
                "launcherLabel":"Support","launcherIcon":"javascript:alert(1)"}"##,
        );
        assert_eq!(cfg.theme.scheme, crate::theme::Scheme::Dark);
        assert_eq!(cfg.launcher_label.as_deref(), Some("Support"));
        assert_eq!(cfg.launcher_icon, None);
        let text: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|t| t.contains("`launcherIcon`")),
            "{text:?}"
        );
        // #0b5d1e on the dark background is too dark: rejected, named.
        assert!(
            text.iter()
                .any(|t| t.contains("`colorAccent`") && t.contains("4.5")),
            "{text:?}"
        );
        let (_, w) = BootConfig::parse(r#"{"theme":"dark"}"#);
        assert_eq!(w[0].to_string(), "boot key `theme` must be an object");
    }

    #[test]
    fn inline_without_mount_falls_back_to_floating() {
        let (cfg, w) = BootConfig::parse(r#"{"mode":"inline"}"#);
        assert_eq!(cfg.mode, Mode::Floating);
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().contains("`mount`"));
    }

    #[test]
    fn non_objects_are_rejected_with_a_warning() {
        for input in ["[]", "42", "not json", "null"] {
            let (cfg, w) = BootConfig::parse(input);
            assert_eq!(cfg, BootConfig::default_config());
            assert_eq!(w, vec![ConfigWarning::NotAnObject]);
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "ja-JP", "zh-Hant", "pt_BR", "zh-Hant-TW"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "123", "en-", "toolongtag-x", "en US"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
