//! The demo dashboard of a compute-sharing platform, with the floating widget (`/demo`), the
//! inline help panel (`/demo/inline`), and the same dashboard under the strict Content Security
//! Policy a careful host would send (`/demo/csp`, [`STRICT_CSP`]). The pages are compiled into
//! the binary. `/demo/csp-no-wasm` is the same page under a policy that blocks WebAssembly, which
//! shows the fallback panel.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const INDEX: &str = include_str!("../demo/index.html");
const INLINE: &str = include_str!("../demo/inline.html");
const SCRIPT: &str = include_str!("../demo/demo.js");
const STYLE: &str = include_str!("../demo/demo.css");

/// The policy `/demo/csp` is served with: no inline script or style, no eval, WebAssembly
/// compilation allowed, everything else only from this origin. README documents it as the policy
/// a host needs.
pub const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

/// The strict policy without `'wasm-unsafe-eval'`, for `/demo/csp-no-wasm`: a host that blocks
/// WebAssembly gets the loader's fallback panel (support channels and email) instead.
pub const NO_WASM_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

/// Demo routes.
pub fn router() -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { axum::response::Redirect::temporary("/demo") }),
        )
        .route("/demo", get(|| async { html(INDEX) }))
        .route("/demo/inline", get(|| async { html(INLINE) }))
        .route("/demo/csp", get(|| async { with_csp(STRICT_CSP) }))
        .route("/demo/csp-no-wasm", get(|| async { with_csp(NO_WASM_CSP) }))
        .route(
            "/demo/demo.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    SCRIPT,
                )
            }),
        )
        .route(
            "/demo/demo.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
}

/// The demo dashboard served under `policy`.
fn with_csp(policy: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        INDEX,
    )
}

fn html(body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
}
