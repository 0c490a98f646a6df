//! The typed API client: the only place the widget talks to the Koban server.
//!
//! ```ignore
//! let api = ApiClient::new("https://help.example.com");
//! let bundle = api.content("ja").await?;
//! ```

use gloo_net::http::Request;
use koban_core::content::ContentBundle;
use koban_core::problem::ProblemDetails;
use koban_core::ticket::files::{AttachmentPolicy, SavedFile};
use koban_core::ticket::outbox::Receipt;
use wasm_bindgen::JsValue;

use crate::i18n::{Msg, msg};

/// What can go wrong talking to the server. Shown to the user through [`ApiError::message_id`].
/// The variants carry no error text: formatting library errors would pull their `Display`
/// machinery into the wasm, and the user sees a localized message anyway.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request did not get a response (offline, DNS, CORS, connection reset).
    #[error("network error")]
    Network,
    /// The server answered with an error status.
    #[error("server answered {0}")]
    Status(u16),
    /// The response body was not what the API promises.
    #[error("unexpected response")]
    Decode,
}

impl ApiError {
    /// The message that explains this error to the user.
    pub fn message_id(&self) -> Msg {
        match self {
            ApiError::Network => msg::ERROR_NETWORK,
            ApiError::Status(_) | ApiError::Decode => msg::ERROR_SERVER,
        }
    }
}

/// Client for the Koban API at one base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base: String,
}

impl ApiClient {
    /// A client for the API at `base` (an origin, optionally with a path; no trailing slash).
    pub fn new(base: impl Into<String>) -> Self {
        let base: String = base.into();
        Self {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    /// The base URL requests go to.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `GET /api/v1/content?locale=<locale>`: the compiled help content for a locale.
    pub async fn content(&self, locale: &str) -> Result<ContentBundle, ApiError> {
        let res = self
            .get(&format!("/api/v1/content?locale={}", encode(locale)))
            .await?;
        // Read by koban-core's hand-written decoder from a `serde_json::Value`: the serde
        // derives of the bundle's ~25 types would cost far more wasm.
        let text = res.text().await.map_err(|_| ApiError::Decode)?;
        koban_core::decode::bundle_from_json(&text).ok_or(ApiError::Decode)
    }
}

impl ApiClient {
    /// `POST /api/v1/feedback` with one event (a plain JS object shaped like koban-core's
    /// `FeedbackEvent`). Best effort: a failure is dropped (feedback must never bother the user).
    /// The JSON text is made by the browser's `JSON.stringify`, which keeps a serializer out of
    /// the wasm.
    pub async fn feedback(&self, event: &js_sys::Object) -> Result<(), ApiError> {
        let batch = js_sys::Object::new();
        let events = js_sys::Array::of1(event);
        let _ = js_sys::Reflect::set(&batch, &"events".into(), &events);
        let body = js_sys::JSON::stringify(&batch).map_err(|_| ApiError::Decode)?;
        let res = Request::post(&format!("{}/api/v1/feedback", self.base))
            .header("content-type", "application/json")
            .body(body)
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        if res.ok() {
            Ok(())
        } else {
            Err(ApiError::Status(res.status()))
        }
    }
}

/// The server's answer to a request that must happen exactly once (`POST /api/v1/tickets`, a
/// follow-up): what the send loops (`crate::ticket::send`) decide the next step from.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    /// 2xx: stored (now, or by an earlier attempt with the same key), with what the widget keeps
    /// of the body.
    Created(T),
    /// Any other status, with the problem details (`None` when the body was not one, e.g. a
    /// proxy's error page) and the `Retry-After` header.
    Refused {
        /// HTTP status.
        status: u16,
        /// `Retry-After`, as sent.
        retry_after: Option<String>,
        /// The problem details.
        problem: Option<ProblemDetails>,
    },
}

impl ApiClient {
    /// `POST /api/v1/tickets` with a frozen body and its `Idempotency-Key`. `Err` only when no
    /// response arrived ([`ApiError::Network`]).
    pub async fn create_ticket(&self, key: &str, body: &str) -> Result<Answer<Receipt>, ApiError> {
        let res = Request::post(&format!("{}/api/v1/tickets", self.base))
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(body.to_string())
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        let status = res.status();
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        if (200..300).contains(&status) {
            // The browser's JSON.parse reads this small body: no serde deserializer for it in
            // the wasm.
            let body = parse(&text);
            return match js_text(&body, "reference") {
                Some(reference) => Ok(Answer::Created(Receipt {
                    reference,
                    token: js_text(&body, "accessToken").unwrap_or_default(),
                })),
                None => Err(ApiError::Decode),
            };
        }
        Ok(refused(status, &res, &text))
    }
}

/// A refused answer (any status but 2xx) with `res`'s `Retry-After` and its body `text` read as
/// problem details.
pub(crate) fn refused<T>(status: u16, res: &gloo_net::http::Response, text: &str) -> Answer<T> {
    Answer::Refused {
        status,
        retry_after: res.headers().get("retry-after"),
        problem: koban_core::decode::problem_from_json(text),
    }
}

impl ApiClient {
    /// `GET /api/v1/attachments`: what files tickets may carry; `None` when the server does not
    /// take attachments (404).
    pub async fn attachment_policy(&self) -> Result<Option<AttachmentPolicy>, ApiError> {
        let res = Request::get(&format!("{}/api/v1/attachments", self.base))
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        match res.status() {
            404 => return Ok(None),
            200 => {}
            other => return Err(ApiError::Status(other)),
        }
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        koban_core::decode::attachment_policy_from_json(&text)
            .map(Some)
            .ok_or(ApiError::Decode)
    }

    /// `POST /api/v1/attachments` with one file. `Err(Status(413 | 415))` when the server
    /// refuses it.
    pub async fn upload(&self, file: &web_sys::File) -> Result<SavedFile, ApiError> {
        let form = web_sys::FormData::new().map_err(|_| ApiError::Decode)?;
        form.append_with_blob_and_filename("file", file, &file.name())
            .map_err(|_| ApiError::Decode)?;
        let res = Request::post(&format!("{}/api/v1/attachments", self.base))
            .body(form)
            .map_err(|_| ApiError::Network)?
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        if res.status() != 201 {
            return Err(ApiError::Status(res.status()));
        }
        let body = parse(&res.text().await.map_err(|_| ApiError::Network)?);
        Ok(SavedFile {
            id: js_text(&body, "id").ok_or(ApiError::Decode)?,
            name: js_text(&body, "filename").unwrap_or_else(|| file.name()),
            size: file.size() as u64,
        })
    }
}

impl ApiClient {
    /// `GET /api/v1/locales/<locale>`: the locale's compiled UI strings, as JSON text.
    pub async fn messages(&self, locale: &str) -> Result<String, ApiError> {
        let res = self
            .get(&format!("/api/v1/locales/{}", encode(locale)))
            .await?;
        res.text().await.map_err(|_| ApiError::Decode)
    }

    /// `GET <base><path>`: the response when its status is 2xx.
    async fn get(&self, path: &str) -> Result<gloo_net::http::Response, ApiError> {
        let res = Request::get(&format!("{}{path}", self.base))
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        if res.ok() {
            Ok(res)
        } else {
            Err(ApiError::Status(res.status()))
        }
    }
}

/// JSON text parsed by the browser (`null` when it is not JSON).
pub(crate) fn parse(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// A string member of a JS object.
pub(crate) fn js_text(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// Percent-encodes a query value (locale tags are ASCII; anything else is escaped).
pub(crate) fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
