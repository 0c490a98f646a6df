//! `koban report [--json] [--days N] [--limit N]`: prints the [`report`](super::report::build) of the
//! feedback stored in `database_url`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::report::{self, DEFAULT_DAYS, DEFAULT_LIMIT};
use crate::store::{Store, now_ms};
use crate::tickets::cli::{load_config, runtime};

/// Options of `koban report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Days of feedback to cover, counted back from now (0: all stored feedback).
    #[arg(long, default_value_t = DEFAULT_DAYS)]
    pub days: u32,
    /// Most rows per list.
    #[arg(long, default_value_t = DEFAULT_LIMIT, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// `koban.toml` to read `database_url` from.
    #[arg(long, env = "KOBAN_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Runs `koban report`.
pub fn run(args: ReportArgs) -> ExitCode {
    let Some(config) = load_config(args.config.as_deref()) else {
        return ExitCode::FAILURE;
    };
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    let result = runtime.block_on(async {
        let store = Store::connect(&config.database_url)
            .await
            .map_err(|e| e.to_string())?;
        let report = report::build(&store, now_ms(), args.days, args.limit as usize)
            .await
            .map_err(|e| e.to_string());
        store.close().await;
        report
    });
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("koban: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => json + "\n",
            Err(e) => {
                eprintln!("koban: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        report::render_text(&report)
    };
    // `koban report | head` must not panic on a closed pipe.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}
