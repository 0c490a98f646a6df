//! An HTTP receiver for the webhook (`/hook`, answers 401 unless the signature verifies) and
//! Discord (`/discord`, answers 204), which records every request and can fail the first ones.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use tokio::net::TcpListener;

use super::SECRET;

/// One request the receiver got, and what it answered.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The request path.
    pub path: String,
    /// The request headers.
    pub headers: HeaderMap,
    /// The request body.
    pub body: Bytes,
    /// The status answered.
    pub status: u16,
}

impl Hit {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

#[derive(Debug, Default)]
struct ReceiverState {
    hits: Mutex<Vec<Hit>>,
    /// Answer this many more requests with 503.
    fail_first: AtomicUsize,
}

/// A running receiver.
pub struct Receiver {
    /// `http://127.0.0.1:port`.
    pub base: String,
    state: Arc<ReceiverState>,
}

impl Receiver {
    /// The requests to `path`, in order.
    pub fn hits(&self, path: &str) -> Vec<Hit> {
        let hits = self.state.hits.lock().unwrap();
        hits.iter().filter(|h| h.path == path).cloned().collect()
    }
}

/// Verifies `X-Koban-Signature` independently of the server's code.
pub fn signature_ok(headers: &HeaderMap, body: &[u8]) -> bool {
    let Some(sig) = headers
        .get("x-koban-signature")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("sha256="))
        .and_then(|v| hex::decode(v).ok())
    else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

async fn receive(
    State(state): State<Arc<ReceiverState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let path = uri.path().to_string();
    let status = if path == "/hook" && !signature_ok(&headers, &body) {
        StatusCode::UNAUTHORIZED
    } else if state
        .fail_first
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
    {
        StatusCode::SERVICE_UNAVAILABLE
    } else if path == "/discord" {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::OK
    };
    state.hits.lock().unwrap().push(Hit {
        path,
        headers,
        body,
        status: status.as_u16(),
    });
    status
}

/// A receiver on `listener` that answers the first `fail_first` requests with 503.
pub async fn receiver_on(listener: TcpListener, fail_first: usize) -> Receiver {
    let state = Arc::new(ReceiverState {
        fail_first: AtomicUsize::new(fail_first),
        ..ReceiverState::default()
    });
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .route("/hook", post(receive))
        .route("/discord", post(receive))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Receiver { base, state }
}

/// A receiver on a free port (see [`receiver_on`]).
pub async fn receiver(fail_first: usize) -> Receiver {
    receiver_on(TcpListener::bind("127.0.0.1:0").await.unwrap(), fail_first).await
}
