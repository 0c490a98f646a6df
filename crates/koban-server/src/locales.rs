//! `GET /api/v1/locales/{locale}`: the widget's UI strings for one locale, compiled from
//! `locales/<locale>/*.ftl` at start by koban-core's Fluent compiler (checked: every file parses,
//! every locale has exactly the message ids and variables of `en`). The widget has English built
//! in and fetches only the locale it switches to.
//!
//! Strong `ETag` (a hash of the table), `If-None-Match` → 304 ([`crate::etag`]),
//! `Cache-Control: public, max-age=300`, readable from any origin (like the content). Unknown
//! locale: 404 problem.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use koban_core::content::Diagnostic;
use sha2::{Digest, Sha256};

use crate::etag;
use crate::problem::Problem;

/// Cache policy of a message table.
pub const LOCALES_CACHE: &str = "public, max-age=300";

/// Compiled tables by locale: (JSON, quoted ETag).
#[derive(Debug, Default)]
pub struct LocaleTables {
    tables: BTreeMap<String, (String, String)>,
}

impl LocaleTables {
    /// Compiles `dir`. A missing directory is no tables (the widget stays in English); any
    /// problem in the files is an error with every diagnostic.
    pub fn load(dir: &Path) -> Result<LocaleTables, Vec<Diagnostic>> {
        if !dir.is_dir() {
            return Ok(LocaleTables::default());
        }
        let (tables, diags) = koban_core::locales::ftl::load(dir);
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(LocaleTables {
            tables: tables
                .into_iter()
                .map(|(locale, table)| {
                    let json = table.to_json();
                    let hash = Sha256::digest(json.as_bytes());
                    let etag = format!("\"{}\"", hex(&hash[..16]));
                    (locale, (json, etag))
                })
                .collect(),
        })
    }

    /// The locales served.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.tables.keys().map(String::as_str)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The route `GET /api/v1/locales/{locale}`.
pub fn router(tables: Arc<LocaleTables>) -> Router {
    Router::new()
        .route("/api/v1/locales/{locale}", get(get_table))
        .with_state(tables)
}

async fn get_table(
    State(tables): State<Arc<LocaleTables>>,
    UrlPath(locale): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let (json, etag) = tables.tables.get(&locale).ok_or_else(Problem::not_found)?;
    let mut res = if etag::none_match(&headers, &[etag]) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], json.clone()).into_response()
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(LOCALES_CACHE),
    );
    if let Ok(v) = HeaderValue::from_str(&locale) {
        h.insert(header::CONTENT_LANGUAGE, v);
    }
    Ok(res)
}
