//! `GET /api/v1/locales/{locale}` over real HTTP with the shipped `locales/`: the compiled table,
//! ETag and 304 (If-None-Match lists, weak tags, `*`), public caching and CORS, 404 for an
//! unknown locale.

use std::path::Path;
use std::sync::Arc;

use koban_server::app::{self, ServerConfig};
use koban_server::locales::LocaleTables;

async fn start() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let tables = LocaleTables::load(&dir).expect("the shipped locales pass check");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = ServerConfig {
        assets_dir: std::env::temp_dir(),
        content: None,
        tickets: None,
        feedback: None,
        locales: Some(Arc::new(tables)),
    };
    tokio::spawn(app::serve(listener, config, std::future::pending()));
    format!("http://{addr}")
}

#[tokio::test]
async fn tables_are_served_cached_and_revalidated() {
    let base = start().await;
    let res = reqwest::get(format!("{base}/api/v1/locales/ja"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=300");
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    assert_eq!(res.headers()["content-language"], "ja");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let table: serde_json::Value = res.json().await.unwrap();
    assert!(table["panel-title"][0].is_string());
    assert_ne!(table["panel-title"][0], "Help", "Japanese, not English");
    // RFC 9110 If-None-Match, as for the content: weak comparison, lists, `*`, several lines.
    let revalidate = |values: Vec<String>| {
        let mut req = reqwest::Client::new().get(format!("{base}/api/v1/locales/ja"));
        for value in values {
            req = req.header("if-none-match", value);
        }
        async move { req.send().await.unwrap().status() }
    };
    for values in [
        vec![etag.clone()],
        vec![format!("W/{etag}")],
        vec![format!("\"old\", {etag}")],
        vec!["\"old\"".to_string(), etag.clone()],
        vec!["*".to_string()],
    ] {
        assert_eq!(revalidate(values.clone()).await, 304, "{values:?}");
    }
    assert_eq!(revalidate(vec!["\"old\"".to_string()]).await, 200);
    let missing = reqwest::get(format!("{base}/api/v1/locales/xx"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
}
