//! The server over real HTTP on 127.0.0.1: health, demo pages and widget assets with their
//! caching, CORS and MIME rules.

use std::path::PathBuf;

use koban_core::version::VERSION;
use koban_server::app::{self, ServerConfig};

/// A bundle directory laid out like `scripts/package.mjs` does, with stand-in files.
fn bundle_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "koban-assets-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    let versioned = dir.join("v").join(VERSION);
    std::fs::create_dir_all(&versioned).unwrap();
    std::fs::write(dir.join("koban.js"), "/* loader */").unwrap();
    std::fs::write(versioned.join("koban.js"), "/* loader */").unwrap();
    std::fs::write(versioned.join("koban-widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(versioned.join("koban-widget.js"), "export default 1;").unwrap();
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = ServerConfig {
        assets_dir: bundle_dir(),
        content: None,
        tickets: None,
        feedback: None,
        locales: None,
    };
    tokio::spawn(app::serve(listener, config, std::future::pending()));
    format!("http://{addr}")
}

#[tokio::test]
async fn healthz_reports_ok_and_version() {
    let base = start().await;
    let res = reqwest::get(format!("{base}/healthz")).await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], VERSION);
}

#[tokio::test]
async fn loader_is_short_lived_and_public() {
    let base = start().await;
    let res = reqwest::get(format!("{base}/koban.js")).await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h["cache-control"], "public, max-age=300");
    assert_eq!(h["access-control-allow-origin"], "*");
    assert!(h["content-type"].to_str().unwrap().contains("javascript"));
}

#[tokio::test]
async fn versioned_assets_are_immutable_public_and_typed() {
    let base = start().await;
    for (file, mime) in [
        ("koban.js", "javascript"),
        ("koban-widget.js", "javascript"),
        ("koban-widget_bg.wasm", "application/wasm"),
    ] {
        let res = reqwest::get(format!("{base}/v/{VERSION}/{file}"))
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
        let h = res.headers();
        assert_eq!(
            h["cache-control"], "public, max-age=31536000, immutable",
            "{file}"
        );
        assert_eq!(h["access-control-allow-origin"], "*", "{file}");
        assert!(
            h["content-type"].to_str().unwrap().contains(mime),
            "{file}: {:?}",
            h["content-type"]
        );
    }
    let missing = reqwest::get(format!("{base}/v/{VERSION}/nope.js"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn demo_pages_embed_the_loader() {
    let base = start().await;
    for page in ["/demo", "/demo/inline"] {
        let res = reqwest::get(format!("{base}{page}")).await.unwrap();
        assert_eq!(res.status(), 200, "{page}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"src="/koban.js""#), "{page}");
    }
    let js = reqwest::get(format!("{base}/demo/demo.js"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(js.contains("(Koban.q = Koban.q || []).push(arguments)"));
}
