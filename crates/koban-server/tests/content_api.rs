//! `GET /api/v1/content` over real HTTP on 127.0.0.1: locale negotiation, per-article fallback,
//! caching headers, 304, gzip, problem details, and reloading.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use koban_core::content::ContentBundle;
use koban_server::app::{self, ServerConfig};
use koban_server::content::ContentStore;
use reqwest::header;

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A content directory with `node-offline` in en and ja and `wallet-connect` in en only.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../koban-core/tests/fixtures/good")
}

mod fs_support;
use fs_support::{copy_dir, temp_dir};

async fn start(store: Arc<ContentStore>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = ServerConfig {
        assets_dir: temp_dir("assets"),
        content: Some(store),
        tickets: None,
        feedback: None,
        locales: None,
    };
    tokio::spawn(app::serve(listener, config, std::future::pending()));
    format!("http://{addr}")
}

async fn start_dir(dir: &Path) -> String {
    start(Arc::new(ContentStore::load(dir).unwrap())).await
}

async fn bundle(base: &str, query: &str) -> ContentBundle {
    let res = reqwest::get(format!("{base}/api/v1/content{query}"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn serves_shipped_content_in_english_and_japanese() {
    let base = start_dir(&shipped()).await;
    let en = bundle(&base, "?locale=en").await;
    assert_eq!(en.locale, "en");
    assert!(en.articles.len() >= 40);
    assert!(en.articles.iter().all(|a| a.locale == "en"));
    let ja = bundle(&base, "?locale=ja").await;
    assert_eq!(ja.locale, "ja");
    assert_eq!(ja.articles.len(), en.articles.len());
    assert!(ja.articles.iter().all(|a| a.locale == "ja"));
    assert_eq!(
        ja.article("node-offline").unwrap().title,
        "ノードがオフラインと表示される"
    );
    assert_eq!(ja.site.categories[0].name, "はじめに");
    assert_eq!(
        ja.flows.len(),
        6,
        "the shipped guided flows travel in the bundle"
    );
    assert!(ja.flows.iter().all(|f| f.locale == "ja"));
    assert_eq!(ja.flow("node-offline").unwrap().start, "status");
}

#[tokio::test]
async fn locales_are_negotiated() {
    let base = start_dir(&shipped()).await;
    for (query, locale) in [
        ("?locale=ja-JP", "ja"),
        ("?locale=JA", "ja"),
        ("?locale=en-GB", "en"),
        ("?locale=xx", "en"),
        ("?locale=", "en"),
        ("", "en"),
        ("?locale=fr-CH,ja;q=0.8", "ja"),
    ] {
        let res = reqwest::get(format!("{base}/api/v1/content{query}"))
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{query}");
        assert_eq!(res.headers()[header::CONTENT_LANGUAGE], locale, "{query}");
        let b: ContentBundle = res.json().await.unwrap();
        assert_eq!(b.locale, locale, "{query}");
    }
}

#[tokio::test]
async fn missing_translations_fall_back_per_article() {
    let base = start_dir(&fixture()).await;
    let ja = bundle(&base, "?locale=ja-JP").await;
    let got: Vec<(&str, &str)> = ja
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.locale.as_str()))
        .collect();
    assert_eq!(got, vec![("node-offline", "ja"), ("wallet-connect", "en")]);
    assert_eq!(
        ja.article("wallet-connect").unwrap().title,
        "Connect a wallet"
    );
}

#[tokio::test]
async fn caching_headers_and_304() {
    let base = start_dir(&fixture()).await;
    let url = format!("{base}/api/v1/content?locale=ja");
    let res = reqwest::get(&url).await.unwrap();
    let h = res.headers().clone();
    assert_eq!(h[header::CONTENT_TYPE], "application/json");
    assert_eq!(h[header::CACHE_CONTROL], "public, max-age=60");
    assert_eq!(h[header::VARY], "Accept-Encoding");
    let etag = h[header::ETAG].to_str().unwrap().to_string();
    let body: ContentBundle = res.json().await.unwrap();
    assert_eq!(etag, format!("\"{}\"", body.version), "strong and quoted");

    let client = reqwest::Client::new();
    let res = client
        .get(&url)
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(res.headers()[header::ETAG], etag.as_str());
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=60");
    assert!(res.bytes().await.unwrap().is_empty());

    let res = client
        .get(&url)
        .header(header::IF_NONE_MATCH, "\"something-else\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Each locale has its own tag.
    let en = reqwest::get(format!("{base}/api/v1/content?locale=en"))
        .await
        .unwrap();
    assert_ne!(en.headers()[header::ETAG], etag.as_str());
    let res = client
        .get(format!("{base}/api/v1/content?locale=en"))
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn gzip_is_served_when_accepted() {
    let base = start_dir(&shipped()).await;
    let url = format!("{base}/api/v1/content?locale=en");
    let plain = reqwest::get(&url).await.unwrap();
    let plain_etag = plain.headers()[header::ETAG].clone();
    let plain = plain.bytes().await.unwrap();
    let client = reqwest::Client::new();
    let res = client
        .get(&url)
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
    let gz_etag = res.headers()[header::ETAG].clone();
    assert_ne!(gz_etag, plain_etag);
    let gz = res.bytes().await.unwrap();
    assert!(gz.len() < plain.len() / 2);
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain);
    let res = client
        .get(&url)
        .header(header::ACCEPT_ENCODING, "gzip")
        .header(header::IF_NONE_MATCH, gz_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
}

#[tokio::test]
async fn bad_queries_get_problem_details() {
    let base = start_dir(&fixture()).await;
    let res = reqwest::get(format!("{base}/api/v1/content?locale=en&locale=ja"))
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let p: serde_json::Value = res.json().await.unwrap();
    assert_eq!(p["status"], 400);
    assert_eq!(p["code"], "bad_query");
}

#[tokio::test]
async fn reload_serves_new_content_and_keeps_old_on_failure() {
    let dir = temp_dir("content");
    copy_dir(&fixture(), &dir);
    let store = Arc::new(ContentStore::load(&dir).unwrap());
    let base = start(Arc::clone(&store)).await;
    let before = bundle(&base, "?locale=en").await;

    let file = dir.join("en/articles/wallet-connect.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("title = \"Connect a wallet\"", "title = \"Link a wallet\""),
    )
    .unwrap();
    assert!(koban_server::content::reload::reload_and_log(Arc::clone(&store)).await);
    let after = bundle(&base, "?locale=en").await;
    assert_eq!(
        after.article("wallet-connect").unwrap().title,
        "Link a wallet"
    );
    assert_ne!(after.version, before.version);

    // Broken content: check fails, the previous bundles stay.
    std::fs::write(&file, "no front matter").unwrap();
    let diags = store.reload().unwrap_err();
    assert!(
        diags.iter().any(|d| d
            .to_string()
            .contains("wallet-connect.md:1: missing front matter")),
        "{diags:?}"
    );
    assert!(!koban_server::content::reload::reload_and_log(Arc::clone(&store)).await);
    let still = bundle(&base, "?locale=en").await;
    assert_eq!(still, after);
}

#[tokio::test]
async fn content_build_writes_the_bytes_the_api_serves() {
    let out = temp_dir("build");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_koban"))
        .args(["content", "build", "--out"])
        .arg(&out)
        .arg("--content")
        .arg(shipped())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let base = start_dir(&shipped()).await;
    for locale in ["en", "ja"] {
        let served = reqwest::get(format!("{base}/api/v1/content?locale={locale}"))
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let built = std::fs::read(out.join(format!("content/{locale}.json"))).unwrap();
        assert_eq!(built, served, "{locale}");
    }
}
