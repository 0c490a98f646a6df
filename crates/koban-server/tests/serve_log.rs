//! The real `koban` binary as an operator runs it: a misspelt `KOBAN_*` variable stops
//! `koban config check` and `koban serve`; every request carries an `X-Request-Id` in and out and
//! in its log line (text and JSON); and no secret or token reaches the log, even at debug level.

mod fs_support;
mod tickets_support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use fs_support::temp_dir;
use serde_json::{Value, json};
use tickets_support::jwt;

const KOBAN: &str = env!("CARGO_BIN_EXE_koban");
const MISSPELT: &str = "KOBAN_ADMIN_TOKN";

fn repo(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir)
}

/// `koban <args>` in a fresh directory, with `env` set and no inherited `KOBAN_CONFIG`.
fn koban(args: &[&str], env: &[(&str, &str)]) -> Command {
    let cwd = temp_dir("serve-log");
    let mut cmd = Command::new(KOBAN);
    cmd.args(args)
        .current_dir(&cwd)
        .env_remove("KOBAN_CONFIG")
        .env_remove("RUST_LOG")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/koban.db", cwd.display()),
        )
        .envs(env.iter().copied());
    cmd
}

/// `koban serve` on a port the system picks, over the shipped content and locales.
fn serve(extra: &[&str], env: &[(&str, &str)]) -> Command {
    let (content, locales) = (repo("content"), repo("locales"));
    let mut args = vec!["serve", "--port", "0"];
    args.extend(["--content", content.to_str().unwrap()]);
    args.extend(["--locales", locales.to_str().unwrap()]);
    args.extend(extra);
    koban(&args, env)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A running `koban serve` whose standard output and error go to files; killed when dropped.
struct Server {
    child: Child,
    base: String,
    out: PathBuf,
    err: PathBuf,
}

impl Server {
    fn start(extra: &[&str], env: &[(&str, &str)]) -> Server {
        let logs = temp_dir("serve-log-out");
        let (out, err) = (logs.join("stdout.log"), logs.join("stderr.log"));
        let child = serve(extra, env)
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(&err).unwrap())
            .spawn()
            .unwrap();
        let mut server = Server {
            child,
            base: String::new(),
            out,
            err,
        };
        // The start line names the port the system picked.
        server.base = wait_for(|| {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("koban exited with {status}: {}", server.log());
            }
            let log = server.log();
            let at = log.find("listening on ")? + "listening on ".len();
            log[at..].split_whitespace().next().map(str::to_string)
        });
        server
    }

    /// Everything the server wrote so far, standard output and error.
    fn log(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        read(&self.out) + &read(&self.err)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `f` every 50 ms for up to 30 s.
fn wait_for<T>(mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "timed out");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits for `child` to exit, for up to 30 s.
fn exit_of(mut child: Child) -> Output {
    wait_for(|| child.try_wait().unwrap());
    child.wait_with_output().unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn config_check_names_a_misspelt_variable() {
    let out = koban(&["config", "check"], &[(MISSPELT, "s3cret-admin-token")])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(MISSPELT), "{stderr}");
    assert!(
        !stderr.contains("s3cret"),
        "the value is not shown: {stderr}"
    );

    // The command line's own variables, the harnesses' and the right spelling pass.
    let out = koban(
        &["config", "check"],
        &[
            ("KOBAN_ADMIN_TOKEN", "s3cret-admin-token"),
            ("KOBAN_ASSETS", "dist"),
            ("KOBAN_LOG_FORMAT", "json"),
            ("KOBAN_FAULTS", "fail-first-1"),
            ("KOBAN_BIN", "target/server/koban"),
            ("KOBAN_TEST_POSTGRES_URL", "postgres://u@127.0.0.1/db"),
            ("KOBAN_BENCH_RUNS", "3"),
        ],
    )
    .output()
    .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("admin_token = \"********\""), "{stdout}");
}

#[test]
fn serve_refuses_to_start_with_a_misspelt_variable() {
    let child = serve(&[], &[(MISSPELT, "s3cret-admin-token")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = exit_of(child);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(MISSPELT), "{stderr}");
    assert!(stderr.contains("not starting"), "{stderr}");
}

/// `GET /healthz` with `id` as `X-Request-Id` (if any); returns the response's.
fn request_id(base: &str, id: Option<&str>) -> String {
    runtime().block_on(async {
        let mut req = reqwest::Client::new().get(format!("{base}/healthz"));
        if let Some(id) = id {
            req = req.header("x-request-id", id);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 200);
        res.headers()["x-request-id"].to_str().unwrap().to_string()
    })
}

#[test]
fn request_ids_go_in_and_out_and_into_the_text_log() {
    let server = Server::start(&[], &[]);
    assert_eq!(request_id(&server.base, Some("abc-123")), "abc-123");
    let made = request_id(&server.base, None);
    assert_eq!(made.len(), 36, "a UUID: {made}");
    assert_ne!(made, request_id(&server.base, None));
    let long = "x".repeat(200);
    let replaced = request_id(&server.base, Some(&long));
    assert_eq!(replaced.len(), 36, "an overlong id is replaced: {replaced}");

    for id in ["abc-123", made.as_str(), replaced.as_str()] {
        let line = wait_for(|| {
            let log = server.log();
            log.lines()
                .find(|l| l.contains(&format!("request_id={id}")))
                .map(str::to_string)
        });
        for part in [
            "INFO",
            "method=GET",
            "route=/healthz",
            "status=200",
            "latency_ms=",
        ] {
            assert!(line.contains(part), "{part} in {line}");
        }
        assert!(!line.contains('\x1b'), "no colours in a file: {line:?}");
    }
    assert!(!server.log().contains(&long));
}

#[test]
fn request_ids_are_in_the_json_log() {
    let server = Server::start(&["--log-format", "json"], &[]);
    assert_eq!(request_id(&server.base, Some("abc-123")), "abc-123");
    let line = wait_for(|| {
        let log = server.log();
        let lines: Vec<Value> = log
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        lines
            .into_iter()
            .find(|l| l["span"]["request_id"] == "abc-123")
    });
    assert_eq!(line["level"], "INFO", "{line}");
    assert_eq!(line["span"]["route"], "/healthz", "{line}");
    assert_eq!(line["span"]["method"], "GET", "{line}");
    assert_eq!(line["fields"]["status"], 200, "{line}");
    assert!(line["fields"]["latency_ms"].is_number(), "{line}");
    // Every line of the server's own log is JSON.
    let log = std::fs::read_to_string(&server.out).unwrap();
    for l in log.lines() {
        assert!(serde_json::from_str::<Value>(l).is_ok(), "not JSON: {l}");
    }
}

/// Sends `req`, with `token` as its bearer token if any.
async fn send(req: reqwest::RequestBuilder, token: Option<&str>) -> reqwest::Response {
    match token {
        Some(t) => req.bearer_auth(t),
        None => req,
    }
    .send()
    .await
    .unwrap()
}

#[test]
fn no_secret_or_token_reaches_the_debug_log() {
    let unique = tickets_support::unique();
    let admin = format!("admin-token-{unique}");
    let webhook_secret = format!("webhook-secret-{unique}");
    let identity_secret = format!("identity-secret-{unique}-0123456789abcdef");
    let discord_token = format!("discordtoken{}", unique.replace('_', ""));
    // Nothing listens on port 1: both deliveries fail, and their errors are logged.
    let webhook = "http://127.0.0.1:1/hook".to_string();
    let discord = format!("http://127.0.0.1:1/api/webhooks/1/{discord_token}");
    let server = Server::start(
        &[],
        &[
            ("RUST_LOG", "debug"),
            ("KOBAN_ADMIN_TOKEN", &admin),
            ("KOBAN_WEBHOOK_URL", &webhook),
            ("KOBAN_WEBHOOK_SECRET", &webhook_secret),
            ("KOBAN_DISCORD_WEBHOOK_URL", &discord),
            ("KOBAN_IDENTITY_SECRET", &identity_secret),
            ("KOBAN_MIN_FILL_MS", "0"),
        ],
    );
    let now = koban_server::store::now_ms() / 1000;
    let identity = jwt(
        json!({ "sub": "user-1", "email": "ada1@example.com", "exp": now + 600 }),
        &identity_secret,
    );
    let base = server.base.clone();
    let access = runtime().block_on(async {
        let client = reqwest::Client::new();
        let mut body = tickets_support::ticket(1);
        body["identityToken"] = json!(identity);
        let post = client.post(format!("{base}/api/v1/tickets"));
        let res = send(
            post.header("idempotency-key", "secrets-1").json(&body),
            None,
        )
        .await;
        assert_eq!(res.status(), 201);
        let created: Value = res.json().await.unwrap();
        let reference = created["reference"].as_str().unwrap().to_string();
        let access = created["accessToken"].as_str().unwrap().to_string();
        let get = |path: String, token: Option<&str>| {
            let req = client.get(format!("{base}{path}"));
            let token = token.map(str::to_string);
            async move { send(req, token.as_deref()).await.status() }
        };
        let ticket = format!("/api/v1/tickets/{reference}");
        assert_eq!(get(ticket, Some(&access)).await, 200);
        let admin_list = "/api/v1/admin/tickets".to_string();
        assert_eq!(get(admin_list, Some(&admin)).await, 200);
        // A token sent where it does not belong, in a query string, is not logged either.
        assert_eq!(
            get(format!("/healthz?access_token={access}"), None).await,
            200
        );
        access
    });
    let log = wait_for(|| {
        let log = server.log();
        let failed = log.matches("failed (attempt 1)").count();
        (failed >= 2 && log.contains("route=/healthz")).then_some(log)
    });
    for part in [
        "DEBUG",
        "route=/api/v1/tickets status=201",
        "route=/api/v1/tickets/{reference}",
        "route=/api/v1/admin/tickets",
    ] {
        let found = log.lines().any(|l| part.split(' ').all(|p| l.contains(p)));
        assert!(found, "{part} is logged:\n{log}");
    }
    let signature = identity.rsplit('.').next().unwrap();
    for (what, secret) in [
        ("admin token", admin.as_str()),
        ("webhook secret", &webhook_secret),
        ("identity secret", &identity_secret),
        ("identity token", &identity),
        ("identity token signature", signature),
        ("access token", &access),
        ("Discord webhook token", &discord_token),
    ] {
        if let Some(line) = log.lines().find(|l| l.contains(secret)) {
            panic!("the {what} is in the log: {line}");
        }
    }
}
