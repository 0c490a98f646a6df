//! Shared harness of the `koban mail ingest` tests: a real server (for tickets filed through the
//! real `POST /api/v1/tickets`) over a real store (see `tickets_support::Db`), a `koban.toml`
//! for the same database with replies by email on, and the real binary run as Postfix's pipe(8)
//! runs it: an empty environment, `--config` in argv, the mail on standard input.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use koban_server::config::Config;
use koban_server::mail::MailConfig;
use koban_server::store::attachments::AttachmentRecord;
use koban_server::store::outbox::OutboxItem;
use koban_server::store::replies::ReplyRecord;
use koban_server::store::tickets::TicketRecord;
use koban_server::tickets::{Faults, TicketsConfig};
use serde_json::Value;
use sqlx::Row;

use crate::tickets_support::{Db, Server, start_with, test_config, ticket, unique};

/// The reply domain.
pub const DOMAIN: &str = "reply.test";
/// Key of the reply tokens.
pub const SECRET: &str = "a-reply-secret-of-the-mail-tests-0123";
/// The requester of every ticket.
pub const REQUESTER: &str = "ada@users.test";
/// The agent who answers by email, and their display name.
pub const AGENT: &str = "mika@agents.test";
/// The agent's name in `agents`.
pub const AGENT_NAME: &str = "Mika Tanaka";

/// What one run of `koban mail ingest` did.
#[derive(Debug)]
pub struct Ingested {
    /// Exit code.
    pub code: i32,
    /// The status line (without its newline).
    pub line: String,
}

/// A server, and the configuration `koban mail ingest` runs with.
pub struct MailEnv {
    /// The server whose store the mail goes to.
    pub server: Server,
    /// A directory of this test's own.
    pub dir: PathBuf,
    /// Its `koban.toml`.
    pub config: PathBuf,
    /// Replies by email as configured (for reply addresses).
    pub mail: MailConfig,
}

/// `koban.toml` text for `database_url`, with files stored under `dir`.
pub fn config_toml(database_url: &str, dir: &Path) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!(
        "database_url = {}\n\
         smtp_url = \"smtp://127.0.0.1:9\"\n\
         smtp_from = \"koban@agents.test\"\n\
         smtp_to = \"team@agents.test\"\n\
         reply_domain = \"{DOMAIN}\"\n\
         reply_secret = \"{SECRET}\"\n\
         agents = [\"{AGENT_NAME} <{AGENT}>\"]\n\
         attachments_enabled = true\n\
         attachments_dir = {}\n",
        quoted(database_url),
        quoted(&dir.join("files").display().to_string()),
    )
}

/// A fresh database with a server on it and a `koban.toml` for it.
pub async fn setup(db: &Db) -> MailEnv {
    setup_with(db, test_config()).await
}

/// [`setup`] with the server's ticket settings.
pub async fn setup_with(db: &Db, tickets: TicketsConfig) -> MailEnv {
    let server = start_with(db, tickets, Faults::none()).await;
    let dir = std::env::temp_dir().join(format!("koban-mail-{}", unique()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = config_toml(&server.url, &dir);
    let config = dir.join("koban.toml");
    std::fs::write(&config, &text).unwrap();
    let mail = Config::parse(&text).unwrap().mail().unwrap();
    MailEnv {
        server,
        dir,
        config,
        mail,
    }
}

/// Runs `koban mail ingest` with `args` and `raw` on standard input, in `dir`, with nothing in
/// the environment but `env`. Checks what every run must do: nothing on stderr, one line on
/// stdout, starting with an enhanced status code, and an exit code Postfix understands.
pub async fn run_ingest(
    dir: &Path,
    args: Vec<String>,
    env: Vec<(String, String)>,
    raw: Vec<u8>,
) -> Ingested {
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_koban"))
            .args(["mail", "ingest"])
            .args(&args)
            .current_dir(&dir)
            .env_clear()
            .envs(env)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // The command may stop reading (a mail over the limit): a broken pipe is no failure.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&raw);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
        assert_eq!(stdout.lines().count(), 1, "one status line: {stdout:?}");
        assert!(stdout.ends_with('\n'), "{stdout:?}");
        let line = stdout.trim_end().to_string();
        let code = out.status.code().expect("an exit code, not a signal");
        let status = match code {
            0 => "2.",
            65 | 67 => "5.",
            75 => "4.",
            _ => panic!("exit {code} is not one Postfix maps: {line}"),
        };
        assert!(line.starts_with(status), "{code}: {line}");
        Ingested { code, line }
    })
    .await
    .unwrap()
}

impl MailEnv {
    /// Files a ticket from [`REQUESTER`]; its reference and access token.
    pub async fn file_ticket(&self) -> (String, String) {
        let mut body = ticket(1);
        body["email"] = REQUESTER.into();
        let res = self
            .server
            .post(Some(&format!("mail-{}", unique())), &body)
            .await;
        assert_eq!(res.status(), 201);
        let created: Value = res.json().await.unwrap();
        (
            created["reference"].as_str().unwrap().to_string(),
            created["accessToken"].as_str().unwrap().to_string(),
        )
    }

    /// The reply address of the ticket `reference`.
    pub fn address(&self, reference: &str) -> String {
        self.mail.reply_address(reference)
    }

    /// Runs `koban mail ingest --config … ` with `args`.
    pub async fn ingest(&self, args: &[&str], raw: impl Into<Vec<u8>>) -> Ingested {
        self.ingest_env(args, &[], raw).await
    }

    /// [`MailEnv::ingest`] with environment variables.
    pub async fn ingest_env(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
        raw: impl Into<Vec<u8>>,
    ) -> Ingested {
        let mut argv = vec!["--config".to_string(), self.config.display().to_string()];
        argv.extend(args.iter().map(|a| a.to_string()));
        let env = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let out = run_ingest(&self.dir, argv, env, raw.into()).await;
        assert!(!out.line.contains('@'), "no address: {}", out.line);
        out
    }

    /// Delivers `raw` to the reply address of `reference` from the envelope sender `sender`, as
    /// Postfix's pipe does.
    pub async fn deliver(
        &self,
        reference: &str,
        sender: &str,
        raw: impl Into<Vec<u8>>,
    ) -> Ingested {
        let recipient = self.address(reference);
        let out = self
            .ingest(&["--sender", sender, "--recipient", &recipient], raw)
            .await;
        // The token is a capability: never printed.
        let token = self.mail.token(reference);
        assert!(!out.line.contains(&token), "{}", out.line);
        assert!(
            !out.line.contains(&token[token.len() - 32..]),
            "{}",
            out.line
        );
        out
    }

    /// The ticket `reference`.
    pub async fn ticket(&self, reference: &str) -> TicketRecord {
        self.server.store.ticket(reference).await.unwrap().unwrap()
    }

    /// Every message on the ticket after the first, notes too.
    pub async fn messages(&self, reference: &str) -> Vec<ReplyRecord> {
        let t = self.ticket(reference).await;
        self.server.store.replies_of(&t.id, false).await.unwrap()
    }

    /// The ticket's outbox rows.
    pub async fn outbox(&self, reference: &str) -> Vec<OutboxItem> {
        let t = self.ticket(reference).await;
        self.server.store.outbox_of(&t.id).await.unwrap()
    }

    /// The ticket's files.
    pub async fn files(&self, reference: &str) -> Vec<AttachmentRecord> {
        let t = self.ticket(reference).await;
        self.server.store.attachments_of(&t.id).await.unwrap()
    }

    /// Every `mail_received` row as (outcome, ticket reference), oldest first.
    pub async fn received(&self) -> Vec<(String, Option<String>)> {
        let rows = sqlx::query(
            "SELECT m.outcome AS outcome, t.reference AS reference FROM mail_received m \
             LEFT JOIN tickets t ON t.id = m.ticket_id ORDER BY m.created_at, m.id",
        )
        .fetch_all(self.server.store.pool())
        .await
        .unwrap();
        rows.iter()
            .map(|r| (r.get("outcome"), r.get("reference")))
            .collect()
    }

    /// How many messages exist on any ticket.
    pub async fn message_count(&self) -> i64 {
        sqlx::query("SELECT COUNT(*) AS n FROM ticket_replies")
            .fetch_one(self.server.store.pool())
            .await
            .unwrap()
            .get("n")
    }
}

/// A plain-text mail: `From`, `Subject`, a `Message-ID` when `id` is given, `extra` header lines
/// (each ending in CRLF), and `body`.
pub fn eml(from: &str, id: Option<&str>, extra: &str, body: &str) -> Vec<u8> {
    let id = id
        .map(|i| format!("Message-ID: <{i}>\r\n"))
        .unwrap_or_default();
    format!(
        "From: {from}\r\nTo: support@{DOMAIN}\r\nSubject: Re: Job stuck\r\n\
         Date: Tue, 8 Dec 2026 09:00:00 +0000\r\n{id}{extra}\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// The hostile fixture `name` (`tests/mail/hostile/<name>`).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mail/hostile")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
