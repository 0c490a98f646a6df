//! `koban content`: check and build help content without running the server.
//!
//! ```text
//! koban content check content/            # file:line: message per problem; exit 1 if any
//! koban content build --out dist          # dist/content/<locale>.json, as the API serves them
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use koban_core::content::{Corpus, Diagnostic};

use super::store::CompiledContent;

/// The `koban content` subcommands.
#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check the content: print `file:line: message` for every problem (exit 1 if any).
    Check {
        /// The content directory (with `site.toml`).
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    /// Compile the bundles to `<out>/content/<locale>.json`, for hosts without a koban server.
    Build {
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// The content directory (with `site.toml`).
        #[arg(long, env = "KOBAN_CONTENT", default_value = "content")]
        content: PathBuf,
    },
}

/// Runs a `koban content` subcommand.
pub fn run(command: ContentCommand) -> ExitCode {
    match command {
        ContentCommand::Check { dir } => check(&dir),
        ContentCommand::Build { out, content } => build(&content, &out),
    }
}

fn check(dir: &Path) -> ExitCode {
    match Corpus::load(dir) {
        Ok(corpus) => {
            println!("{}: ok", corpus.summary());
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_problems(dir, &diags);
            ExitCode::FAILURE
        }
    }
}

fn build(dir: &Path, out: &Path) -> ExitCode {
    let compiled = match CompiledContent::compile(dir) {
        Ok(c) => c,
        Err(diags) => {
            print_problems(dir, &diags);
            return ExitCode::FAILURE;
        }
    };
    let target = out.join("content");
    if let Err(e) = std::fs::create_dir_all(&target) {
        eprintln!("koban: cannot create {}: {e}", target.display());
        return ExitCode::FAILURE;
    }
    for bundle in compiled.bundles() {
        let file = target.join(format!("{}.json", bundle.locale));
        if let Err(e) = std::fs::write(&file, &bundle.json) {
            eprintln!("koban: cannot write {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
        println!("{} ({} bytes)", file.display(), bundle.json.len());
    }
    println!("{}: built", compiled.summary);
    ExitCode::SUCCESS
}

/// Prints each diagnostic as `file:line: message` (stdout) and a count (stderr).
pub fn print_problems(dir: &Path, diags: &[Diagnostic]) {
    for d in diags {
        println!("{d}");
    }
    eprintln!(
        "koban: {} problem{} in {}",
        diags.len(),
        if diags.len() == 1 { "" } else { "s" },
        dir.display()
    );
}
