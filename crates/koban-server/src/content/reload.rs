//! Recompiling content on SIGHUP.
//!
//! The server watches no files: after editing `content/`, run `kill -HUP <pid>` (or
//! `systemctl reload koban`). If the new content fails check, the diagnostics are logged and the
//! previous bundles keep being served.

use std::sync::Arc;

use super::store::ContentStore;

/// Recompiles `store` (off the async threads) and logs the outcome. Returns whether the new
/// content is being served.
pub async fn reload_and_log(store: Arc<ContentStore>) -> bool {
    let dir = store.dir().display().to_string();
    let result = tokio::task::spawn_blocking(move || store.reload()).await;
    match result {
        Ok(Ok(summary)) => {
            tracing::info!("content reloaded from {dir}: {summary}");
            true
        }
        Ok(Err(diags)) => {
            for d in &diags {
                tracing::error!("{d}");
            }
            tracing::error!(
                "content in {dir} has {} problem(s); still serving the previous content",
                diags.len()
            );
            false
        }
        Err(e) => {
            tracing::error!("content reload failed: {e}; still serving the previous content");
            false
        }
    }
}

/// Installs the SIGHUP handler now and returns a future that reloads `store` on every SIGHUP
/// (spawn it). Installing early matters: once installed, a SIGHUP no longer terminates the
/// process. On non-Unix platforms the future never resolves.
pub fn on_sighup(
    store: Arc<ContentStore>,
) -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut hup = signal(SignalKind::hangup())?;
        Ok(async move {
            while hup.recv().await.is_some() {
                tracing::info!("SIGHUP: reloading content");
                reload_and_log(Arc::clone(&store)).await;
            }
        })
    }
    #[cfg(not(unix))]
    {
        let _ = store;
        Ok(std::future::pending())
    }
}
