//! `koban mail ingest`: the MTA's pipe transport (as Request Tracker's `rt-mailgate`).
//!
//! It reads one mail on standard input, stores it ([`super::ingest`]) and exits with a sysexits
//! code the MTA acts on: 0 delivered (also a duplicate or an ignored auto-reply), 65 bad
//! message (bounced), 67 unknown recipient (bounced), 75 try again later (deferred: settings or
//! database unavailable, `reply_domain` unset, any panic).
//!
//! Postfix puts what a pipe command prints into its log and into the bounce to the sender, so
//! the command prints exactly one short line, starting with an enhanced status code that
//! Postfix adopts (`5.3.4 message too large`), and never a body, an address, a token, an SQL
//! error or a panic message: it sets up no logging, and a panic hook prints only
//! `4.3.0 internal error` (the panic is caught and exits 75; a build with `panic = "abort"`
//! exits 75 from the hook). Postfix's pipe(8) passes almost no environment, so `--config` comes
//! in argv.

use std::io::{Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use super::ingest::{EX_TEMPFAIL, Envelope, IngestError, ingest};
use crate::config::Config;
use crate::tickets::Faults;

/// `koban mail ...`
#[derive(Debug, clap::Subcommand)]
pub enum MailCommand {
    /// Store one mail read on standard input on its ticket (the MTA's pipe transport for
    /// `reply_domain`). Prints one status line; exits 0 delivered, 65 bad message, 67 unknown
    /// recipient, 75 try again later.
    Ingest(IngestArgs),
}

/// Options of `koban mail ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// `koban.toml` (put it in argv: Postfix's pipe passes almost no environment).
    #[arg(long, env = "KOBAN_CONFIG")]
    pub config: Option<PathBuf>,
    /// The envelope sender (Postfix `${sender}`; empty for a bounce).
    #[arg(long)]
    pub sender: Option<String>,
    /// The envelope recipient (Postfix `${recipient}`): the reply address.
    #[arg(long)]
    pub recipient: Option<String>,
}

/// Whether the status line was printed.
static PRINTED: AtomicBool = AtomicBool::new(false);
/// Whether any thread panicked.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Prints `line` as the status line, unless one was printed already.
fn status(line: &str) {
    if !PRINTED.swap(true, Ordering::SeqCst) {
        let mut out = std::io::stdout().lock();
        // A closed pipe leaves nobody to tell.
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// Runs `koban mail`.
pub fn run(cmd: MailCommand) -> ExitCode {
    let MailCommand::Ingest(args) = cmd;
    std::panic::set_hook(Box::new(|_| {
        PANICKED.store(true, Ordering::SeqCst);
        status(&IngestError::Internal.to_string());
        if cfg!(panic = "abort") {
            std::process::exit(i32::from(EX_TEMPFAIL));
        }
    }));
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| run_ingest(&args)));
    let code = match outcome {
        Ok(Ok(delivered)) => {
            status(&delivered.to_string());
            0
        }
        Ok(Err(e)) => {
            status(&e.to_string());
            e.exit_code()
        }
        Err(_) => EX_TEMPFAIL,
    };
    // A panic on any thread: the mail is tried again (storing is once per mail).
    if PANICKED.load(Ordering::SeqCst) {
        return ExitCode::from(EX_TEMPFAIL);
    }
    ExitCode::from(code)
}

fn run_ingest(args: &IngestArgs) -> Result<super::ingest::Delivered, IngestError> {
    let config = Config::load(args.config.as_deref()).map_err(|_| IngestError::Config)?;
    let faults = Faults::from_env().map_err(|_| IngestError::Config)?;
    // One byte more than allowed tells a mail over the limit from one at it.
    let limit = config.mail_max_bytes.saturating_add(1);
    let mut raw = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit)
        .read_to_end(&mut raw)
        .map_err(IngestError::Input)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|_| IngestError::Internal)?;
    let envelope = Envelope {
        sender: args.sender.clone(),
        recipient: args.recipient.clone(),
    };
    runtime.block_on(ingest(&config, &envelope, &raw, &faults))
}
