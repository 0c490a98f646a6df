//! `GET /api/v1/content?locale=<tag>`: the compiled bundle of the best-matching locale.
//!
//! - `locale` is negotiated ([`koban_core::content::negotiate`]): `ja-JP` → `ja`; missing or
//!   unknown → the default locale. `Content-Language` names the locale served.
//! - The body is the pre-serialized JSON of [`ServedBundle`], gzipped when the client accepts
//!   gzip (hence `Vary: Accept-Encoding`).
//! - `ETag` is strong and quoted: `"<version>"` for JSON, `"<version>-gzip"` for gzipped JSON;
//!   `If-None-Match` with either gets `304 Not Modified` ([`crate::etag`]).
//! - `Cache-Control: public, max-age=60` ([`CONTENT_CACHE`]): the bundle is the same for every
//!   user, so shared caches may keep it; a minute bounds how long an edit (deployed with a
//!   SIGHUP) takes to reach users, and revalidation after that is a cheap 304.
//! - Errors are RFC 9457 problem details.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::store::{ContentStore, ServedBundle};
use crate::etag;
use crate::problem::Problem;

/// Cache policy of the content bundle.
pub const CONTENT_CACHE: &str = "public, max-age=60";

/// The route `GET /api/v1/content`.
pub fn router(store: Arc<ContentStore>) -> Router {
    Router::new()
        .route("/api/v1/content", get(get_content))
        .with_state(store)
}

/// Query parameters.
#[derive(Debug, Deserialize)]
struct ContentQuery {
    /// A BCP 47 tag, or an `Accept-Language`-style list.
    locale: Option<String>,
}

async fn get_content(
    State(store): State<Arc<ContentStore>>,
    headers: HeaderMap,
    query: Result<Query<ContentQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(query) = query?;
    let compiled = store.current();
    let bundle = compiled.negotiate(query.locale.as_deref());
    Ok(respond(bundle, &headers))
}

fn respond(bundle: &ServedBundle, headers: &HeaderMap) -> Response {
    let gzip = accepts_gzip(headers);
    let etag = if gzip {
        bundle.gzip_etag()
    } else {
        bundle.etag()
    };
    let mut res = if etag::none_match(headers, &[&bundle.etag(), &bundle.gzip_etag()]) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = if gzip {
            bundle.gzip.clone()
        } else {
            bundle.json.clone()
        };
        let mut res = body.into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if gzip {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        res
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CONTENT_CACHE),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Ok(v) = HeaderValue::from_str(&bundle.locale) {
        h.insert(header::CONTENT_LANGUAGE, v);
    }
    res
}

/// Whether `Accept-Encoding` allows gzip (`gzip`, `x-gzip` or `*`, with a non-zero quality).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q_zero = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            matches!(coding.as_str(), "gzip" | "x-gzip" | "*") && !q_zero
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn gzip_negotiation() {
        let ae = header::ACCEPT_ENCODING;
        assert!(accepts_gzip(&headers(ae.clone(), "gzip, deflate, br")));
        assert!(accepts_gzip(&headers(ae.clone(), "br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&headers(ae.clone(), "*")));
        assert!(!accepts_gzip(&headers(ae.clone(), "gzip;q=0")));
        assert!(!accepts_gzip(&headers(ae.clone(), "br, identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
