//! The content pipeline end to end on directories: every `check` rule against its bad-input
//! fixture (`tests/fixtures/bad-*`, one folder per rule), bundles with per-article fallback, the
//! XSS fixture, and the shipped content (`/content`): zero diagnostics and its bundle sizes.

use std::io::Write;
use std::path::{Path, PathBuf};

use koban_core::content::{
    Block, Corpus, Diagnostic, Inline, build_bundle, check, compile_markdown,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// `check` on a fixture, as `relative/file:line: message` lines.
fn diagnostics(name: &str) -> Vec<String> {
    let dir = fixture(name);
    check(&dir)
        .iter()
        .map(|d| {
            let rel = d.file.strip_prefix(&dir).unwrap_or(&d.file);
            format!("{}:{}: {}", rel.display(), d.line, d.message)
        })
        .collect()
}

fn assert_diagnostics(name: &str, expected: &[&str]) {
    assert_eq!(diagnostics(name), expected, "fixture {name}");
}

#[test]
fn the_good_fixture_passes() {
    assert_eq!(diagnostics("good"), Vec::<String>::new());
}

#[test]
fn bad_front_matter_reports_the_toml_error_line() {
    assert_diagnostics(
        "bad-front-matter",
        &["en/articles/node-offline.md:3: front matter: invalid basic string, expected `\"`"],
    );
}

#[test]
fn missing_required_fields_are_reported() {
    assert_diagnostics(
        "bad-missing-field",
        &["en/articles/node-offline.md:2: front matter: missing required field `title`"],
    );
}

#[test]
fn duplicate_ids_are_reported_with_both_places() {
    let got = diagnostics("bad-duplicate-id");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0],
        "en/articles/node-offline-copy.md:2: id `node-offline` does not match the file name `node-offline-copy.md`"
    );
    assert!(
        got[1].starts_with(
            "en/articles/node-offline.md:2: duplicate id `node-offline`: also used by "
        ) && got[1].ends_with("node-offline-copy.md:2"),
        "{got:?}"
    );
}

#[test]
fn dangling_related_is_reported() {
    assert_diagnostics(
        "bad-dangling-related",
        &["en/articles/node-offline.md:8: related article `node-reboot` does not exist"],
    );
}

#[test]
fn unknown_category_is_reported() {
    assert_diagnostics(
        "bad-unknown-category",
        &["en/articles/node-offline.md:4: unknown category `hardware` (not in site.toml)"],
    );
}

#[test]
fn unknown_context_kind_is_reported() {
    assert_diagnostics(
        "bad-context-kind",
        &[
            "en/articles/node-offline.md:7: context `screen:nodes` has unknown kind `screen`: use route:, error: or page:",
        ],
    );
}

#[test]
fn an_id_missing_from_the_default_locale_is_reported() {
    assert_diagnostics(
        "bad-missing-in-default",
        &[
            "ja/articles/ja-only.md:2: id `ja-only` exists in `ja` but not in the default locale `en`",
        ],
    );
}

#[test]
fn raw_html_is_reported() {
    assert_diagnostics(
        "bad-raw-html",
        &["en/articles/node-offline.md:15: raw HTML is not allowed in Markdown (it is dropped)"],
    );
}

#[test]
fn other_link_schemes_are_reported() {
    assert_diagnostics(
        "bad-link-scheme",
        &[
            "en/articles/node-offline.md:12: link `ftp://files.example.net/agent` is not allowed: use http, https, mailto or a relative path",
        ],
    );
}

#[test]
fn links_to_unknown_articles_are_reported() {
    assert_diagnostics(
        "bad-article-link",
        &[
            "en/articles/node-offline.md:12: link to `wallet-setup.md`: there is no article `wallet-setup`",
        ],
    );
}

#[test]
fn site_toml_errors_are_reported() {
    assert_diagnostics(
        "bad-site-toml",
        &[
            "site.toml:14: unknown variant `pigeon`, expected one of `docs`, `forum`, `discord`, `email`, `videos`",
        ],
    );
}

#[test]
fn a_missing_directory_is_reported() {
    let d = check(&fixture("does-not-exist"));
    assert_eq!(d.len(), 1);
    assert!(
        d[0].to_string().contains("site.toml:1: cannot read"),
        "{d:?}"
    );
}

#[test]
fn xss_article_is_rejected_by_check() {
    assert_diagnostics(
        "bad-xss",
        &[
            "en/articles/node-offline.md:14: raw HTML is not allowed in Markdown (it is dropped)",
            "en/articles/node-offline.md:16: raw HTML is not allowed in Markdown (it is dropped)",
            "en/articles/node-offline.md:18: link `javascript:alert(1)` is not allowed: use http, https, mailto or a relative path",
        ],
    );
}

#[test]
fn xss_article_forced_through_the_compiler_is_inert() {
    let (corpus, diags) = Corpus::load_lenient(&fixture("bad-xss"));
    assert_eq!(diags.len(), 3);
    let bundle = build_bundle(&corpus.unwrap(), "en");
    let article = bundle.article("node-offline").unwrap();
    let json = serde_json::to_string(article).unwrap();
    for needle in ["<script", "alert(1)</", "<img", "onerror", "javascript:"] {
        assert!(!json.contains(needle), "{needle} in {json}");
    }
    assert_eq!(
        article.body,
        vec![
            Block::Paragraph(vec![Inline::Text("Before.".into())]),
            Block::Paragraph(vec![Inline::Text("An image  inline.".into())]),
            Block::Paragraph(vec![Inline::Text("Click x now.".into())]),
        ]
    );
    // The same through the bare compiler, with obfuscated variants.
    let out = compile_markdown(
        "[a](JAVASCRIPT:alert(1)) [b]( javascript:alert(1)) [c](java&#x0A;script:alert(1)) <javascript:alert(1)>\n\n<iframe src=x></iframe>",
    );
    let json = serde_json::to_string(&out.blocks).unwrap();
    assert!(
        !json.to_lowercase().contains("\"h\":\"javascript"),
        "{json}"
    );
    assert!(!json.contains("iframe"), "{json}");
    assert_eq!(out.bad_links.len(), 4, "{:?}", out.bad_links);
}

#[test]
fn bundles_fall_back_per_article_and_mark_the_locale() {
    let corpus = Corpus::load(&fixture("good")).unwrap();
    let ja = build_bundle(&corpus, "ja");
    assert_eq!(ja.locale, "ja");
    assert_eq!(ja.default_locale, "en");
    let ids: Vec<(&str, &str)> = ja
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.locale.as_str()))
        .collect();
    assert_eq!(ids, vec![("node-offline", "ja"), ("wallet-connect", "en")]);
    let offline = ja.article("node-offline").unwrap();
    assert_eq!(offline.title, "ノードがオフラインと表示される");
    let Block::Paragraph(inlines) = &offline.body[0] else {
        panic!("{:?}", offline.body)
    };
    assert_eq!(inlines[0].article_id(), Some("wallet-connect"));
    assert_eq!(ja.site.categories[0].name, "ノード");
    assert_eq!(ja.site.channels[0].label, "コミュニティフォーラム");
    assert_eq!(ja.flows.len(), 1, "flows travel in the bundle");

    let en = build_bundle(&corpus, "en");
    assert!(en.articles.iter().all(|a| a.locale == "en"));
    assert_eq!(
        en.article("node-offline").unwrap().title,
        "My node shows as offline"
    );
    assert!(matches!(
        en.article("node-offline").unwrap().body[1],
        Block::Callout { .. }
    ));
}

#[test]
fn bundle_version_is_deterministic_and_content_addressed() {
    let a = build_bundle(&Corpus::load(&fixture("good")).unwrap(), "ja");
    let b = build_bundle(&Corpus::load(&fixture("good")).unwrap(), "ja");
    assert_eq!(a.version.len(), 32);
    assert_eq!(a.version, b.version);
    assert_eq!(
        serde_json::to_vec(&a).unwrap(),
        serde_json::to_vec(&b).unwrap()
    );
    let en = build_bundle(&Corpus::load(&fixture("good")).unwrap(), "en");
    assert_ne!(a.version, en.version);
}

#[test]
fn bundles_round_trip_through_json() {
    let corpus = Corpus::load(&fixture("good")).unwrap();
    let bundle = build_bundle(&corpus, "ja");
    let json = serde_json::to_string(&bundle).unwrap();
    let back: koban_core::content::ContentBundle = serde_json::from_str(&json).unwrap();
    assert_eq!(back, bundle);
}

#[test]
fn shipped_content_passes_check() {
    let diags: Vec<Diagnostic> = check(&shipped());
    assert!(
        diags.is_empty(),
        "{}",
        diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let corpus = Corpus::load(&shipped()).unwrap();
    assert!(corpus.default_articles().len() >= 40);
    assert_eq!(
        corpus.summary(),
        "45 articles and 6 flows in 2 locales, 7 categories"
    );
}

#[test]
fn shipped_bundles_are_fully_translated_and_their_size_is_printed() {
    let corpus = Corpus::load(&shipped()).unwrap();
    for locale in corpus.site.locales() {
        let bundle = build_bundle(&corpus, locale);
        assert!(
            bundle.articles.iter().all(|a| &a.locale == locale),
            "{locale}"
        );
        let json = serde_json::to_vec(&bundle).unwrap();
        // The widget's hand-written reader (no serde derives) reads it back exactly.
        let text = std::str::from_utf8(&json).unwrap();
        assert_eq!(
            koban_core::decode::bundle_from_json(text).as_ref(),
            Some(&bundle),
            "{locale}"
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&json).unwrap();
        let gzipped = gz.finish().unwrap().len();
        println!(
            "content bundle {locale}: {} articles, {} bytes JSON, {} bytes gzip",
            bundle.articles.len(),
            json.len(),
            gzipped
        );
    }
}

/// Search snippets and summaries are plain text: the `gpu-not-detected` guide, whose questions
/// quote ``` `gridshare-node gpu list` ``` in Markdown, is compiled to plain text
/// (`content::plain`), then found and shown without Markdown syntax.
#[test]
fn shipped_search_documents_are_plain_text() {
    use koban_core::home::search_docs::search_docs;
    use koban_core::search::{DocKind, Index, SearchOptions};
    let corpus = Corpus::load(&shipped()).unwrap();
    let bundle = build_bundle(&corpus, "en");
    let docs = search_docs(&bundle);
    let flow = docs
        .iter()
        .find(|d| d.id == "gpu-not-detected" && d.kind == DocKind::Flow)
        .unwrap();
    assert!(
        flow.body.contains("run gridshare-node gpu list."),
        "{}",
        flow.body
    );
    for d in docs.iter().filter(|d| d.kind == DocKind::Flow) {
        assert!(
            !d.body.contains('`') && !d.summary.contains('`'),
            "{}",
            d.id
        );
    }
    let index = Index::build(docs);
    let hits = index.search(
        "gpu list",
        &SearchOptions {
            limit: 10,
            context_boost: vec![],
        },
    );
    let guide = hits
        .iter()
        .find(|h| index.doc(h.doc).kind == DocKind::Flow)
        .expect("the guide is found");
    assert!(
        guide.snippet.text.contains("gridshare-node gpu list"),
        "{}",
        guide.snippet.text
    );
    assert!(
        hits.iter().all(|h| !h.snippet.text.contains('`')),
        "no backticks in snippets"
    );
}
