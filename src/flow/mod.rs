//! The flow desk: the guided flow the user is running, its saved progress and the host's
//! registered checks. The state machine itself is koban-core's [`Run`]; this module keeps it in
//! a signal, saves it to namespaced local storage (resumed on reload and on `startFlow` of the
//! same flow, for 24 hours), runs host checks ([`check`]) and reports events.
//!
//! ```ignore
//! let flows = FlowDesk::expect();
//! flows.start(&flow);                       // resumes a saved run of this flow
//! flows.answer(&flow, Answer::Choice(1));
//! ```

pub mod check;
#[cfg(feature = "desk")]
mod desk;

#[cfg(feature = "desk")]
pub use desk::FlowDesk;

use crate::storage::{local_storage, now_ms};

/// How long saved progress is resumed.
const EXPIRES_MS: u64 = 24 * 3600 * 1000;

/// Where the widget talking to `api_base` saves its flow run: `<saved at, Unix ms>\n<run JSON>`.
fn flow_key(api_base: &str) -> String {
    format!("koban:{api_base}:flow")
}

/// The run JSON saved by the widget talking to `api_base`, if saved less than 24 hours ago.
pub fn saved_run(api_base: &str) -> Option<String> {
    let text = local_storage()?.get_item(&flow_key(api_base)).ok()??;
    let (at, run) = text.split_once('\n')?;
    let fresh = now_ms().saturating_sub(at.parse().ok()?) < EXPIRES_MS;
    fresh.then(|| run.to_string())
}
