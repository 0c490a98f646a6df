//! Koban server: serves the widget bundle, the demo dashboard and (in later modules) the content,
//! ticket and feedback APIs.
//!
//! - [`cli`]: the `koban` command line.
//! - [`app`]: the axum router, built from a [`app::ServerConfig`].
//! - [`assets`]: the widget's static files with their caching and CORS rules.
//! - [`demo`]: the demo dashboard pages.
//! - [`content`]: help content: compiled at start and on SIGHUP, `GET /api/v1/content`, and
//!   `koban content check|build`.
//! - [`config`]: `koban.toml` and its environment overrides.
//! - [`delivery`]: the worker that forwards new tickets from the outbox to a webhook, Discord
//!   and email.
//! - [`openapi`]: `GET /openapi.json`, generated from the handlers and types.
//! - [`tickets`]: ticket intake (`/api/v1/tickets`), over the [`store`], with [`limits`] and
//!   errors as [`problem`] details.
//! - [`feedback`]: feedback intake (`POST /api/v1/feedback`) and `koban report`.
//! - [`trace`]: the request id and log line of every request, and the log format.
//! - [`extract`]: extractors for the preconditions handlers share (`Idempotency-Key`, a JSON
//!   body), refusing with their problems.
//! - [`etag`]: `ETag` / `If-None-Match` for the cacheable public resources.

pub mod app;
pub mod assets;
pub mod cli;
pub mod config;
pub mod content;
pub mod delivery;
pub mod demo;
pub mod etag;
pub mod extract;
pub mod feedback;
pub mod limits;
pub mod locales;
pub mod mail;
pub mod openapi;
pub mod problem;
pub mod store;
pub mod tickets;
pub mod trace;
