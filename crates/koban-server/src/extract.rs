//! Extractors for the preconditions API handlers share, each refusing with its [`Problem`]:
//!
//! - [`IdempotencyKey`]: the `Idempotency-Key` header (400 `idempotency_key_missing` /
//!   `idempotency_key_invalid`);
//! - [`JsonBody`]: a JSON request body read as a [`JsonRequest`], with the same problems in the
//!   same order for every intake: body within limit (413 `payload_too_large`), otherwise
//!   readable (400 `bad_body`), JSON media type if one is given (415 `unsupported_media_type`),
//!   JSON (400 `malformed_json`), then whatever the request type refuses (400 or 422).
//!
//! Not axum's `Json` extractor: its rejections are plain text, not problem details, and it
//! requires a `Content-Type` header.
//!
//! A handler whose checks must be reported in a documented order (a rate limit before the key,
//! the key before the body) takes them as `Result<Extractor, Problem>` and applies `?` where its
//! order says.

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde_json::Value;

use crate::problem::{Problem, ProblemCode};

/// Longest accepted `Idempotency-Key`.
pub const MAX_KEY_LEN: usize = 255;

/// The `Idempotency-Key` header: 1–255 visible ASCII characters (surrounding spaces trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        let missing = || {
            Problem::new(ProblemCode::IdempotencyKeyMissing).detail(
                "Send a fresh UUID per ticket in the Idempotency-Key header and reuse it on retries",
            )
        };
        let value = parts.headers.get("idempotency-key").ok_or_else(missing)?;
        let key = value.to_str().map_err(|_| missing())?.trim();
        if key.is_empty() || key.len() > MAX_KEY_LEN || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Problem::new(ProblemCode::IdempotencyKeyInvalid));
        }
        Ok(IdempotencyKey(key.to_string()))
    }
}

/// The largest request body a router accepts (its `DefaultBodyLimit`), quoted in the 413's
/// detail. A [`JsonBody`] reads it from the router's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

/// What a JSON request body is read as.
pub trait JsonRequest: Sized {
    /// The 415's title, e.g. "Send the ticket as application/json".
    const MEDIA_TITLE: &'static str;

    /// Reads the parsed body; the problem when it is not one of these.
    fn from_json(value: &Value) -> Result<Self, Problem>;
}

/// A JSON request body: the JSON as sent and what it reads as.
#[derive(Debug, Clone)]
pub struct JsonBody<T> {
    /// The parsed JSON (object keys sorted: `to_string` gives a canonical form).
    pub json: Value,
    /// The body read as a `T`.
    pub body: T,
}

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: JsonRequest,
    BodyLimit: FromRef<S>,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        let media = req.headers().get(header::CONTENT_TYPE).cloned();
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                let BodyLimit(limit) = BodyLimit::from_ref(state);
                Problem::new(ProblemCode::PayloadTooLarge).detail(format!("At most {limit} bytes"))
            } else {
                Problem::new(ProblemCode::BadBody)
            }
        })?;
        if let Some(media) = media {
            let media = media.to_str().unwrap_or("").to_ascii_lowercase();
            if !(media.starts_with("application/json") || media.contains("+json")) {
                return Err(Problem::new(ProblemCode::UnsupportedMediaType).titled(T::MEDIA_TITLE));
            }
        }
        let json: Value = serde_json::from_slice(&bytes)
            .map_err(|e| Problem::new(ProblemCode::MalformedJson).detail(e.to_string()))?;
        let body = T::from_json(&json)?;
        Ok(JsonBody { json, body })
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::extract::DefaultBodyLimit;
    use axum::handler::Handler;
    use axum::response::{IntoResponse, Response};
    use koban_core::problem::ProblemDetails;

    use super::*;

    /// A request type that must be a JSON object with a string `name`.
    #[derive(Debug)]
    struct Named(String);

    impl JsonRequest for Named {
        const MEDIA_TITLE: &'static str = "Send the name as application/json";

        fn from_json(value: &Value) -> Result<Self, Problem> {
            match value.get("name").and_then(Value::as_str) {
                Some(name) => Ok(Named(name.to_string())),
                None => Err(Problem::new(ProblemCode::MalformedTicket)),
            }
        }
    }

    async fn named(key: IdempotencyKey, JsonBody { json, body }: JsonBody<Named>) -> String {
        format!("{} {} {}", key.0, body.0, json)
    }

    /// The response to `req` from [`named`] behind a 32-byte body limit.
    async fn call(req: axum::http::request::Builder, body: impl Into<Body>) -> Response {
        let handler = named.layer(DefaultBodyLimit::max(32));
        handler
            .call(req.body(body.into()).unwrap(), BodyLimit(32))
            .await
            .into_response()
    }

    /// The status and problem details of `res` (panics when it is not a problem).
    async fn problem(res: Response) -> (StatusCode, ProblemDetails) {
        let status = res.status();
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    fn post() -> axum::http::request::Builder {
        Request::post("/").header("idempotency-key", "k-1")
    }

    #[tokio::test]
    async fn accepts_a_key_and_a_json_body() {
        let res = call(
            post().header("content-type", "application/json"),
            r#"{"name":"x"}"#,
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
        let bytes = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
        assert_eq!(bytes, r#"k-1 x {"name":"x"}"#);
        // No Content-Type at all is read as JSON; `+json` types are JSON.
        assert_eq!(
            call(post(), r#"{"name":"x"}"#).await.status(),
            StatusCode::OK
        );
        let ld = post().header("content-type", "application/ld+json; charset=utf-8");
        assert_eq!(call(ld, r#"{"name":"x"}"#).await.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn refuses_a_missing_or_invalid_key() {
        let (status, p) = problem(call(Request::post("/"), r#"{"name":"x"}"#).await).await;
        assert_eq!(
            (status.as_u16(), p.code.as_str()),
            (400, "idempotency_key_missing")
        );
        assert!(p.detail.unwrap().contains("fresh UUID"));
        let too_long = "k".repeat(MAX_KEY_LEN + 1);
        for bad in ["", "  ", "a b", "é", too_long.as_str()] {
            let req = Request::post("/").header("idempotency-key", bad);
            let (status, p) = problem(call(req, r#"{"name":"x"}"#).await).await;
            let expected = if bad.is_ascii() {
                "idempotency_key_invalid"
            } else {
                // Not a visible-ASCII header value at all: as good as missing.
                "idempotency_key_missing"
            };
            assert_eq!(
                (status.as_u16(), p.code.as_str()),
                (400, expected),
                "{bad:?}"
            );
        }
        let longest = "k".repeat(MAX_KEY_LEN);
        let req = Request::post("/").header("idempotency-key", format!(" {longest} "));
        assert_eq!(call(req, r#"{"name":"x"}"#).await.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn refuses_bodies_in_order_size_media_type_json_shape() {
        let json = || post().header("content-type", "application/json");
        // Too large, and not JSON either: the size is reported first.
        let (status, p) =
            problem(call(post().header("content-type", "text/plain"), "x".repeat(33)).await).await;
        assert_eq!(
            (status.as_u16(), p.code.as_str()),
            (413, "payload_too_large")
        );
        assert_eq!(p.title, "Request body too large");
        assert_eq!(p.detail.as_deref(), Some("At most 32 bytes"));

        let (status, p) =
            problem(call(post().header("content-type", "text/plain"), "{").await).await;
        assert_eq!(
            (status.as_u16(), p.code.as_str()),
            (415, "unsupported_media_type")
        );
        assert_eq!(p.title, Named::MEDIA_TITLE);

        let (status, p) = problem(call(json(), "{").await).await;
        assert_eq!((status.as_u16(), p.code.as_str()), (400, "malformed_json"));
        assert!(p.detail.is_some(), "serde's explanation");

        let (status, p) = problem(call(json(), r#"{"name":1}"#).await).await;
        assert_eq!(
            (status.as_u16(), p.code.as_str()),
            (400, "malformed_ticket")
        );
    }

    #[tokio::test]
    async fn refuses_an_unreadable_body() {
        let broken = Body::from_stream(futures_util::stream::once(async {
            Err::<Bytes, _>(std::io::Error::other("connection reset"))
        }));
        let (status, p) = problem(call(post(), broken).await).await;
        assert_eq!((status.as_u16(), p.code.as_str()), (400, "bad_body"));
        assert_eq!(p.title, "Unreadable request body");
    }
}
