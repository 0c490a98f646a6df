//! The ticket side of the command line: `koban tickets list [--json] | show <ref> |
//! reply <ref> [--message <text>] [--internal] | close <ref> | outbox`, `koban config check`, and
//! starting ticket intake for `koban serve`.
//!
//! Ticket status: `open` when submitted, `answered` once an agent replied (the first public reply
//! to an open ticket sets it; internal notes do not), `closed` by `koban tickets close`. Replying
//! to a closed ticket keeps it closed.
//!
//! Ticket text is printed as given; control characters are escaped so a ticket cannot drive the
//! agent's terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use koban_core::ticket::{TicketRules, reference};

use super::{Faults, TicketsState};
use crate::config::Config;
use crate::store::conversation::Changed;
use crate::store::replies::{MessageAdded, MessageAuthor, NewMessage};
use crate::store::{Store, now_ms, rfc3339};
use koban_core::conversation::{Event, ThreadEntry};

/// `koban tickets ...`
#[derive(Debug, clap::Subcommand)]
pub enum TicketsCommand {
    /// List tickets, newest first.
    List {
        /// Print one JSON array with every field.
        #[arg(long)]
        json: bool,
        /// `koban.toml` to read `database_url` from.
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Show one ticket with every field.
    Show {
        /// Ticket reference, e.g. KB-7F3K-92QD.
        reference: String,
        /// `koban.toml` to read `database_url` from.
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Reply to a ticket: a public reply the submitter reads in the widget (and gets by email
    /// when `reply_domain` and `smtp_url` are set), or with `--internal` a note only agents see.
    /// A public reply turns an `open` ticket `answered`.
    Reply {
        /// Ticket reference.
        reference: String,
        /// The text; without it, the text is read from standard input.
        #[arg(long, short)]
        message: Option<String>,
        /// An internal note, never shown to the submitter.
        #[arg(long)]
        internal: bool,
        /// The display name the submitter sees next to the reply (default: "Support", localized).
        #[arg(long)]
        agent: Option<String>,
        /// `koban.toml` to read `database_url` from.
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Mark a ticket closed (the user can still reopen it with a follow-up).
    Close {
        /// Ticket reference.
        reference: String,
        /// `koban.toml` to read `database_url` from.
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Show deliveries not yet acknowledged by their target.
    Outbox {
        /// `koban.toml` to read `database_url` from.
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
}

/// `koban config ...`
#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Check `koban.toml` and the environment; print the effective settings or every problem.
    Check {
        /// The file (default: ./koban.toml if present).
        #[arg(long, env = "KOBAN_CONFIG")]
        config: Option<PathBuf>,
    },
}

/// Loads the configuration, printing every problem with its key.
pub fn load_config(path: Option<&Path>) -> Option<Config> {
    match Config::load(path) {
        Ok(c) => Some(c),
        Err(errors) => {
            for e in errors {
                eprintln!("koban: config: {e}");
            }
            None
        }
    }
}

/// The single-threaded runtime the store commands run on, or `None` after printing why it
/// cannot start.
pub fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("koban: cannot start the runtime: {e}");
            None
        }
    }
}

/// Runs `koban config`.
pub fn run_config(cmd: ConfigCommand) -> ExitCode {
    let ConfigCommand::Check { config } = cmd;
    match load_config(config.as_deref()) {
        Some(c) => {
            print!("{}", c.to_toml_masked());
            ExitCode::SUCCESS
        }
        None => ExitCode::FAILURE,
    }
}

/// The ticket rules (categories, custom fields) of the content's default-locale bundle.
pub fn rules_from_bundle_json(json: &[u8]) -> TicketRules {
    serde_json::from_slice::<koban_core::content::model::ContentBundle>(json)
        .map(|b| b.site.ticket_rules())
        .unwrap_or_else(|e| {
            tracing::warn!("no ticket categories from content: {e}");
            TicketRules::default()
        })
}

/// Connects the store and builds ticket intake for `koban serve`; also starts the delivery
/// worker (which resumes whatever the outbox still holds), the listener of other processes'
/// ticket changes, and the hourly pruning of expired idempotency keys and of month-old records
/// of mail that stored nothing, and closing of requests answered `auto_close_days` ago.
pub async fn start_intake(config: &Config, rules: TicketRules) -> Result<TicketsState, String> {
    let faults = Faults::from_env()?;
    let store = Store::connect(&config.database_url)
        .await
        .map_err(|e| format!("database_url: {e}"))?;
    tracing::info!("tickets stored in {}", redact(&config.database_url));
    let tickets = config.tickets(rules);
    let ttl = tickets.idempotency_ttl;
    let auto_close_days = config.auto_close_days;
    store.listen();
    let prune_store = store.clone();
    let files = tickets.attachments.clone();
    if let Some(files) = &files {
        std::fs::create_dir_all(&files.dir)
            .map_err(|e| format!("attachments_dir: {}: {e}", files.dir.display()))?;
    }
    tokio::spawn(async move {
        loop {
            if let Some(files) = &files {
                super::attachments::prune(&prune_store, files, 24 * 3600 * 1000).await;
            }
            let before = now_ms() - ttl.as_millis() as i64;
            match prune_store.prune_keys(before).await {
                Ok(n) if n > 0 => tracing::info!("pruned {n} idempotency keys"),
                Ok(_) => {}
                Err(e) => tracing::warn!("cannot prune idempotency keys: {e}"),
            }
            let before = now_ms() - crate::store::mail::RECORD_DAYS * 24 * 3600 * 1000;
            if let Err(e) = prune_store.prune_mail_records(before).await {
                tracing::warn!("cannot prune the records of ingested mail: {e}");
            }
            match prune_store.auto_close(now_ms(), auto_close_days).await {
                Ok(closed) if !closed.is_empty() => {
                    tracing::info!(
                        "closed {} answered request(s) with no follow-up",
                        closed.len()
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::warn!("cannot close answered requests: {e}"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
    let state = TicketsState::new(store.clone(), tickets, faults);
    // Detached: it runs as long as the server does; leases cover a stop mid-delivery.
    crate::delivery::spawn(store, config.delivery(), state.delivery_notify())?;
    Ok(state)
}

/// A database URL without its password.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..s + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// Escapes control characters (but keeps newlines and tabs) for a terminal.
fn text(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Runs `koban tickets`.
pub fn run_tickets(cmd: TicketsCommand) -> ExitCode {
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    runtime.block_on(async move {
        match tickets(cmd).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("koban: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

async fn tickets(cmd: TicketsCommand) -> Result<ExitCode, String> {
    let config_path = match &cmd {
        TicketsCommand::List { config, .. }
        | TicketsCommand::Show { config, .. }
        | TicketsCommand::Reply { config, .. }
        | TicketsCommand::Close { config, .. }
        | TicketsCommand::Outbox { config } => config.clone(),
    };
    let Some(config) = load_config(config_path.as_deref()) else {
        return Ok(ExitCode::FAILURE);
    };
    // Read the reply before opening the store, so a bad message fails fast and touches nothing.
    let message = match &cmd {
        TicketsCommand::Reply { message, .. } => Some(reply_text(message.as_deref())?),
        _ => None,
    };
    let store = Store::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let found = |r: &str| reference::normalize(r).unwrap_or_else(|| r.to_string());
    match cmd {
        TicketsCommand::List { json: true, .. } => {
            let all = all_tickets(&store).await?;
            // `koban tickets list --json | head` must not panic on a closed pipe.
            let json = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
            let _ = writeln!(std::io::stdout().lock(), "{json}");
        }
        TicketsCommand::List { json: false, .. } => {
            let all = all_tickets(&store).await?;
            if all.is_empty() {
                println!("no tickets");
            }
            let mut out = std::io::stdout().lock();
            for t in all {
                let _ = writeln!(
                    out,
                    "{}  {:<8}  {}  {:<12}  {}  <{}>",
                    t.reference,
                    t.status,
                    t.created_at,
                    text(&t.category),
                    text(&t.subject),
                    text(&t.email)
                );
            }
        }
        TicketsCommand::Show { reference, .. } => {
            let Some(t) = store
                .ticket(&found(&reference))
                .await
                .map_err(|e| e.to_string())?
            else {
                eprintln!("koban: no ticket {reference}");
                return Ok(ExitCode::FAILURE);
            };
            println!("Reference:   {}", t.reference);
            println!("Status:      {}", t.status);
            println!("Created:     {}", t.created_at);
            println!("Updated:     {}", t.updated_at);
            println!("From:        {} <{}>", text(&t.name), text(&t.email));
            println!("Verified:    {}", if t.verified { "yes" } else { "no" });
            println!("Category:    {}", text(&t.category));
            println!("Subject:     {}", text(&t.subject));
            println!("Fields:      {}", text(&t.fields.to_string()));
            println!("Context:     {}", text(&t.context.to_string()));
            println!("\n{}", text(&t.description));
            for r in store
                .replies_of(&t.id, false)
                .await
                .map_err(|e| e.to_string())?
            {
                let kind = match (&r.author, r.public) {
                    (_, false) => "Internal note (not shown to the user)".to_string(),
                    (MessageAuthor::User, true) => "Follow-up from the user".to_string(),
                    (MessageAuthor::Agent(Some(name)), true) => format!("Reply by {}", text(name)),
                    (MessageAuthor::Agent(None), true) => "Reply".to_string(),
                };
                let via = if r.via.as_deref() == Some("email") {
                    " (by email)"
                } else {
                    ""
                };
                println!("\n{kind} {}{via}:\n{}", r.created_at, text(&r.body));
            }
            let thread = store.thread(&t).await.map_err(|e| e.to_string())?;
            for entry in &thread.entries {
                if let ThreadEntry::StatusChange { from, to, at } = entry {
                    println!("\nStatus {at}: {} -> {}", from.as_str(), to.as_str());
                }
            }
            if let Some(rating) = &thread.rating {
                println!(
                    "\nRating:      {} (first given {}){}",
                    rating.score.as_str(),
                    rating.rated_at,
                    rating
                        .comment
                        .as_deref()
                        .map(|c| format!("\n{}", text(c)))
                        .unwrap_or_default()
                );
            }
            for a in store
                .attachments_of(&t.id)
                .await
                .map_err(|e| e.to_string())?
            {
                println!(
                    "\nAttachment {}: {} ({}, {} bytes) at {}",
                    a.id,
                    text(&a.filename),
                    a.content_type,
                    a.size,
                    std::path::Path::new(&config.attachments_dir)
                        .join(&a.stored_name)
                        .display()
                );
            }
            for o in store.outbox_of(&t.id).await.map_err(|e| e.to_string())? {
                println!(
                    "\nDelivery {} ({}): {}",
                    o.target,
                    o.event.wire_name(),
                    match o.delivered_at {
                        Some(at) => format!("delivered {}", rfc3339(at)),
                        None => format!("pending, {} failed attempt(s)", o.attempts),
                    }
                );
            }
        }
        TicketsCommand::Reply {
            reference,
            internal,
            agent,
            ..
        } => {
            let r = found(&reference);
            let body = message.unwrap_or_default();
            let author = MessageAuthor::Agent(agent.filter(|a| !a.trim().is_empty()));
            let requester = config.requester_targets();
            let message = NewMessage {
                author: &author,
                body: &body,
                public: !internal,
                attachments: &[],
                deliver_to: &requester,
                via: None,
                received: None,
            };
            match store
                .add_message(&r, message, None, |_, _| String::new())
                .await
                .map_err(|e| e.to_string())?
            {
                MessageAdded::Stored { status, .. } if internal => {
                    println!("{r}: internal note added (status {})", status.as_str())
                }
                MessageAdded::Stored { status, .. } => {
                    println!("{r}: reply sent (status {})", status.as_str())
                }
                _ => {
                    eprintln!("koban: no ticket {reference}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        TicketsCommand::Close { reference, .. } => {
            let r = found(&reference);
            match store
                .apply_status_event(&r, Event::ClosedByAgent)
                .await
                .map_err(|e| e.to_string())?
            {
                Changed::Done(status) => println!("{r}: status {}", status.as_str()),
                Changed::NoTicket => {
                    eprintln!("koban: no ticket {reference}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        TicketsCommand::Outbox { .. } => {
            let pending = store.pending_outbox().await.map_err(|e| e.to_string())?;
            if pending.is_empty() {
                println!("outbox empty: every ticket was delivered");
            }
            for o in pending {
                println!(
                    "{}  {:<8}  {:<14}  attempts {}  next {}  {}",
                    o.reference,
                    o.target,
                    o.event.wire_name(),
                    o.attempts,
                    o.next_attempt(),
                    text(o.last_error.as_deref().unwrap_or(""))
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The text of a reply: `--message`, or standard input without it; surrounding blank lines are
/// dropped, and an empty reply is refused.
fn reply_text(message: Option<&str>) -> Result<String, String> {
    let raw = match message {
        Some(m) => m.to_string(),
        None => {
            let mut buf = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut buf)
                .map_err(|e| format!("cannot read the reply from standard input: {e}"))?;
            buf
        }
    };
    let body = raw.trim_matches(|c| c == '\n' || c == '\r').trim_end();
    if body.trim().is_empty() {
        return Err("the reply is empty (pass --message or write it to standard input)".into());
    }
    Ok(body.to_string())
}

async fn all_tickets(store: &Store) -> Result<Vec<crate::store::tickets::TicketRecord>, String> {
    let mut all = Vec::new();
    loop {
        let page = store
            .list_tickets(500, all.len() as i64)
            .await
            .map_err(|e| e.to_string())?;
        let done = page.len() < 500;
        all.extend(page);
        if done {
            return Ok(all);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redaction_and_escaping() {
        assert_eq!(
            super::redact("postgres://u:pw@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(
            super::redact("sqlite://data/koban.db"),
            "sqlite://data/koban.db"
        );
        assert_eq!(super::text("a\x1b[31mb\nc"), "a\\u{1b}[31mb\nc");
    }
}
