//! Language of parts (WCAG 3.1.2): which text of a bundle is in another language than the panel
//! that shows it, so the widget marks it with `lang`. A German panel shows the English bundle (no
//! German content: the server negotiates `de` to the default locale), and an article or flow
//! missing in the bundle's locale falls back to the default's
//! ([`Article::locale`](super::Article::locale)). (A site.toml text missing in a translated
//! bundle's locale falls back too, but the bundle does not say so: it counts as the bundle's.)
//!
//! ```
//! # use koban_core::content::{ContentBundle, Site};
//! let bundle = ContentBundle { locale: "en".into(), default_locale: "en".into(), version: String::new(),
//!     site: Site::default(), articles: vec![], flows: vec![] };
//! assert_eq!(bundle.lang_in(None, "de").as_deref(), Some("en"), "English text in a German panel");
//! assert_eq!(bundle.lang_in(None, "en"), None, "the panel's own language: nothing to mark");
//! ```

use super::ContentBundle;

impl ContentBundle {
    /// The `lang` to put on text of this bundle in `locale` (`None`: the bundle's own locale)
    /// shown in a panel speaking `panel`: the text's locale when it is not the panel's, else
    /// `None` (the text inherits the panel's `lang`).
    #[inline]
    pub fn lang_in(&self, locale: Option<&str>, panel: &str) -> Option<String> {
        let locale = locale.unwrap_or(&self.locale);
        (!locale.eq_ignore_ascii_case(panel)).then(|| locale.to_string())
    }

    /// The locale of search document `doc` of this bundle (the order of
    /// [`search_docs`](crate::home::search_docs::search_docs): articles, then flows); the
    /// bundle's locale for an index out of range.
    #[inline]
    pub fn doc_locale(&self, doc: usize) -> &str {
        let flow = doc.checked_sub(self.articles.len());
        match flow.and_then(|f| self.flows.get(f)) {
            Some(f) => &f.locale,
            None => self.articles.get(doc).map_or(&self.locale, |a| &a.locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::{Article, ContentBundle, Site};
    use crate::flow::Flow;

    fn article(id: &str, locale: &str) -> Article {
        Article {
            id: id.into(),
            locale: locale.into(),
            title: id.into(),
            category: "c".into(),
            tags: vec![],
            summary: String::new(),
            contexts: vec![],
            related: vec![],
            updated: "2026-01-01".into(),
            level: None,
            video: None,
            body: vec![],
        }
    }

    fn bundle() -> ContentBundle {
        ContentBundle {
            locale: "ja".into(),
            default_locale: "en".into(),
            version: String::new(),
            site: Site::default(),
            articles: vec![article("a", "ja"), article("b", "en")],
            flows: vec![Flow {
                id: "f".into(),
                locale: "en".into(),
                title: "F".into(),
                summary: String::new(),
                contexts: vec![],
                start: "s".into(),
                steps: vec![],
            }],
        }
    }

    #[test]
    fn fallback_text_is_marked_in_its_own_language() {
        let b = bundle();
        assert_eq!(b.lang_in(None, "ja"), None);
        assert_eq!(b.lang_in(Some("en"), "ja").as_deref(), Some("en"));
        assert_eq!(b.lang_in(Some("ja"), "ja"), None);
        assert_eq!(b.lang_in(None, "de").as_deref(), Some("ja"));
        assert_eq!(
            b.lang_in(Some("zh-hans"), "zh-Hans"),
            None,
            "tags are case-insensitive"
        );
    }

    #[test]
    fn search_documents_know_their_locale() {
        let b = bundle();
        assert_eq!(b.doc_locale(0), "ja");
        assert_eq!(b.doc_locale(1), "en", "a fallback article");
        assert_eq!(b.doc_locale(2), "en", "the flow, after the articles");
        assert_eq!(b.doc_locale(3), "ja", "out of range: the bundle's");
    }
}
