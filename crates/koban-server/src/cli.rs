//! The `koban` command line.
//!
//! ```text
//! koban serve --bind 127.0.0.1 --port 8080 --assets dist --content content
//! koban content check content/
//! koban content build --out dist --content content
//! koban tickets list --json | show KB-7F3K-92QD | close KB-7F3K-92QD | outbox
//! koban config check --config koban.toml
//! koban mail ingest --config koban.toml --sender a@example.com --recipient support+…@reply.example.com
//! koban report --json --days 30 --limit 10
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use clap::{CommandFactory, Parser, Subcommand};

use crate::app::{self, ServerConfig};
use crate::content::{self, ContentStore};
use crate::trace::LogFormat;

/// Koban: help widget server.
#[derive(Debug, Parser)]
#[command(name = "koban", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the widget bundle, the demo and the API.
    Serve(ServeArgs),
    /// Check or build the help content.
    #[command(subcommand)]
    Content(content::cli::ContentCommand),
    /// List, show and close tickets; inspect the delivery outbox.
    #[command(subcommand)]
    Tickets(crate::tickets::cli::TicketsCommand),
    /// Check `koban.toml` and the environment.
    #[command(subcommand)]
    Config(crate::tickets::cli::ConfigCommand),
    /// Print what the feedback says: top no-result queries, least helpful articles, searches
    /// that led to a ticket, flow outcomes.
    Report(crate::feedback::cli::ReportArgs),
    /// Replies by email: store a mail piped in by the MTA.
    #[command(subcommand)]
    Mail(crate::mail::cli::MailCommand),
}

/// Options of `koban serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Port to listen on (0: any free port, logged at start).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,
    /// Directory of the built widget bundle (`koban.js` and `v/<version>/`).
    #[arg(long, env = "KOBAN_ASSETS", default_value = "dist")]
    pub assets: PathBuf,
    /// Help content directory (with `site.toml`), compiled at start and on SIGHUP.
    #[arg(long, env = "KOBAN_CONTENT", default_value = "content")]
    pub content: PathBuf,
    /// The widget's Fluent files (`<dir>/<locale>/*.ftl`), compiled and checked at start.
    #[arg(long, env = "KOBAN_LOCALES", default_value = "locales")]
    pub locales: PathBuf,
    /// Settings file (default: ./koban.toml if present); see `koban config check`.
    #[arg(long, env = "KOBAN_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log lines as text, or as JSON objects (one per line) for log shippers.
    #[arg(long, env = "KOBAN_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: LogFormat,
}

/// The environment variables the command line reads: the `env` of every option of every
/// command (they are not settings, see [`crate::config::env`]).
pub fn env_variables() -> &'static [String] {
    fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
        out.extend(
            cmd.get_arguments()
                .filter_map(|a| a.get_env())
                .map(|v| v.to_string_lossy().into_owned()),
        );
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        walk(&Cli::command(), &mut names);
        names
    })
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        // Its output goes into bounces: one status line, no log.
        Command::Mail(_) => {}
        Command::Serve(args) => crate::trace::init(args.log_format),
        _ => crate::trace::init(LogFormat::Text),
    }
    match cli.command {
        Command::Serve(args) => serve(args),
        Command::Content(cmd) => content::cli::run(cmd),
        Command::Tickets(cmd) => crate::tickets::cli::run_tickets(cmd),
        Command::Config(cmd) => crate::tickets::cli::run_config(cmd),
        Command::Report(args) => crate::feedback::cli::run(args),
        Command::Mail(cmd) => crate::mail::cli::run(cmd),
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("koban: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let store = match ContentStore::load(&args.content) {
        Ok(s) => Arc::new(s),
        Err(diags) => {
            content::cli::print_problems(&args.content, &diags);
            eprintln!(
                "koban: not starting: the content in {} does not pass check",
                args.content.display()
            );
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(
        "content from {}: {}",
        args.content.display(),
        store.current().summary
    );
    let locales = match crate::locales::LocaleTables::load(&args.locales) {
        Ok(t) => Arc::new(t),
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "koban: not starting: the locales in {} do not pass check",
                args.locales.display()
            );
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(
        "UI locales from {}: {}",
        args.locales.display(),
        locales.locales().collect::<Vec<_>>().join(" ")
    );
    let Some(settings) = crate::tickets::cli::load_config(args.config.as_deref()) else {
        eprintln!("koban: not starting: the settings have problems (above)");
        return ExitCode::FAILURE;
    };
    let ticket_rules =
        crate::tickets::cli::rules_from_bundle_json(&store.current().negotiate(None).json);
    let mut config = ServerConfig {
        assets_dir: args.assets,
        content: Some(Arc::clone(&store)),
        tickets: None,
        feedback: None,
        locales: Some(locales),
    };
    let addr = SocketAddr::new(args.bind, args.port);
    runtime.block_on(async move {
        match content::reload::on_sighup(store) {
            Ok(reloader) => {
                tokio::spawn(reloader);
            }
            Err(e) => tracing::warn!("cannot listen for SIGHUP, content will not reload: {e}"),
        }
        match crate::tickets::cli::start_intake(&settings, ticket_rules).await {
            Ok(tickets) => {
                let store = tickets.store().clone();
                config.tickets = Some(tickets);
                config.feedback = Some(crate::feedback::FeedbackState::new(
                    store,
                    settings.feedback(),
                ));
            }
            Err(e) => {
                eprintln!("koban: not starting: {e}");
                return ExitCode::FAILURE;
            }
        }
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("koban: cannot listen on {addr}: {e}");
                return ExitCode::FAILURE;
            }
        };
        // The bound address: with `--port 0` the system picks the port, and this line says which.
        let addr = listener.local_addr().unwrap_or(addr);
        tracing::info!(
            "koban {} listening on http://{addr} (demo at /demo)",
            koban_core::version::VERSION
        );
        match app::serve(listener, config, shutdown_signal()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("koban: server error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
