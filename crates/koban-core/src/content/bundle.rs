//! Building the [`ContentBundle`] of one locale from a checked [`Corpus`].
//!
//! Every article of the default locale is in every bundle: in the bundle's locale when it has
//! been translated, otherwise in the default locale (the article's `locale` says which). The
//! bundle's `version` is an XXH3-128 hash of its JSON (computed with `version` empty), so it is
//! the same in every run and process for the same content, and changes when anything in it does.

use xxhash_rust::xxh3::xxh3_128;

use super::corpus::Corpus;
use super::model::{Article, ContentBundle};

/// The bundle for `locale` (which should be one of the site's locales; any other gets the
/// default locale's text with `locale` as its label).
pub fn build_bundle(corpus: &Corpus, locale: &str) -> ContentBundle {
    let default = corpus.site.default_locale();
    let translated = corpus.articles.get(locale);
    let mut articles: Vec<Article> = corpus
        .default_articles()
        .iter()
        .map(|fallback| {
            translated
                .and_then(|list| list.iter().find(|a| a.article.id == fallback.article.id))
                .unwrap_or(fallback)
                .article
                .clone()
        })
        .collect();
    let order: Vec<&str> = corpus.site.category_ids().collect();
    let rank = |a: &Article| {
        order
            .iter()
            .position(|c| *c == a.category)
            .unwrap_or(order.len())
    };
    articles.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    let mut bundle = ContentBundle {
        locale: locale.to_string(),
        default_locale: default.to_string(),
        version: String::new(),
        site: corpus.site.localize(locale),
        articles,
        flows: flows(corpus, locale),
    };
    bundle.version = content_hash(&bundle);
    bundle
}

/// Every flow of the default locale, in `locale` where it has been translated.
fn flows(corpus: &Corpus, locale: &str) -> Vec<crate::flow::Flow> {
    let translated = corpus.flows.get(locale);
    corpus
        .default_flows()
        .iter()
        .map(|fallback| {
            translated
                .and_then(|list| list.iter().find(|f| f.flow.id == fallback.flow.id))
                .unwrap_or(fallback)
                .flow
                .clone()
        })
        .collect()
}

/// The hex XXH3-128 of the bundle's JSON with an empty `version`.
fn content_hash(bundle: &ContentBundle) -> String {
    let json = serde_json::to_vec(bundle).unwrap_or_default();
    format!("{:032x}", xxh3_128(&json))
}
