//! The `koban` binary's content commands, and `koban serve` with content: refusing bad content at
//! start, and reloading on a real SIGHUP.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use koban_core::content::ContentBundle;

const KOBAN: &str = env!("CARGO_BIN_EXE_koban");

fn core_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../koban-core/tests/fixtures")
        .join(name)
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

mod fs_support;
use fs_support::{copy_dir, free_port, temp_dir};

fn koban(args: &[&str]) -> Output {
    Command::new(KOBAN)
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_on_shipped_content() {
    let out = koban(&["content", "check", shipped().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "45 articles and 6 flows in 2 locales, 7 categories: ok\n"
    );
}

#[test]
fn check_fails_with_file_and_line_on_bad_fixtures() {
    for (fixture, expected) in [
        (
            "bad-unknown-category",
            "en/articles/node-offline.md:4: unknown category `hardware` (not in site.toml)",
        ),
        (
            "bad-xss",
            "en/articles/node-offline.md:18: link `javascript:alert(1)` is not allowed",
        ),
        (
            "bad-front-matter",
            "en/articles/node-offline.md:3: front matter: invalid basic string",
        ),
    ] {
        let dir = core_fixture(fixture);
        let out = koban(&["content", "check", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{fixture}");
        let stdout = text(&out.stdout);
        let expected = format!("{}/{expected}", dir.display());
        assert!(
            stdout.lines().any(|l| l.starts_with(&expected)),
            "{fixture}: {stdout}"
        );
        assert!(text(&out.stderr).contains("problem"), "{fixture}");
    }
}

#[test]
fn build_writes_one_bundle_per_locale() {
    let out_dir = temp_dir("build");
    let out = koban(&[
        "content",
        "build",
        "--out",
        out_dir.to_str().unwrap(),
        "--content",
        core_fixture("good").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for locale in ["en", "ja"] {
        let bytes = std::fs::read(out_dir.join("content").join(format!("{locale}.json"))).unwrap();
        let bundle: ContentBundle = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(bundle.locale, locale);
        assert_eq!(bundle.articles.len(), 2);
    }
    let bad = koban(&[
        "content",
        "build",
        "--out",
        out_dir.to_str().unwrap(),
        "--content",
        core_fixture("bad-raw-html").to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `koban serve` with its log (stdout) going to `log`.
fn serve(content: &Path, port: u16, log: &Path) -> Server {
    let cwd = temp_dir("serve");
    Server(
        Command::new(KOBAN)
            .args(["serve", "--port", &port.to_string(), "--content"])
            .arg(content)
            .current_dir(cwd)
            .env("RUST_LOG", "koban_server=info")
            .stdout(std::fs::File::create(log).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

fn get_bundle(port: u16) -> Option<(String, ContentBundle)> {
    let url = format!("http://127.0.0.1:{port}/api/v1/content?locale=en");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let res = reqwest::get(&url).await.ok()?;
        let etag = res.headers().get("etag")?.to_str().ok()?.to_string();
        Some((etag, res.json().await.ok()?))
    })
}

/// Polls `f` every 50 ms for up to 20 s.
fn wait_for<T>(mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_refuses_to_start_on_bad_content() {
    let dir = core_fixture("bad-dangling-related");
    let out = Command::new(KOBAN)
        .args(["serve", "--port", &free_port().to_string(), "--content"])
        .arg(&dir)
        .current_dir(temp_dir("serve"))
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout)
            .contains("node-offline.md:8: related article `node-reboot` does not exist"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stderr).contains("not starting"));
}

#[cfg(unix)]
#[test]
fn sighup_reloads_content_and_keeps_it_when_the_new_content_is_bad() {
    let dir = temp_dir("content");
    copy_dir(&core_fixture("good"), &dir);
    let port = free_port();
    let log = temp_dir("log").join("koban.log");
    let server = serve(&dir, port, &log);
    let (etag, before) = wait_for(|| get_bundle(port));
    assert_eq!(
        before.article("wallet-connect").unwrap().title,
        "Connect a wallet"
    );

    let hup = || {
        let status = Command::new("kill")
            .args(["-HUP", &server.0.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    };
    let file = dir.join("en/articles/wallet-connect.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("title = \"Connect a wallet\"", "title = \"Link a wallet\""),
    )
    .unwrap();
    hup();
    let (new_etag, after) = wait_for(|| {
        get_bundle(port)
            .filter(|(_, b)| b.article("wallet-connect").unwrap().title == "Link a wallet")
    });
    assert_ne!(new_etag, etag);

    // Bad content: the server logs the problems and keeps serving what it had.
    std::fs::write(
        &file,
        original.replace("category = \"wallet\"", "category = \"nope\""),
    )
    .unwrap();
    hup();
    wait_for(|| {
        std::fs::read_to_string(&log)
            .ok()
            .filter(|l| l.contains("still serving the previous content"))
    });
    let log_text = std::fs::read_to_string(&log).unwrap();
    assert!(
        log_text.contains("wallet-connect.md:4: unknown category `nope`"),
        "{log_text}"
    );
    let (still_etag, still) = get_bundle(port).expect("server still up after a bad reload");
    assert_eq!(still_etag, new_etag);
    assert_eq!(still, after);
}
